"""A forced restore that fails half-way leaves the site as it was, and says so (exit status 1)."""

import errno
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.management.commands import restore
from articles.models import Story
from tests.factories import StoryFactory
from tests.management import test_backup_restore as base
from tests.management.test_backup_restore import every_file, run, snapshot

media = base.media
site = base.site


@pytest.fixture
def changed_site(site, tmp_path):
    """A backup of the site, then a site that moved on: a new story, a new file, a changed file."""
    archive = tmp_path / "site.zip"
    run("backup", str(archive))
    StoryFactory(headline="Written after the backup")
    storages["default"].save("stray/after-backup.txt", ContentFile(b"stray"))
    some_file = next(name for storage, name in every_file() if storage == "originals")
    with storages["originals"].open(some_file, "wb") as handle:
        handle.write(b"changed after the backup")
    return archive


def fail_after(monkeypatch, target, name: str, calls: int, error: Exception) -> None:
    """Make target.name raise `error` on the call after `calls` calls (once: the undo may use it)."""
    original = getattr(target, name)
    count = {"n": 0}

    def failing(*args, **kwargs):
        count["n"] += 1
        if count["n"] == calls + 1:
            raise error
        return original(*args, **kwargs)

    monkeypatch.setattr(target, name, failing)


def staging_folders(media) -> list[Path]:
    return [path for name in ("default", "originals") for path in Path(media[name].location).glob(".restore-*")]


def test_a_full_disk_while_the_files_are_written_restores_nothing(changed_site, media, monkeypatch):
    before, files = snapshot(), every_file()
    fail_after(monkeypatch, FileSystemStorage, "_save", 2, OSError(errno.ENOSPC, "No space left on device"))

    with pytest.raises(CommandError, match=r"Nothing was restored: writing files/.* failed .*No space left") as raised:
        call_command("restore", "--force", str(changed_site))

    assert raised.value.returncode == 1
    assert "this site is as it was" in str(raised.value)
    assert snapshot() == before
    assert Story.objects.filter(headline="Written after the backup").exists()
    assert every_file() == files
    assert staging_folders(media) == []


def test_a_failure_while_the_files_are_swapped_in_puts_back_the_files_and_the_database(
    changed_site, media, monkeypatch
):
    before, files = snapshot(), every_file()
    fail_after(monkeypatch, restore, "move", 3, OSError(errno.EIO, "Input/output error"))

    with pytest.raises(CommandError, match=r"Nothing was restored: .*Input/output error.* as they were"):
        call_command("restore", "--force", str(changed_site))

    assert snapshot() == before
    assert every_file() == files
    assert staging_folders(media) == []


def test_a_file_that_cannot_be_put_back_is_named(changed_site, media, monkeypatch):
    moves = []
    original = restore.move

    def move(storage, source, target):
        moves.append((source, target))
        if len(moves) == 4:  # the swap fails here...
            raise OSError(errno.EIO, "Input/output error")
        if len(moves) == 5:  # ...and the first file put back fails too
            raise OSError(errno.EIO, "Input/output error")
        return original(storage, source, target)

    monkeypatch.setattr(restore, "move", move)
    with pytest.raises(CommandError, match="database was not changed, but these files could not be put back") as raised:
        call_command("restore", "--force", str(changed_site))
    assert Story.objects.filter(headline="Written after the backup").exists()
    # The third move took the site's second file aside; putting it back is the one that failed.
    assert moves[2][0] in str(raised.value)
    assert raised.value.returncode == 1


def test_data_that_will_not_load_restores_nothing(changed_site, media, monkeypatch):
    before, files = snapshot(), every_file()

    def broken_load(self, archive, *, replace):
        restore.flush_database()
        raise restore.CommandError("the data would not load")

    monkeypatch.setattr(restore.Command, "load_data", broken_load)
    with pytest.raises(CommandError, match="Nothing was restored: the data would not load"):
        call_command("restore", "--force", str(changed_site))
    assert snapshot() == before
    assert every_file() == files
    assert staging_folders(media) == []


def test_a_forced_restore_that_succeeds_leaves_no_staging_behind(changed_site, media):
    summary = run("restore", "--force", str(changed_site))
    assert "removed 1 files the archive does not have" in summary
    assert not Story.objects.filter(headline="Written after the backup").exists()
    assert staging_folders(media) == []
