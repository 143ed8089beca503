from datetime import UTC, datetime, timedelta, timezone

import pytest

from articles.wire import WireError, WireItem, WirePicture, read_wire_file
from articles.wire.item import (
    Contributor,
    ItemRef,
    ListBlock,
    Paragraph,
    PictureBlock,
    Quote,
    Rendition,
    Subheading,
    Subject,
)

CET = timezone(timedelta(hours=1))

NIGHT = WirePicture(
    id="https://media.npa.example/photos/lighthouse-night.jpg",
    caption="The beam seen from the harbour on Wednesday night.",
    credit="Northwind Press Agency",
    byline="Cara Lens",
    alt_text="The lighthouse beam over a dark sea",
    renditions=(Rendition("https://media.npa.example/photos/lighthouse-night.jpg", 2000, 3000),),
)
LENS = WirePicture(
    id="https://media.npa.example/photos/lighthouse-lens.jpg",
    caption="The restored lens.",
    credit="Northwind Press Agency",
    alt_text="A volunteer polishes the brass frame of the lens",
    renditions=(Rendition("https://media.npa.example/photos/lighthouse-lens.jpg", 1600, 1200),),
)


def test_newsml_text_item_with_xhtml_body_maps_every_field(read_fixture):
    [item] = read_fixture("newsml-g2/story.xml")

    assert item == WireItem(
        guid="urn:newsml:npa.example:20261203:lighthouse",
        version=1,
        format="newsml-g2",
        kind="text",
        headline="Kestrel Point lighthouse shines again",
        provider="Northwind Press Agency",
        subheadline="Volunteers restore the lamp after 40 dark years",
        slugline="LIGHTHOUSE-RELIT",
        standfirst="The lighthouse at Kestrel Point was lit again on Wednesday night.",
        byline="By Ada Quill",
        contributors=(Contributor("Ada Quill", "author"), Contributor("Dov Pike", "editor")),
        dateline_place="Kestrel Point",
        dateline="KESTREL POINT, Dec. 3",
        located="Kestrel Point",
        language="en-GB",
        urgency=3,
        pub_status="usable",
        signals=("sig:onhold",),
        editorial_note="Embargoed until 06:00 GMT on Friday.",
        first_created=datetime(2026, 12, 3, 9, 30, tzinfo=CET),
        version_created=datetime(2026, 12, 3, 10, 0, tzinfo=CET),
        embargoed=datetime(2026, 12, 4, 6, 0, tzinfo=UTC),
        keywords=("lighthouse", "heritage"),
        subjects=(
            Subject("medtop:01000000", "arts, culture, entertainment and media"),
            Subject("medtop:20000538", None),
            Subject("npatopic:coast", "Coast"),
        ),
        credit="Northwind Press Agency",
        copyright="Copyright 2026 Northwind Press Agency",
        usage_terms="Editorial use only; no archiving",
        body=(
            Paragraph("The lamp at Kestrel Point turned for the first time since 1986 on Wednesday night."),
            PictureBlock(NIGHT),
            Subheading("A village effort"),
            Paragraph("Forty volunteers raised the money for a new lens."),
            Quote("It feels like the village has its eye back.", source="Ruth Okafor, volunteer"),
            ListBlock(("new lens", "new wiring")),
            PictureBlock(LENS),
            Paragraph("The light will shine every night from dusk."),
        ),
        pictures=(NIGHT, LENS),
    )


def test_newsml_subject_names_follow_the_item_language(read_fixture):
    [item] = read_fixture("newsml-g2/story.xml")

    assert item.subjects[0] == ("medtop:01000000", "arts, culture, entertainment and media")


def test_newsml_subject_uri_becomes_a_qcode_through_known_and_inline_catalogs(read_fixture):
    [item] = read_fixture("newsml-g2/story.xml")

    assert [subject.code for subject in item.subjects[1:]] == ["medtop:20000538", "npatopic:coast"]


def test_newsml_update_keeps_the_guid_raises_the_version_and_carries_signals(read_fixture):
    [first] = read_fixture("newsml-g2/story.xml")
    [update] = read_fixture("newsml-g2/story-update.xml")

    assert update.guid == first.guid
    assert update.version == 2 > first.version
    assert update.headline == "Kestrel Point lighthouse shines again after 38 dark years"
    assert update.signals == ("sig:update", "sig:correction")
    assert update.version_created == datetime(2026, 12, 4, 8, 15, tzinfo=UTC)
    assert update.body == (
        Paragraph("Corrects the number of years the light was dark: 38, not 40."),
        Paragraph("The lamp at Kestrel Point turned again on Wednesday night."),
    )


