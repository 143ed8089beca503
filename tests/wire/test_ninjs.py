from datetime import UTC, datetime, timedelta, timezone

import pytest

from articles.wire import WireError, WireItem, WirePicture
from articles.wire.item import Contributor, ListBlock, Paragraph, PictureBlock, Quote, Rendition, Subheading, Subject

CET = timezone(timedelta(hours=1))

ROWS = WirePicture(
    id="https://npa.example/items/20261203-orchard-photo-1",
    headline="Orchard rows",
    caption="Rows of Bramley trees in the Appleby Vale orchard on Tuesday.",
    credit="Northwind Press Agency",
    byline="Cara Lens",
    alt_text="Rows of apple trees in low winter sun",
    renditions=(
        Rendition("https://media.npa.example/photos/orchard-rows.jpg", 3000, 2000, "image/jpeg", "highRes"),
        Rendition("https://media.npa.example/photos/orchard-rows-thumb.jpg", 300, 200, "image/jpeg", "thumbnail"),
    ),
    copyright="© Northwind Press Agency",
    usage_terms="Editorial use only",
    digital_source_type="digsrctype:digitalCapture",
)
CLERK = WirePicture(
    id="https://npa.example/items/20261203-orchard-photo-2",
    caption="Parish clerk Tom Pippin in the orchard.",
    credit="Northwind Press Agency",
    byline="Cara Lens",
    renditions=(Rendition("https://media.npa.example/photos/orchard-clerk-web.jpg", 1200, 800, "image/jpeg", "web"),),
    copyright="© Northwind Press Agency",
)
HALL = WirePicture(
    id="https://npa.example/items/20261203-orchard-photo-3",
    caption="The parish hall.",
    renditions=(Rendition("https://media.npa.example/photos/orchard-hall.jpg", None, None, "image/jpeg", "web"),),
)


def test_ninjs_3_story_maps_every_field(read_fixture):
    [item] = read_fixture("ninjs/story.json")

    assert item == WireItem(
        guid="https://npa.example/items/20261203-orchard",
        version=1,
        format="ninjs",
        kind="text",
        headline="Village saves its last orchard",
        provider="Northwind Press Agency",
        subheadline="Three hundred trees bought by the parish",
        slugline="ORCHARD-SAVED",
        standfirst="Appleby Vale has bought the orchard a developer wanted.",
        byline="By Ada Quill",
        contributors=(Contributor("Ada Quill", "author"),),
        dateline_place="Appleby Vale",
        located="Appleby Vale",
        language="en-GB",
        urgency=5,
        pub_status="usable",
        editorial_note="Pictures may be cropped.",
        first_created=datetime(2026, 12, 3, 10, 45, tzinfo=CET),
        version_created=datetime(2026, 12, 3, 11, 0, tzinfo=CET),
        embargoed=datetime(2026, 12, 3, 18, 0, tzinfo=UTC),
        expires=datetime(2027, 1, 31, tzinfo=UTC),
        keywords=("orchard", "village"),
        subjects=(Subject("medtop:06000000", "environment"), Subject("medtop:04001000", "agriculture")),
        credit="Northwind Press Agency",
        copyright="Copyright 2026 Northwind Press Agency",
        usage_terms="Editorial use only",
        body=(
            Paragraph("Appleby Vale has bought the orchard a developer wanted, the parish council said."),
            PictureBlock(ROWS),
            Subheading("Three hundred trees"),
            Paragraph("The trees are old varieties."),
            ListBlock(("Bramley", "Cox"), ordered=True),
            Quote("We could not let it go.", source="Tom Pippin, parish clerk"),
            PictureBlock(CLERK),
            Paragraph("The sale closes in January."),
        ),
        pictures=(ROWS, CLERK, HALL),
    )


def test_ninjs_html_body_drops_the_repeated_headline_and_scripts(read_fixture):
    [item] = read_fixture("ninjs/story.json")

    texts = [getattr(block, "text", "") for block in item.body]
    assert "Village saves its last orchard" not in texts
    assert not any("alert" in text for text in texts)


def test_ninjs_figure_is_matched_to_its_association_by_name_or_rendition(read_fixture):
    [item] = read_fixture("ninjs/story.json")

    placed = [block.picture for block in item.body if isinstance(block, PictureBlock)]
    assert placed == [ROWS, CLERK]
    assert item.pictures[2] == HALL


def test_ninjs_2_update_keeps_the_uri_and_raises_the_version(read_fixture):
    [first] = read_fixture("ninjs/story.json")
    [update] = read_fixture("ninjs/story-update.json")

    assert update.guid == first.guid
    assert update.version == 2 > first.version
    assert update.headline == "Village saves its last orchard for 120,000 pounds"
    assert update.version_created == datetime(2026, 12, 3, 15, 0, tzinfo=CET)
    assert update.body == (
        Paragraph("Appleby Vale paid 120,000 pounds for the orchard."),
        Paragraph("The sale closes in January."),
    )


def test_ninjs_canceled_pubstatus_is_a_kill(read_fixture):
    [kill] = read_fixture("ninjs/story-kill.json")

    assert kill.version == 3
    assert kill.pub_status == "canceled"
    assert kill.urgency == 1
    assert kill.editorial_note == "Kill: the parish has not signed the sale."
    assert kill.body == (Paragraph("Editors: remove the orchard story."),)


def test_ninjs_1_maps_of_associations_and_renditions_are_read(read_fixture):
    [item] = read_fixture("ninjs/story-v1.json")

    picture = WirePicture(
        id="https://npa.example/items/20261203-market-photo",
        caption="Stalls at dusk on the square.",
        byline="Cara Lens",
        alt_text="Stalls lit at dusk",
        renditions=(Rendition("https://media.npa.example/photos/market-web.jpg", 1024, 683, "image/jpeg", "web"),),
    )
    assert item.version == 5
    assert item.pub_status == "withheld"
    assert item.byline == "Ben Ferrow"
    assert item.standfirst == "The market opens a week early."
    assert item.subjects == (Subject("medtop:04000000", "economy"),)
    assert item.body == (
        Paragraph("Stalls open on Friday."),
        PictureBlock(picture),
        Paragraph("Parking is free."),
    )
    assert item.pictures == (picture,)


def test_ninjs_without_headline_is_refused(read_fixture):
    with pytest.raises(WireError, match=r"ninjs item https://npa\.example/items/20261203-untitled has no headline"):
        read_fixture("ninjs/no-headline.json")
