"""Ingest: items stored once, versions replacing one another, pictures through the photo desk, bad input set aside."""

import io
import zipfile

import pytest

from articles.models import Photo, WireEntry, WireEntryVersion, WireRejection
from articles.wire.ingest import wire_ingest_batch, wire_ingest_file, wire_ingest_zip
from tests.wire.conftest import FIXTURES, jpeg_bytes

pytestmark = pytest.mark.django_db


def test_text_item_with_two_pictures_is_stored_with_its_photos(desk_batch):
    [outcome] = wire_ingest_batch(desk_batch("ferry.nitf.xml"), source="upload")

    assert (outcome.outcome, outcome.format, outcome.guid) == ("ingested", "nitf", "npa-2026-1120-ferry")
    entry = WireEntry.objects.get()
    assert entry.headline == "Night ferry returns to the islands"
    assert entry.provider == "Northwind Press Agency"
    assert entry.urgency == 3 and entry.version == 1 and entry.source == "upload"
    assert entry.data["keywords"] == ["ferries", "islands"]
    assert entry.raw_file.storage is not None and entry.raw_file.read().startswith(b"<?xml")
    assert not entry.raw_file.url.startswith("/media/")
    photos = {p.pk: p for p in Photo.objects.all()}
    assert len(photos) == 2
    quay = photos[entry.pictures[0]["photo_id"]]
    assert quay.caption == "The ferry at Skerry Haven on Thursday evening."
    assert quay.alt_text == "The ferry moored at Skerry Haven quay at dusk"
    assert quay.credit == "Cara Lens/Northwind Press Agency"
    assert quay.photographer == "Cara Lens"
    assert quay.renditions, "the photo desk's pipeline made renditions"
    assert WireEntryVersion.objects.filter(entry=entry, version=1).count() == 1


def test_duplicates_are_ingested_once(desk_batch, wire_bytes):
    wire_ingest_batch(desk_batch("ferry.nitf.xml"))
    again = wire_ingest_batch(desk_batch("ferry.nitf.xml"))
    renamed = wire_ingest_file(data=wire_bytes("desk/ferry.nitf.xml"), name="copy-of-ferry.xml")

    assert [o.outcome for o in again + renamed] == ["duplicate", "duplicate"]
    assert "already held as version 1" in again[0].line()
    assert WireEntry.objects.count() == 1 and WireEntryVersion.objects.count() == 1
    assert Photo.objects.count() == 2


def test_the_same_content_under_a_new_guid_is_a_duplicate(wire_bytes):
    data = wire_bytes("desk/ferry.nitf.xml")
    wire_ingest_file(data=data, name="a.xml")
    WireEntry.objects.update(guid="renamed")
    [outcome] = wire_ingest_file(data=data, name="b.xml")
    assert outcome.outcome == "duplicate" and outcome.reason == "the same content is already held"


def test_later_version_replaces_the_item_and_keeps_the_previous(wire_bytes):
    wire_ingest_file(data=wire_bytes("desk/ferry.nitf.xml"), name="v1.xml")
    [outcome] = wire_ingest_file(data=wire_bytes("desk/ferry-update.nitf.xml"), name="v2.xml")
    [older] = wire_ingest_file(data=wire_bytes("desk/ferry.nitf.xml"), name="late-v1.xml")

    assert outcome.outcome == "updated"
    entry = WireEntry.objects.get()
    assert entry.version == 2 and entry.file_name == "v2.xml"
    assert list(entry.versions.values_list("version", flat=True)) == [2, 1]
    assert older.outcome == "duplicate" and "older" in older.reason


def test_a_later_version_without_its_pictures_keeps_the_earlier_photos(desk_batch, wire_bytes):
    [first] = wire_ingest_batch(desk_batch("ferry.nitf.xml"))
    [update] = wire_ingest_file(data=wire_bytes("desk/ferry-update.nitf.xml"), name="v2.xml")
    assert update.outcome == "updated"
    assert [p["photo_id"] for p in update.pictures] == [p["photo_id"] for p in first.pictures]
    assert all(p["photo_id"] for p in update.pictures) and Photo.objects.count() == 2


BAD = {
    "bad/malformed.xml": "not well-formed",
    "bad/not-wire.txt": "neither XML",
    "bad/not-wire.xml": "root element",
    "nitf/no-headline.xml": "headline",
    "bad/unknown-charset.xml": "unknown character set",
    "bad/billion-laughs.xml": "entity",
    "bad/xxe.xml": "entit",
}


