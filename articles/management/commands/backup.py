"""``manage.py backup FILE``: the whole site in one zip archive that ``manage.py restore`` reads back.

The archive holds:

- ``data.json``: the database as Django's portable JSON (``dumpdata`` with natural foreign keys,
  so content types and permissions are found by name on the site it is restored to). Left out:
  content types and permissions (a migrated database makes its own), sessions, the admin's log and
  django-axes' login records (they describe this server's recent past, not the newsroom);
- ``files/<storage>/<name>``: every file in the ``default`` (renditions) and ``originals``
  storages, read through Django's storage API, so local folders and object storage back up alike;
- ``manifest.json``: the format and its version, when it was made, the Django version and each
  app's latest applied migrations, a count of the main records, and every member with its size and
  SHA-256, which restore checks before it changes anything.

On PostgreSQL the data is read in one repeatable-read transaction, so it is one consistent moment
even while the desk keeps working. Files are read after the data, so every file the data names is
in the archive (a photo uploaded meanwhile adds a file nothing refers to yet, which is harmless).
"""

import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import django
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "newsroom-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA = "data.json"
FILES_PREFIX = "files/"
STORAGES = ("default", "originals")
EXCLUDED = ("contenttypes", "auth.permission", "sessions", "admin.logentry", "axes")
CHUNK = 1024 * 1024


def storage_files(storage, folder: str = "") -> Iterator[str]:
    """Every file name in ``storage`` under ``folder``, walking with ``listdir``, in a stable order."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return  # a storage whose folder was never made holds nothing
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(folders):
        yield from storage_files(storage, f"{folder}/{name}" if folder else name)


def archive_path(storage_name: str, name: str) -> str:
    return f"{FILES_PREFIX}{storage_name}/{name}"


def copy_hashing(source, target) -> tuple[int, str]:
    """Copy one open file to another in chunks; return the byte count and SHA-256 of what was copied."""
    digest = hashlib.sha256()
    size = 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        target.write(chunk)
        size += len(chunk)
    return size, digest.hexdigest()


def migration_heads(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    """Each app's applied migrations that no other applied migration of the same app follows."""
    applied = MigrationRecorder(connections[using]).applied_migrations()
    graph = MigrationLoader(connections[using], ignore_no_migrations=True).graph
    heads: dict[str, list[str]] = {}
    for app_label, name in applied:
        if (app_label, name) not in graph.nodes:
            continue  # recorded but gone from the code (squashed or removed)
        children = {child.key for child in graph.node_map[(app_label, name)].children}
        if not any(key in applied and key[0] == app_label for key in children):
            heads.setdefault(app_label, []).append(name)
    return {app: sorted(names) for app, names in sorted(heads.items())}


def record_counts() -> dict[str, int]:
    from django.contrib.auth import get_user_model
    from reversion.models import Revision, Version

    from articles.models import Photo, Story

    return {
        "stories": Story.objects.count(),
        "photos": Photo.objects.count(),
        "revisions": Revision.objects.count(),
        "versions": Version.objects.count(),
        "users": get_user_model().objects.count(),
    }


class Command(BaseCommand):
    help = (
        "Write the database (portable JSON) and every file of the default and originals storages "
        "into one zip archive with a manifest of SHA-256 checksums. Restore it with `manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The archive to write, e.g. newsroom-2026-12-03.zip.")
        parser.add_argument("--overwrite", action="store_true", help="Replace FILE if it exists.")

    def handle(self, *args, file, overwrite, **options):
        target = Path(file)
        if target.exists() and not overwrite:
            raise CommandError(f"{target} already exists; choose another name or pass --overwrite.")
        if not target.parent.is_dir():
            raise CommandError(f"The folder {target.parent} does not exist.")
        # Written beside the target and renamed at the end: an interrupted backup leaves no half archive.
        handle, partial = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
        os.close(handle)
        try:
            manifest = self.write_archive(Path(partial))
            os.replace(partial, target)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
        counts = manifest["counts"]
        total = sum(entry["size"] for entry in manifest["members"] if entry["path"].startswith(FILES_PREFIX))
        files = sum(1 for entry in manifest["members"] if entry["path"].startswith(FILES_PREFIX))
        self.stdout.write(
            f"Backed up {counts['stories']} stories, {counts['photos']} photos, {counts['revisions']} revisions "
            f"and {files} files ({total:,} bytes) to {target}."
        )

    def write_archive(self, path: Path) -> dict:
        members = []
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            data_members, counts, heads = self.write_data(archive)
            members.extend(data_members)
            for storage_name in STORAGES:
                storage = storages[storage_name]
                for name in storage_files(storage):
                    members.append(self.write_file(archive, storage_name, storage, name))
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created": timezone.now().isoformat(),
                "django": django.get_version(),
                "database_vendor": connections[DEFAULT_DB_ALIAS].vendor,
                "migrations": heads,
                "counts": counts,
                "members": members,
            }
            archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
        return manifest

    def write_data(self, archive: zipfile.ZipFile) -> tuple[list[dict], dict, dict]:
        connection = connections[DEFAULT_DB_ALIAS]
        with tempfile.TemporaryDirectory(prefix="newsroom-backup-") as folder:
            dump = Path(folder) / DATA
            outermost = not connection.in_atomic_block
            with transaction.atomic():
                if connection.vendor == "postgresql" and outermost:
                    # One snapshot for every table: a story and its bylines from the same moment.
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                call_command(
                    "dumpdata",
                    exclude=list(EXCLUDED),
                    natural_foreign=True,
                    format="json",
                    output=str(dump),
                    verbosity=0,
                )
                counts = record_counts()
                heads = migration_heads()
            with dump.open("rb") as source, archive.open(DATA, "w", force_zip64=True) as target:
                size, sha256 = copy_hashing(source, target)
        return [{"path": DATA, "size": size, "sha256": sha256}], counts, heads

    def write_file(self, archive: zipfile.ZipFile, storage_name: str, storage, name: str) -> dict:
        path = archive_path(storage_name, name)
        info = zipfile.ZipInfo(path, date_time=timezone.now().timetuple()[:6])
        # Photos and renditions are compressed already: store them as they are.
        info.compress_type = zipfile.ZIP_STORED
        with storage.open(name, "rb") as source, archive.open(info, "w", force_zip64=True) as target:
            size, sha256 = copy_hashing(source, target)
        return {"path": path, "storage": storage_name, "name": name, "size": size, "sha256": sha256}
