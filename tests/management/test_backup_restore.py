"""manage.py backup and restore: a round trip of data, revisions and every file, and damaged archives refused."""

import hashlib
import json
import zipfile
from io import StringIO

import pytest
import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.core.management.base import CommandError
from reversion.models import Revision, Version

from articles.management.commands.backup import storage_files
from articles.management.commands.restore import flush_database
from articles.models import Photo, Placement, Story
from tests.factories import PhotoFactory, PlacementFactory, StoryFactory, UserFactory


@pytest.fixture
def media(settings, tmp_path, monkeypatch):
    """Both storages in folders of this test's own, so deleting every file touches nothing else."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
        "originals": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "originals"},
        },
    }
    # The photo field took its storage when the model was defined; point it at this test's too.
    monkeypatch.setattr(Photo._meta.get_field("image"), "storage", storages["originals"])
    yield storages
    # flush() inside the test made content types that the test's rollback removes again.
    ContentType.objects.clear_cache()


@pytest.fixture
def site(db, media):
    editor = UserFactory(username="desk-editor", role="Editor")
    stories = [StoryFactory(headline=f"Harbour story {n}") for n in range(3)]
    stories[0].lead_photo = PhotoFactory(caption="Cranes at dawn")
    stories[0].save()
    PlacementFactory(story=stories[1], photo=PhotoFactory(caption="The new quay"))
    stories[2].tags.set(["Harbour", "Council"])
    for story in stories:
        for edit in range(2):
            with reversion.create_revision():
                story.standfirst = f"Edit {edit} of {story.headline}."
                story.save()
                reversion.set_user(editor)
                reversion.set_comment(f"Edit {edit}")
    return stories


def every_file() -> dict[tuple[str, str], bytes]:
    found = {}
    for storage_name in ("default", "originals"):
        storage = storages[storage_name]
        for name in storage_files(storage):
            with storage.open(name, "rb") as handle:
                found[(storage_name, name)] = handle.read()
    return found


def delete_every_file() -> None:
    for storage_name in ("default", "originals"):
        for name in list(storage_files(storages[storage_name])):
            storages[storage_name].delete(name)


def snapshot() -> dict:
    return {
        "stories": sorted(Story.objects.values_list("pk", "headline", "standfirst", "section__slug", "lead_photo_id")),
        "photos": sorted(Photo.objects.values_list("pk", "caption", "image", "renditions")),
        "placements": sorted(Placement.objects.values_list("story_id", "photo_id")),
        "tags": sorted(Story.objects.filter(tags__isnull=False).values_list("pk", "tags__name")),
        "revisions": sorted(Revision.objects.values_list("pk", "comment", "user__username")),
        "versions": sorted(Version.objects.values_list("object_id", "content_type__model", "serialized_data")),
    }


def run(command, *args) -> str:
    out = StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def test_a_backup_restored_on_an_emptied_site_brings_back_everything_byte_for_byte(site, tmp_path):
    before = snapshot()
    files = every_file()
    assert len(before["stories"]) == 3 and len(before["photos"]) == 2
    assert len(before["versions"]) >= 6
    assert any(storage == "originals" for storage, _ in files) and any(storage == "default" for storage, _ in files)

    archive = tmp_path / "site.zip"
    assert "Backed up 3 stories, 2 photos, 6 revisions" in run("backup", str(archive))

    flush_database()
    delete_every_file()
    assert not Story.objects.exists() and not every_file()

    summary = run("restore", str(archive))

    assert snapshot() == before
    assert every_file() == files
    assert f"Restored 3 stories, 2 photos, 6 revisions ({len(before['versions'])} versions)" in summary
    assert f"{len(files)} files" in summary
    # Revisions still open: the restored version of a story holds its words.
    story = Story.objects.get(headline="Harbour story 2")
    assert Version.objects.get_for_object(story).first().field_dict["standfirst"] == "Edit 1 of Harbour story 2."


def test_the_manifest_lists_every_member_with_its_size_and_checksum(site, tmp_path):
    archive = tmp_path / "site.zip"
    run("backup", str(archive))
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read("manifest.json"))
        for entry in manifest["members"]:
            content = opened.read(entry["path"])
            assert entry["size"] == len(content)
            assert entry["sha256"] == hashlib.sha256(content).hexdigest()
    assert manifest["format"] == "newsroom-backup" and manifest["format_version"] == 1
    assert "articles" in manifest["migrations"] and manifest["counts"]["stories"] == 3
    data = json.loads(zipfile.ZipFile(archive).read("data.json"))
    models = {row["model"] for row in data}
    assert {"articles.story", "articles.photo", "reversion.version", "auth.user"} <= models
    assert not models & {"contenttypes.contenttype", "auth.permission", "sessions.session", "admin.logentry"}


def tamper(source, target, *, change=None, drop=None) -> None:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            if info.filename == drop:
                continue
            content = original.read(info.filename)
            if info.filename == change:
                content = bytes([content[0] ^ 0xFF]) + content[1:]
            copy.writestr(info.filename, content)


@pytest.fixture
def archive_and_member(site, tmp_path):
    archive = tmp_path / "site.zip"
    run("backup", str(archive))
    with zipfile.ZipFile(archive) as opened:
        member = next(name for name in opened.namelist() if name.startswith("files/originals/"))
    flush_database()
    delete_every_file()
    return archive, member


def test_a_changed_byte_is_refused_before_anything_changes(archive_and_member, tmp_path):
    archive, member = archive_and_member
    damaged = tmp_path / "damaged.zip"
    tamper(archive, damaged, change=member)
    with pytest.raises(CommandError, match=rf"{member} is damaged"):
        call_command("restore", str(damaged))
    assert not Story.objects.exists() and not every_file()


def test_a_missing_file_is_refused_with_its_name(archive_and_member, tmp_path):
    archive, member = archive_and_member
    incomplete = tmp_path / "incomplete.zip"
    tamper(archive, incomplete, drop=member)
    with pytest.raises(CommandError, match=rf"incomplete; missing 1 member\(s\): {member}"):
        call_command("restore", str(incomplete))
    assert not Story.objects.exists()


def test_damaged_data_and_a_file_that_is_no_archive_are_refused(archive_and_member, tmp_path):
    archive, _ = archive_and_member
    damaged = tmp_path / "data.zip"
    tamper(archive, damaged, change="data.json")
    with pytest.raises(CommandError, match=r"data\.json is damaged"):
        call_command("restore", str(damaged))
    not_zip = tmp_path / "notes.zip"
    not_zip.write_text("hello")
    with pytest.raises(CommandError, match="not a backup archive"):
        call_command("restore", str(not_zip))


def test_check_verifies_without_restoring(archive_and_member):
    archive, _ = archive_and_member
    assert "complete and undamaged" in run("restore", "--check", str(archive))
    assert not Story.objects.exists()


def test_a_site_that_is_not_empty_is_refused_unless_forced(site, tmp_path):
    archive = tmp_path / "site.zip"
    run("backup", str(archive))
    before, files = snapshot(), every_file()
    StoryFactory(headline="Written after the backup")
    storages["default"].save("stray/after-backup.txt", ContentFile(b"stray"))

    with pytest.raises(CommandError, match=r"not empty \(1 users, 4 stories"):
        call_command("restore", str(archive))
    assert Story.objects.filter(headline="Written after the backup").exists()

    summary = run("restore", "--force", str(archive))
    assert snapshot() == before
    assert every_file() == files
    assert "removed 1 files the archive does not have" in summary


def test_backup_refuses_to_overwrite_an_existing_file(db, media, tmp_path):
    target = tmp_path / "exists.zip"
    target.write_bytes(b"keep me")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(target))
    assert target.read_bytes() == b"keep me"


def test_a_manifest_naming_a_file_outside_its_storage_is_refused(archive_and_member, tmp_path):
    archive, member = archive_and_member
    escaping = tmp_path / "escaping.zip"
    with zipfile.ZipFile(archive) as original, zipfile.ZipFile(escaping, "w") as copy:
        manifest = json.loads(original.read("manifest.json"))
        for entry in manifest["members"]:
            if entry["path"] == member:
                entry["name"] = "../../outside.jpg"
                entry["path"] = f"files/originals/{entry['name']}"
                copy.writestr(entry["path"], original.read(member))
            elif entry["path"] != "manifest.json":
                copy.writestr(entry["path"], original.read(entry["path"]))
        copy.writestr("manifest.json", json.dumps(manifest))
    with pytest.raises(CommandError, match="unsafe or unknown file"):
        call_command("restore", str(escaping))
    assert not (tmp_path / "outside.jpg").exists()
    assert not Story.objects.exists()
