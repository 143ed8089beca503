"""Make a draft: every field of a wire item mapped onto a story; updates and kills flag it; section rules."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from articles.models import AuthorKind, Story, StoryStatus, WireEntry, WireStoryLink
from articles.stories import workflow
from articles.wire.drafts import choose_section, section_rules, wire_changes, wire_make_draft
from articles.wire.ingest import wire_ingest_batch, wire_ingest_file
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(db):
    return {
        "news": SectionFactory(name="News", slug="news", position=0),
        "culture": SectionFactory(name="Culture", slug="culture", position=1),
        "transport": SectionFactory(name="Transport", slug="transport", position=2),
    }


def _draft(desk_batch, name, user):
    wire_ingest_batch(desk_batch(name))
    return wire_make_draft(item=WireEntry.objects.get(), user=user)


def test_nitf_item_with_two_pictures_becomes_a_draft_with_every_field(desk_batch, reporter, sections, settings):
    settings.NEWSROOM_WIRE_SECTION_RULES = "subj:04000000=transport,medtop:01000000=culture"
    story = _draft(desk_batch, "ferry.nitf.xml", reporter)

    assert story.status == StoryStatus.DRAFT and story.created_by == reporter
    assert story.headline == "Night ferry returns to the islands"
    assert story.standfirst.startswith("The overnight crossing to the outer islands")
    assert story.body_blocks == [
        "<p>The night ferry to the outer islands sails again on Friday, the operator said.</p>",
        "<h2>A winter without a crossing</h2>",
        "<p>Islanders had to wait for the morning boat since the last operator stopped in March.</p>",
        "<ul><li>three crossings a week</li><li>cabins for forty</li></ul>",
        "<p>Tickets go on sale on Monday.</p>",
    ]
    assert story.section == sections["transport"]
    assert story.dateline == "SKERRY HAVEN"
    assert story.credit_line == "Northwind Press Agency"
    assert story.originally_published_at == datetime(2026, 11, 20, 8, 15, tzinfo=UTC)
    assert sorted(story.tags.names()) == ["ferries", "islands"]
    authors = [byline.author for byline in story.bylines.select_related("author")]
    assert [a.name for a in authors] == ["Ada Quill", "Ben Ferrow"]
    assert {(a.kind, a.affiliation) for a in authors} == {(AuthorKind.AGENCY, "Northwind Press Agency")}
    assert story.lead_photo.caption == "The ferry at Skerry Haven on Thursday evening."
    [placement] = story.placements.all()
    assert placement.paragraph == 4 and placement.caption == "Crew on deck before the first sailing."
    assert placement.photo.alt_text == "Crew members coil ropes on the ferry's deck"
    link = WireStoryLink.objects.get(story=story)
    assert (link.version, link.made_by, link.agency_updated, link.agency_killed) == (1, reporter, False, False)
    assert story.embargo_until is None
    assert story.desk_note == ""
    from reversion.models import Version

    assert Version.objects.get_for_object(story).count() == 1


def test_agency_authors_are_reused(desk_batch, reporter, sections):
    first = _draft(desk_batch, "ferry.nitf.xml", reporter)
    second = wire_make_draft(item=WireEntry.objects.get(), user=reporter)
    assert [b.author_id for b in first.bylines.all()] == [b.author_id for b in second.bylines.all()]


def test_newsml_item_maps_too_and_editors_are_not_bylined(desk_batch, editor, sections, settings):
    settings.NEWSROOM_WIRE_SECTION_RULES = "medtop:01000000=culture"
    story = _draft(desk_batch, "lighthouse.newsml.xml", editor)
    assert story.section == sections["culture"]
    assert [b.author.name for b in story.bylines.all()] == ["Ada Quill"]
    assert story.dateline == "Kestrel Point"
    assert story.originally_published_at == datetime(2026, 11, 20, 8, 30, tzinfo=UTC)
    assert "<h2>A village effort</h2>" in story.body
    assert story.lead_photo.alt_text == "The lighthouse beam over a dark sea"
    assert story.lead_photo.usage_terms == "Editorial use only"


def test_embargo_becomes_the_story_embargo(read_fixture, wire_bytes, editor, sections):
    wire_ingest_file(data=wire_bytes("newsml-g2/story.xml"), name="story.xml")
    story = wire_make_draft(item=WireEntry.objects.get(), user=editor)
    assert story.embargo_until == datetime(2026, 12, 4, 6, 0, tzinfo=UTC)


def test_section_rules_default_and_first(sections, settings):
    assert section_rules("medtop:1=culture, subj:15000000=sport") == [
        ("medtop:1", "culture"),
        ("subj:15000000", "sport"),
    ]
    settings.NEWSROOM_WIRE_SECTION_RULES = "subj:15000000=culture"
    assert choose_section(["subj:15008000"]) == sections["culture"]
    settings.NEWSROOM_WIRE_DEFAULT_SECTION = "transport"
    assert choose_section(["medtop:99"]) == sections["transport"]
    settings.NEWSROOM_WIRE_DEFAULT_SECTION = ""
    assert choose_section([]) == sections["news"]


def test_photo_desk_cannot_make_drafts(desk_batch, photodesk, sections):
    wire_ingest_batch(desk_batch("ferry.nitf.xml"))
    with pytest.raises(PermissionDenied):
        wire_make_draft(item=WireEntry.objects.get(), user=photodesk)
    assert Story.objects.count() == 0


def test_update_flags_the_story_with_a_diff_and_keeps_the_desks_edits(desk_batch, wire_bytes, editor, sections):
    story = _draft(desk_batch, "ferry.nitf.xml", editor)
    story.headline = "Ferry back on the night run"
    workflow.story_save(story=story, user=editor)

    [outcome] = wire_ingest_file(data=wire_bytes("desk/ferry-update.nitf.xml"), name="v2.xml")

    assert outcome.outcome == "updated"
    link = WireStoryLink.objects.get()
    assert link.agency_updated and not link.agency_killed and link.version == 1
    story.refresh_from_db()
    assert story.headline == "Ferry back on the night run"
    assert "Tickets go on sale on Monday." in story.body
    [body] = wire_changes(link)
    assert body["label"] == "Body"
    assert "<del>Monday.</del>" in body["diff"] and "<ins>Tuesday, a day later than planned.</ins>" in body["diff"]


def test_kill_flags_the_story_and_withdraws_nothing(desk_batch, wire_bytes, editor, sections):
    story = _draft(desk_batch, "ferry.nitf.xml", editor)
    workflow.story_publish(story=story, user=editor)
    wire_ingest_file(data=wire_bytes("desk/ferry-kill.nitf.xml"), name="kill.xml")

    link = WireStoryLink.objects.get()
    assert link.agency_killed and link.entry.is_kill
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED
    with pytest.raises(ValidationError, match="killed"):
        wire_make_draft(item=link.entry, user=editor)
