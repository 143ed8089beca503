from datetime import UTC, datetime, timedelta, timezone

import pytest

from articles.wire import WireError, WireItem, WirePicture
from articles.wire.item import Contributor, ListBlock, Paragraph, PictureBlock, Quote, Rendition, Subheading, Subject

CET = timezone(timedelta(hours=1))

WIDE = WirePicture(
    id="npa-photo-1",
    caption="The repaired bridge at dawn on Wednesday.",
    credit="Cara Lens/Northwind Press Agency",
    byline="Cara Lens",
    alt_text="The repaired bridge seen from the harbour wall at dawn",
    renditions=(
        Rendition("https://media.npa.example/photos/bridge-wide.jpg", 2400, 1600, "image/jpeg"),
        Rendition("https://media.npa.example/photos/bridge-wide-thumb.jpg", 400, 267, "image/jpeg"),
    ),
    copyright="© 2026 Northwind Press Agency",
    usage_terms="Editorial use only",
)
DECK = WirePicture(
    id="npa-photo-2",
    caption="Workers paint the last road markings.",
    credit="Northwind Press Agency",
    alt_text="Workers paint lines on the new bridge deck",
    renditions=(Rendition("https://media.npa.example/photos/bridge-deck.jpg", 1600, 1067, "image/jpeg"),),
)


def test_nitf_story_maps_every_field(read_fixture):
    [item] = read_fixture("nitf/story.xml")

    assert item == WireItem(
        guid="npa-2026-1203-bridge",
        version=1,
        format="nitf",
        kind="text",
        headline="Harbour bridge reopens after two years of repairs",
        provider="Northwind Press Agency",
        subheadline="Traffic returns to the Portmere crossing on Thursday",
        slugline="BRIDGE-REOPENS",
        standfirst="The Portmere harbour bridge opens to traffic again on Thursday, two years after cracks closed it.",
        byline="By Ada Quill and Ben Ferrow, Transport Correspondents",
        contributors=(
            Contributor("Ada Quill", "Transport Correspondents"),
            Contributor("Ben Ferrow", "Transport Correspondents"),
        ),
        dateline_place="PORTMERE",
        dateline="PORTMERE, Dec. 3",
        located="Portmere",
        language="en-GB",
        urgency=4,
        pub_status="usable",
        version_created=datetime(2026, 12, 3, 9, 15, tzinfo=CET),
        embargoed=datetime(2026, 12, 3, 12, 0, tzinfo=UTC),
        expires=datetime(2026, 12, 31, 23, 59, tzinfo=CET),
        keywords=("bridge", "transport", "Portmere Harbour Board"),
        subjects=(
            Subject("subj:04005000", "construction and property"),
            Subject("subj:11000000", "politics"),
            Subject("medtop:20000693", "bridges"),
        ),
        credit="Northwind Press Agency",
        copyright="© 2026 Northwind Press Agency",
        usage_terms="Not for resale to broadcasters",
        body=(
            Paragraph(
                "The harbour bridge in Portmere reopens to cars and buses on Thursday morning, the harbour board said."
            ),
            PictureBlock(WIDE),
            Subheading("Two years of closures"),
            Paragraph("Engineers found cracks in two of the bridge's steel piers in 2024."),
            Paragraph("The repairs cost the board:"),
            ListBlock(("new piers", "a resurfaced deck"), ordered=False),
            ListBlock(("Buses return first.", "Lorries follow in January."), ordered=True),
            Quote("We are glad to see the crossing busy again.", source="Mara Vell, harbour master"),
            PictureBlock(DECK),
            Paragraph("The board said the toll stays at two pounds."),
            Paragraph("Reporting by Ada Quill; editing by Dov Pike"),
        ),
        pictures=(WIDE, DECK),
    )


def test_nitf_pictures_sit_where_the_body_places_them(read_fixture):
    [item] = read_fixture("nitf/story.xml")

    positions = [index for index, block in enumerate(item.body) if isinstance(block, PictureBlock)]

    assert positions == [1, 8]
    assert [item.body[index].picture.id for index in positions] == ["npa-photo-1", "npa-photo-2"]


def test_nitf_update_keeps_the_id_and_raises_the_version(read_fixture):
    [first] = read_fixture("nitf/story.xml")
    [update] = read_fixture("nitf/story-update.xml")

    assert update.guid == first.guid
    assert update.version == 2 > first.version
    assert update.headline == "Harbour bridge reopens with its toll cut to one pound"
    assert update.version_created == datetime(2026, 12, 3, 14, 30, tzinfo=CET)
    assert update.editorial_note == "Updates with the toll decision"
    assert update.urgency == 3
    assert update.pub_status == "usable"
    assert update.contributors == (Contributor("Ada Quill", "Transport Correspondent"),)


def test_nitf_kill_is_read_as_canceled(read_fixture):
    [kill] = read_fixture("nitf/story-kill.xml")

    assert kill.guid == "npa-2026-1203-bridge"
    assert kill.version == 3
    assert kill.pub_status == "canceled"
    assert kill.is_kill
    assert kill.editorial_note == "Story killed: the reopening was postponed. Do not use."


def test_nitf_3_4_without_namespace_in_latin_1_with_a_doctype_is_read(read_fixture):
    [item] = read_fixture("nitf/story-3-4.xml")

    assert item.format == "nitf"
    assert item.headline == "Café owners welcome the bridge"
    assert item.body == (Paragraph("Trade at the waterfront café doubled overnight."),)


def test_nitf_withhold_message_withholds_the_item(read_fixture):
    [item] = read_fixture("nitf/story-3-4.xml")

    assert item.pub_status == "withheld"
    assert item.editorial_note == "Hold until the council confirms"


def test_nitf_without_headline_is_refused(read_fixture):
    with pytest.raises(WireError, match=r"no-headline\.xml: the NITF document has no headline"):
        read_fixture("nitf/no-headline.xml")


def test_nitf_embargo_that_cannot_be_read_is_refused_rather_than_dropped(read_fixture):
    with pytest.raises(WireError, match=r"cannot read the time 'next Tuesday' given as date\.release@norm"):
        read_fixture("bad/bad-date.xml")
