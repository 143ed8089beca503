"""python manage.py ingest_wire: paths, one line per item, exit status, and the watched inbox."""

import io
import os
import signal
import threading
import time

import pytest
from django.core.management import CommandError, call_command

from articles.models import Photo, WireEntry, WireRejection
from tests.wire.conftest import DESK, FIXTURES, jpeg_bytes

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("ingest_wire", *args, stdout=out)
    except SystemExit as stop:
        return out.getvalue(), stop.code
    return out.getvalue(), 0


def test_one_line_per_item_and_status_zero(tmp_path):
    (tmp_path / "ferry.nitf.xml").write_bytes((DESK / "ferry.nitf.xml").read_bytes())
    (tmp_path / "ferry-quay.jpg").write_bytes(jpeg_bytes(3))
    (tmp_path / "ferry-deck.jpg").write_bytes(jpeg_bytes(4))
    output, status = run(str(tmp_path), str(FIXTURES / "ninjs" / "story.json"))

    assert status == 0
    lines = output.splitlines()
    assert lines[0].split()[:3] == ["ingested", "nitf", "npa-2026-1120-ferry"]
    assert "Night ferry returns to the islands" in lines[0]
    assert "picture          ferry-quay.jpg → photo no." in output
    assert any(line.startswith("ingested  ninjs") for line in lines)
    assert lines[-1] == "2 ingested"
    assert Photo.objects.count() == 2


def test_rejections_give_status_one_and_the_reason():
    output, status = run(str(FIXTURES / "bad" / "xxe.xml"), str(DESK / "ferry.nitf.xml"))
    assert status == 1
    assert "rejected  xxe.xml: " in output and "entit" in output
    assert "ingested  nitf" in output
    assert WireRejection.objects.get().name == "xxe.xml"


def test_a_missing_path_is_named():
    with pytest.raises(CommandError, match=r"No such file or folder: /nowhere/wire\.xml"):
        run("/nowhere/wire.xml")


def test_watch_without_an_inbox_says_how_to_set_one(settings):
    settings.NEWSROOM_WIRE_INBOX = ""
    with pytest.raises(CommandError, match="Set NEWSROOM_WIRE_INBOX"):
        run("--watch")


def test_watch_moves_files_and_stops_on_sigterm(settings, tmp_path):
    settings.NEWSROOM_WIRE_INBOX = str(tmp_path)
    (tmp_path / "ferry.nitf.xml").write_bytes((DESK / "ferry.nitf.xml").read_bytes())
    (tmp_path / "ferry-quay.jpg").write_bytes(jpeg_bytes(5))
    (tmp_path / "bad.xml").write_bytes((FIXTURES / "bad" / "malformed.xml").read_bytes())
    past = time.time() - 60
    for path in tmp_path.iterdir():
        os.utime(path, (past, past))
    timer = threading.Timer(2.5, os.kill, (os.getpid(), signal.SIGTERM))
    timer.start()
    try:
        output, status = run("--watch", "--interval", "0.5")
    finally:
        timer.cancel()

    assert status == 0 and output.rstrip().endswith("Stopped.")
    assert sorted(p.name for p in (tmp_path / "processed").iterdir()) == ["ferry-quay.jpg", "ferry.nitf.xml"]
    assert [p.name for p in (tmp_path / "rejected").iterdir()] == ["bad.xml"]
    assert WireEntry.objects.get().source == "inbox"
    assert WireRejection.objects.get().source == "inbox"
