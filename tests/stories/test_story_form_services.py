"""The services behind the story form: contributors, the updated time, presence."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.models import Author, AuthorKind, EditPresence, Story, StoryStatus
from articles.stories import contributors, corrections, presence, workflow
from tests.factories import AuthorFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db


# --- Contributors ----------------------------------------------------------------------------


def test_a_reporter_adds_an_outside_contributor_with_a_page_of_their_own(reporter):
    author = contributors.contributor_create(name="  Lena   Brandt ", affiliation="Coastline Wire", user=reporter)
    assert author.pk is not None
    assert (author.name, author.affiliation, author.kind) == ("Lena Brandt", "Coastline Wire", AuthorKind.CONTRIBUTOR)
    assert author.slug == "lena-brandt"
    assert author.get_absolute_url() == "/authors/lena-brandt/"


def test_a_contributor_gets_a_slug_no_author_has(reporter):
    AuthorFactory(name="Lena Brandt", slug="lena-brandt")
    AuthorFactory(name="Lena Brandt", slug="lena-brandt-2")
    author = contributors.contributor_create(name="Lena Brandt", affiliation="", user=reporter)
    assert author.slug == "lena-brandt-3"


def test_the_same_contributor_twice_is_one_author(reporter):
    first = contributors.contributor_create(name="Lena Brandt", affiliation="Coastline Wire", user=reporter)
    again = contributors.contributor_create(name="lena brandt", affiliation="coastline wire", user=reporter)
    assert again == first
    assert Author.objects.count() == 1


@pytest.mark.parametrize(("name", "field"), [("", "name"), ("   ", "name"), ("x" * 121, "name")])
def test_a_contributor_without_a_usable_name_is_refused_with_a_message(reporter, name, field):
    with pytest.raises(ValidationError) as refused:
        contributors.contributor_create(name=name, affiliation="", user=reporter)
    assert field in refused.value.message_dict
    assert Author.objects.count() == 0


def test_someone_who_cannot_write_stories_cannot_add_a_contributor(photodesk):
    with pytest.raises(PermissionDenied):
        contributors.contributor_create(name="Lena Brandt", affiliation="", user=photodesk)
    assert Author.objects.count() == 0


# --- The updated time --------------------------------------------------------------------------


@pytest.fixture
def live_story(db):
    return StoryFactory(publish_at=timezone.now() - timedelta(days=1), updated_at=None)


@pytest.mark.parametrize(
    ("field", "value"),
    [("headline", "A new headline"), ("standfirst", "A new standfirst."), ("body", "<p>New words.</p>")],
)
def test_changing_a_live_storys_text_marks_it_updated_now(editor, live_story, field, value):
    story = Story.objects.get(pk=live_story.pk)
    setattr(story, field, value)
    before = timezone.now()
    workflow.story_save(story=story, user=editor)
    saved = Story.objects.get(pk=story.pk)
    assert saved.updated_at is not None and saved.updated_at >= before
    assert saved.shown_updated_at == saved.updated_at


def test_a_minor_change_keeps_the_updated_time(editor, live_story):
    story = Story.objects.get(pk=live_story.pk)
    story.headline = "A headline with the typo fixed"
    workflow.story_save(story=story, user=editor, minor=True)
    assert Story.objects.get(pk=story.pk).updated_at is None


def test_a_change_elsewhere_than_the_text_keeps_the_updated_time(editor, live_story):
    story = Story.objects.get(pk=live_story.pk)
    story.desk_note = "Check the second quote with the council."
    workflow.story_save(story=story, user=editor)
    assert Story.objects.get(pk=story.pk).updated_at is None


def test_an_updated_time_the_editor_typed_wins(editor, live_story):
    typed = timezone.now() - timedelta(hours=2)
    story = Story.objects.get(pk=live_story.pk)
    story.headline = "Reworded"
    story.updated_at = typed
    workflow.story_save(story=story, user=editor)
    assert Story.objects.get(pk=story.pk).updated_at == typed


def test_editing_a_draft_sets_no_updated_time(reporter):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, created_by=reporter, updated_at=None)
    story.headline = "Still a draft"
    workflow.story_save(story=story, user=reporter)
    assert Story.objects.get(pk=story.pk).updated_at is None


def test_a_correction_marks_the_story_updated_and_raises_its_version(editor, live_story):
    version = Story.objects.get(pk=live_story.pk).version
    correction = corrections.story_correct(story=live_story, user=editor, text="The wall is 40 m long, not 400.")
    saved = Story.objects.get(pk=live_story.pk)
    assert saved.updated_at == correction.published_at
    assert saved.shown_updated_at == correction.published_at
    assert saved.version == version + 1


# --- Presence ------------------------------------------------------------------------------------


def test_presence_is_recorded_only_for_someone_who_may_edit(editor, reporter):
    story = StoryFactory()  # live: a reporter may only read it
    presence.edit_presence_record(story=story, user=reporter)
    presence.edit_presence_record(story=story, user=editor)
    assert list(EditPresence.objects.filter(story=story).values_list("user__username", flat=True)) == ["eda"]


def test_a_name_drops_a_minute_after_the_last_heartbeat(editor):
    other = UserFactory(username="ben", role="Editor")
    story = StoryFactory()
    with time_machine.travel(timezone.now() - timedelta(seconds=61), tick=False):
        presence.edit_presence_record(story=story, user=other)
    assert presence.edit_presence_record(story=story, user=editor) == []
    presence.edit_presence_record(story=story, user=other)
    assert [seen.user for seen in presence.edit_presence_record(story=story, user=editor)] == [other]


def test_leaving_drops_the_name_at_once(editor):
    other = UserFactory(username="ben", role="Editor")
    story = StoryFactory()
    presence.edit_presence_record(story=story, user=other)
    presence.edit_presence_leave(story=story, user=other)
    assert presence.edit_presence_record(story=story, user=editor) == []