def test_newsml_canceled_status_is_a_kill(read_fixture):
    [kill] = read_fixture("newsml-g2/story-kill.xml")

    assert kill.guid == "urn:newsml:npa.example:20261203:lighthouse"
    assert kill.version == 3
    assert kill.pub_status == "canceled"
    assert kill.editorial_note == "Kill: legal advice. Remove from all platforms."


def test_newsml_message_folds_package_pictures_into_the_text_item(read_fixture):
    items = read_fixture("newsml-g2/message.xml")

    [story] = items
    assert story.guid == "urn:newsml:npa.example:20261203:ferry"
    assert story.version == 4
    assert [picture.id for picture in story.pictures] == [
        "urn:newsml:npa.example:20261203:ferry-photo-1",
        "urn:newsml:npa.example:20261203:ferry-photo-2",
    ]


def test_newsml_message_reads_the_inline_nitf_body(read_fixture):
    [story] = read_fixture("newsml-g2/message.xml")

    assert story.subheadline == "Daily crossings from Monday"
    assert story.byline == "By Ben Ferrow"
    assert story.contributors == (Contributor("Ben Ferrow"),)
    assert story.dateline == "GULL ISLAND, Dec. 3"
    assert story.dateline_place == "GULL ISLAND"
    assert story.standfirst == "The Gull Island ferry sails again from Monday."
    assert story.body == (
        Paragraph("The ferry to Gull Island resumes daily sailings on Monday."),
        Subheading("Timetable"),
        Paragraph("Boats leave the mainland at eight and at four."),
    )


def test_newsml_picture_item_maps_renditions_rights_and_descriptions(read_fixture):
    [story] = read_fixture("newsml-g2/message.xml")

    assert story.pictures[0] == WirePicture(
        id="urn:newsml:npa.example:20261203:ferry-photo-1",
        headline="Ferry at the quay",
        caption="The ferry Tern waits at Gull Island quay on Thursday.",
        credit="Cara Lens/Northwind Press Agency",
        byline="Cara Lens",
        alt_text="A white ferry moored beside a stone quay",
        renditions=(
            Rendition("https://media.npa.example/photos/ferry-1.jpg", 3000, 2000, "image/jpeg", "highRes"),
            Rendition("https://media.npa.example/photos/ferry-1-thumb.jpg", 300, 200, "image/jpeg", "thumbnail"),
        ),
        copyright="Copyright 2026 Northwind Press Agency",
        usage_terms="Editorial use only",
        digital_source_type="digsrctype:digitalCapture",
    )


def test_newsml_package_caption_fills_a_picture_that_has_none(read_fixture):
    [story] = read_fixture("newsml-g2/message.xml")

    assert story.pictures[1].caption == "Passengers board on Thursday."
    assert story.pictures[1].headline == "First passengers"


def test_newsml_package_alone_lists_its_items(wire_bytes):
    message = wire_bytes("newsml-g2/message.xml").decode()
    start, end = message.index("<packageItem"), message.index("</packageItem>") + len("</packageItem>")
    package = message[start:end].replace("<packageItem", '<packageItem xmlns="http://iptc.org/std/nar/2006-10-01/"', 1)

    [item] = read_wire_file(package.encode(), name="package.xml")

    assert item.kind == "package"
    assert item.headline == "Ferry service returns"
    assert item.refs == (
        ItemRef("urn:newsml:npa.example:20261203:ferry", "text", "Ferry service returns to Gull Island", "", "main"),
        ItemRef(
            "urn:newsml:npa.example:20261203:ferry-photo-1",
            "picture",
            "Ferry at the quay",
            "The ferry at Gull Island quay.",
            "main",
        ),
        ItemRef(
            "urn:newsml:npa.example:20261203:ferry-photo-2",
            "picture",
            "First passengers",
            "Passengers board on Thursday.",
            "main",
        ),
    )
    assert [picture.id for picture in item.pictures] == [ref.guid for ref in item.refs[1:]]


def test_newsml_item_without_headline_is_refused(read_fixture):
    with pytest.raises(WireError, match=r"item urn:newsml:npa\.example:20261203:untitled has no headline"):
        read_fixture("newsml-g2/no-headline.xml")


def test_newsml_video_item_is_refused_with_its_class(read_fixture):
    with pytest.raises(WireError, match="is of class 'video'"):
        read_fixture("bad/video.xml")


def test_newsml_message_knows_a_picture_by_its_item_when_the_ref_has_no_class(wire_bytes):
    ref_class = b'<itemClass qcode="ninat:picture"/>\n            <title>'
    message = wire_bytes("newsml-g2/message.xml").replace(ref_class, b"<title>")

    [story] = read_wire_file(message, name="message.xml")

    assert [picture.headline for picture in story.pictures] == ["Ferry at the quay", "First passengers"]
