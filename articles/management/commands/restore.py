"""``manage.py restore FILE``: put back a site saved by ``manage.py backup``.

Nothing is changed until the whole archive has been checked: the manifest's format, every member
present and nothing unlisted, every size and SHA-256, and the archive's migrations matching this
site's (migrate first; an archive from other code is refused, since its JSON would not fit).

The rule for what it may overwrite: restore fills an empty site, a freshly migrated database
(the roles its migrations made are replaced by the archive's) with no files in either storage.
Anything else is refused and listed, unless ``--force``, which replaces the site.
``--check`` verifies and changes nothing.

A restore that fails half-way must not leave half a site. The archive's files are first written to
a staging folder inside each storage (``.restore-<token>/``), where a bad member or a full disk
stops the restore before the site is touched. Then, in one transaction, the database is flushed
and loaded and the staged files are moved into place, each file they replace moved aside first
(a rename on a local disk). If anything in that step fails, the moves are undone and the
transaction rolls back: the site is as it was. Only after the commit are the old files, and those
the archive does not have, deleted. Whatever could not be put back or cleaned up is named, and the
command exits with status 1.
"""

import contextlib
import hashlib
import json
import os
import secrets
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.executor import MigrationExecutor

from articles.management.commands.backup import (
    CHUNK,
    DATA,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    STORAGES,
    archive_path,
    migration_heads,
    record_counts,
    storage_files,
)


def open_archive(path: Path) -> zipfile.ZipFile:
    if not path.is_file():
        raise CommandError(f"{path} does not exist or is not a file.")
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile as error:
        raise CommandError(f"{path} is not a backup archive (not a readable zip file: {error}).") from None


def read_manifest(archive: zipfile.ZipFile) -> dict:
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError:
        raise CommandError(f"Refused: the archive has no {MANIFEST}; it was not made by `manage.py backup`.") from None
    except (ValueError, zipfile.BadZipFile) as error:
        raise CommandError(f"Refused: {MANIFEST} is damaged ({error}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise CommandError(f"Refused: {MANIFEST} does not describe a newsroom backup.")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise CommandError(
            f"Refused: the archive is format version {manifest.get('format_version')!r}; "
            f"this code reads version {FORMAT_VERSION}."
        )
    members = manifest.get("members")
    if not isinstance(members, list) or not all(
        isinstance(entry, dict)
        and isinstance(entry.get("path"), str)
        and isinstance(entry.get("size"), int)
        and isinstance(entry.get("sha256"), str)
        for entry in members
    ):
        raise CommandError(f"Refused: {MANIFEST} has no valid list of members (each with path, size and sha256).")
    return manifest


def check_member_names(manifest: dict) -> None:
    """Each member is the data or a file of a known storage, at the path its storage and name give."""
    paths = [entry.get("path") for entry in manifest["members"]]
    if DATA not in paths:
        raise CommandError(f"Refused: the manifest lists no {DATA}; the archive is incomplete.")
    if len(set(paths)) != len(paths):
        raise CommandError("Refused: the manifest lists a member twice.")
    for entry in manifest["members"]:
        if entry["path"] == DATA:
            continue
        storage, name = entry.get("storage"), entry.get("name")
        parts = PurePosixPath(name or "").parts
        if (
            storage not in STORAGES
            or not name
            or name.startswith("/")
            or "\\" in name
            or "\0" in name
            or any(part in ("", ".", "..") for part in parts)
            or entry["path"] != archive_path(storage, name)
        ):
            raise CommandError(f"Refused: the manifest lists an unsafe or unknown file: {entry['path']!r}.")


def verify_checksums(archive: zipfile.ZipFile, manifest: dict) -> None:
    listed = {entry["path"] for entry in manifest["members"]}
    present = {name for name in archive.namelist() if not name.endswith("/")} - {MANIFEST}
    if missing := sorted(listed - present):
        raise CommandError(
            f"Refused: the archive is incomplete; missing {len(missing)} member(s): {', '.join(missing[:5])}."
        )
    if unlisted := sorted(present - listed):
        raise CommandError(
            f"Refused: the archive holds member(s) its manifest does not list: {', '.join(unlisted[:5])}."
        )
    for entry in manifest["members"]:
        digest = hashlib.sha256()
        size = 0
        try:
            with archive.open(entry["path"]) as member:
                while chunk := member.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise CommandError(f"Refused: {entry['path']} is damaged ({error}).") from None
        if size != entry.get("size") or digest.hexdigest() != entry.get("sha256"):
            raise CommandError(f"Refused: {entry['path']} is damaged; its size or SHA-256 does not match the manifest.")