@pytest.mark.parametrize(("path", "words"), BAD.items())
def test_each_bad_file_is_set_aside_with_its_reason(wire_bytes, path, words):
    data = wire_bytes(path)
    [outcome] = wire_ingest_file(data=data, name=path.rsplit("/", 1)[-1])

    assert outcome.outcome == "rejected" and outcome.rejected
    assert words in outcome.reason.lower() or words in outcome.reason
    rejection = WireRejection.objects.get()
    assert rejection.reason == outcome.reason
    assert rejection.raw_file.read() == data
    assert WireEntry.objects.count() == 0


def test_a_bad_file_never_stops_the_batch(wire_bytes, desk_batch):
    files = [("broken.xml", wire_bytes("bad/malformed.xml")), *desk_batch("lighthouse.newsml.xml")]
    outcomes = wire_ingest_batch(files)
    assert [o.outcome for o in outcomes] == ["rejected", "ingested"]
    assert WireEntry.objects.get().format == "newsml-g2"


def test_a_picture_that_fails_the_photo_checks_is_reported_and_the_item_goes_on(wire_bytes):
    files = [
        ("ferry.nitf.xml", wire_bytes("desk/ferry.nitf.xml")),
        ("ferry-quay.jpg", b"this is not a picture at all"),
        ("ferry-deck.jpg", jpeg_bytes(7)),
    ]
    [outcome] = wire_ingest_batch(files)

    assert outcome.outcome == "ingested" and outcome.rejected
    failed, good = outcome.pictures
    assert "ferry-quay.jpg" in failed["error"] and failed["photo_id"] is None
    assert good["photo_id"] == Photo.objects.get().pk
    rejection = WireRejection.objects.get()
    assert rejection.name == "ferry-quay.jpg" and rejection.entry == WireEntry.objects.get()


def test_remote_pictures_are_recorded_not_fetched(wire_bytes):
    [outcome] = wire_ingest_file(data=wire_bytes("nitf/story.xml"), name="story.xml")
    assert outcome.outcome == "ingested" and not outcome.rejected
    assert outcome.pictures[0]["remote"] == "https://media.npa.example/photos/bridge-wide.jpg"
    assert Photo.objects.count() == 0


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_zip_of_items_and_pictures(desk_batch):
    data = _zip(dict(desk_batch("ferry.nitf.xml") + desk_batch("lighthouse.newsml.xml")))
    outcomes = wire_ingest_batch([("delivery.zip", data)])
    assert [o.outcome for o in outcomes] == ["ingested", "ingested"]
    assert Photo.objects.count() == 4


def test_a_zip_with_path_traversal_is_refused_whole(wire_bytes):
    data = _zip({"ok.xml": wire_bytes("desk/ferry.nitf.xml"), "../../etc/evil.xml": b"<nitf/>"})
    [outcome] = wire_ingest_zip(data=data, name="evil.zip")
    assert outcome.outcome == "rejected" and "../../etc/evil.xml" in outcome.reason
    assert "path traversal" in outcome.reason
    assert WireEntry.objects.count() == 0 and WireRejection.objects.get().name == "evil.zip"


def test_a_zip_bomb_is_refused():
    data = _zip({"huge.xml": b"<" + b"a" * (5 * 1024 * 1024)})
    [outcome] = wire_ingest_zip(data=data, name="bomb.zip")
    assert outcome.outcome == "rejected" and "zip bomb" in outcome.reason


def test_a_broken_zip_is_refused():
    [outcome] = wire_ingest_batch([("broken.zip", b"PK\x03\x04 not really")])
    assert outcome.outcome == "rejected" and "not a zip" in outcome.reason


def test_every_reader_fixture_ingests():
    for folder in ("nitf", "newsml-g2", "ninjs"):
        for path in sorted((FIXTURES / folder).iterdir()):
            outcomes = wire_ingest_file(data=path.read_bytes(), name=path.name)
            expected = "rejected" if path.name.startswith("no-headline") else None
            for outcome in outcomes:
                assert (outcome.outcome == "rejected") == (expected == "rejected"), outcome.line()


def test_a_picture_named_only_by_its_address_is_remote_or_found_by_file_name():
    import json

    item = {
        "uri": "urn:test:assoc",
        "type": "text",
        "headline": "Workstations",
        "body_html": "<p>Smaller towers.</p>",
        "associations": {"featureimage": {"uri": "http://media.example/pics/tower.jpg", "type": "picture"}},
    }
    data = json.dumps(item).encode()
    [remote] = wire_ingest_file(data=data, name="assoc.json")
    assert remote.pictures[0]["remote"] == "http://media.example/pics/tower.jpg"
    item["version"] = "2"
    [found] = wire_ingest_batch([("assoc.json", json.dumps(item).encode()), ("tower.jpg", jpeg_bytes(9))])
    assert found.outcome == "updated" and found.pictures[0]["photo_id"] == Photo.objects.get().pk