def check_migrations(manifest: dict) -> None:
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CommandError("This database has unapplied migrations: run `manage.py migrate` first, then restore.")
    here = migration_heads()
    archived = manifest.get("migrations") or {}
    differing = [app for app, heads in archived.items() if here.get(app) != heads]
    if differing:
        details = "; ".join(f"{app}: archive {archived[app]}, here {here.get(app, 'none')}" for app in differing)
        raise CommandError(
            f"Refused: the archive was made at other migrations ({details}). Restore it with the code "
            "it was made with, then upgrade."
        )


def site_contents() -> dict[str, int]:
    """What this site holds that a restore would overwrite (groups do not count: migrations make them)."""
    from reversion.models import Version

    from articles.models import Author, Photo, Section, Story

    contents = {
        "users": get_user_model().objects.count(),
        "stories": Story.objects.count(),
        "photos": Photo.objects.count(),
        "sections": Section.objects.count(),
        "authors": Author.objects.count(),
        "versions": Version.objects.count(),
    }
    for storage_name in STORAGES:
        contents[f"files in {storage_name}"] = sum(1 for _ in storage_files(storages[storage_name]))
    return {what: count for what, count in contents.items() if count}


def flush_database() -> None:
    """Delete every row, as ``manage.py flush`` does, also inside a transaction that has written.

    PostgreSQL refuses to TRUNCATE a table with foreign-key checks still pending in the transaction:
    run them first, then defer them again (Django's default, which loaddata relies on).
    """
    connection = connections[DEFAULT_DB_ALIAS]
    postgresql = connection.vendor == "postgresql"
    if postgresql:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)
    if postgresql:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    # Content types are looked up by natural key; the ids cached before the flush are gone.
    ContentType.objects.clear_cache()


class Command(BaseCommand):
    help = (
        "Restore a `manage.py backup` archive into an empty, migrated site (or, with --force, replace "
        "this site's data and files). The whole archive is verified first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive written by `manage.py backup`.")
        parser.add_argument("--check", action="store_true", help="Verify the archive and change nothing.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a site that is not empty: its data and files are deleted and the archive's put in.",
        )

    def handle(self, *args, file, check, force, **options):
        path = Path(file)
        with open_archive(path) as archive:
            manifest = read_manifest(archive)
            check_member_names(manifest)
            verify_checksums(archive, manifest)
            files = [entry for entry in manifest["members"] if entry["path"] != DATA]
            if check:
                self.stdout.write(
                    f"{path} is complete and undamaged: data and {len(files)} files, made {manifest.get('created')}."
                )
                return
            check_migrations(manifest)
            contents = site_contents()
            if contents and not force:
                listing = ", ".join(f"{count} {what}" for what, count in contents.items())
                raise CommandError(
                    f"Refused: this site is not empty ({listing}). Restore into a freshly migrated database "
                    "with empty storages, or pass --force to replace everything here with the archive."
                )
            previous_files = {name: list(storage_files(storages[name])) for name in STORAGES} if force else {}
            staging = Staging(f".restore-{secrets.token_hex(6)}")
            try:
                staging.write(archive, files)
            except Exception as error:
                staging.discard()
                raise CommandError(
                    f"Nothing was restored: {error}. The staged files were removed; this site is as it was."
                ) from error
            try:
                with transaction.atomic():
                    self.load_data(archive, replace=bool(contents))
                    staging.swap_in()
            except Exception as error:
                not_put_back = staging.undo()
                staging.discard()
                if not_put_back:
                    raise CommandError(
                        f"Restore failed ({error}). The database was not changed, but these files could not be "
                        f"put back as they were: {', '.join(not_put_back)}."
                    ) from error
                raise CommandError(
                    f"Nothing was restored: {error}. The database and the files are as they were."
                ) from error
            leftovers = staging.finish()
            removed, left = self.remove_files_not_in(previous_files, staging.placed)
            leftovers += left

        counts = record_counts()
        expected = manifest.get("counts") or {}
        if any(counts[key] != expected.get(key, counts[key]) for key in counts):
            raise CommandError(f"Restored data does not match the manifest's counts: {counts} against {expected}.")
        total = sum(entry["size"] for entry in files)
        self.stdout.write(
            f"Restored {counts['stories']} stories, {counts['photos']} photos, {counts['revisions']} revisions "
            f"({counts['versions']} versions), {counts['users']} users and {len(files)} files ({total:,} bytes) "
            f"from {path}" + (f"; removed {removed} files the archive does not have." if removed else ".")
        )
        if leftovers:
            raise CommandError(
                f"The site is restored, but {len(leftovers)} old or staged file(s) could not be deleted; delete "
                f"them by hand: {', '.join(leftovers)}."
            )

    def load_data(self, archive: zipfile.ZipFile, *, replace: bool) -> None:
        if replace:
            flush_database()
        else:
            # An empty site's groups are the roles its migrations made; the archive's take their place.
            Group.objects.all().delete()
        with tempfile.TemporaryDirectory(prefix="newsroom-restore-") as folder:
            data = Path(folder) / DATA
            with archive.open(DATA) as source, data.open("wb") as target:
                while chunk := source.read(CHUNK):
                    target.write(chunk)
            call_command("loaddata", str(data), verbosity=0)

    @staticmethod
    def remove_files_not_in(previous: dict[str, list[str]], placed: set[tuple[str, str]]) -> tuple[int, list[str]]:
        """Delete the files the site had that the archive does not; (how many, those that would not go)."""
        removed, left = 0, []
        for storage_name, names in previous.items():
            for name in names:
                if (storage_name, name) not in placed:
                    try:
                        storages[storage_name].delete(name)
                    except OSError:
                        left.append(f"{storage_name}:{name}")
                    else:
                        removed += 1
        return removed, left


def move(storage, source: str, target: str) -> None:
    """Move a file within a storage: a rename where the storage is a local folder, else copy and delete."""
    try:
        source_path, target_path = Path(storage.path(source)), Path(storage.path(target))
    except NotImplementedError:  # Storage.path() of a storage with no local files (object storage)
        source_path = target_path = None
    if source_path is not None:
        target_path.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source_path, target_path)
        return
    with storage.open(source, "rb") as handle:
        saved = storage.save(target, handle)
    if saved != target:
        storage.delete(saved)
        raise OSError(f"the storage saved {target} as {saved}")
    storage.delete(source)


class Staging:
    """The archive's files written beside the site first, then swapped in (see the module's docstring).

    ``moves`` records each step of the swap as (storage, from, to), so it can be undone in reverse.
    """

    def __init__(self, prefix: str):
        self.prefix = prefix
        self.aside = f"{prefix}-previous"
        self.staged: list[tuple[str, str]] = []
        self.moves: list[tuple[str, str, str]] = []
        self.placed: set[tuple[str, str]] = set()

    def write(self, archive: zipfile.ZipFile, files: list[dict]) -> None:
        for entry in files:
            storage, name = storages[entry["storage"]], entry["name"]
            staged_name = f"{self.prefix}/{name}"
            try:
                with archive.open(entry["path"]) as member:
                    content = File(member, name=PurePosixPath(name).name)
                    content.size = entry["size"]
                    saved = storage.save(staged_name, content)
            except OSError as error:
                raise OSError(f"writing {entry['path']} failed ({error})") from error
            self.staged.append((entry["storage"], name))
            if saved != staged_name:
                raise OSError(f"the {entry['storage']} storage saved {staged_name} as {saved}")

    def swap_in(self) -> None:
        for storage_name, name in self.staged:
            storage = storages[storage_name]
            if storage.exists(name):
                move(storage, name, f"{self.aside}/{name}")
                self.moves.append((storage_name, name, f"{self.aside}/{name}"))
            move(storage, f"{self.prefix}/{name}", name)
            self.moves.append((storage_name, f"{self.prefix}/{name}", name))
            self.placed.add((storage_name, name))

    def undo(self) -> list[str]:
        """Put back every file the swap moved; the names of those that could not be."""
        failed = []
        for storage_name, source, target in reversed(self.moves):
            try:
                move(storages[storage_name], target, source)
            except OSError as error:
                failed.append(f"{storage_name}:{source} ({error})")
        self.moves, self.placed = [], set()
        return failed

    def finish(self) -> list[str]:
        """After the commit: delete the files moved aside; the names of those that would not go."""
        left = []
        for storage_name, _source, target in self.moves:
            if target.startswith(f"{self.aside}/"):
                try:
                    storages[storage_name].delete(target)
                except OSError:
                    left.append(f"{storage_name}:{target}")
        self._remove_folders()
        return left

    def discard(self) -> None:
        """Delete whatever is still staged (a failed restore)."""
        for storage_name, name in self.staged:
            # One that will not go keeps its folder, which the caller's error then points to.
            with contextlib.suppress(OSError):
                storages[storage_name].delete(f"{self.prefix}/{name}")
        self._remove_folders()

    def _remove_folders(self) -> None:
        """Empty staging folders, where the storage has folders on a local disk."""
        for storage_name in STORAGES:
            storage = storages[storage_name]
            for folder in (self.prefix, self.aside):
                try:
                    root = Path(storage.path(folder))
                except NotImplementedError:  # object storage: no folders to remove
                    continue
                for path in sorted(root.glob("**/"), key=lambda p: len(p.parts), reverse=True):
                    with contextlib.suppress(OSError):  # not empty: what is left there was named
                        path.rmdir()
