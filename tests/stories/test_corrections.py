"""Corrections: appended by editors to live stories, shown on the story and on /corrections/."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Correction, CorrectionKind, Section, StoryStatus
from articles.reader import listings
from articles.stories import corrections
from tests.admin.desk_forms import form_data, set_fields
from tests.factories import StoryFactory, UserFactory

# Published well before the times the tests travel to, so the story is live at each of them.
LONG_AGO = datetime(2024, 1, 1, 9, 0, tzinfo=UTC)


@pytest.fixture
def story(db):
    return StoryFactory(headline="Harbour dredging to start in May", publish_at=LONG_AGO)


def correct_at(moment: str, **kwargs) -> Correction:
    with time_machine.travel(moment, tick=False):
        return corrections.story_correct(**kwargs)


# --- The service ---------------------------------------------------------------------


def test_editor_corrects_a_live_story(editor, story):
    correction = corrections.story_correct(
        story=story, user=editor, text="  The dredging starts in June, not May.  ", kind=CorrectionKind.CORRECTION
    )
    assert correction.story == story and correction.created_by == editor
    assert correction.text == "The dredging starts in June, not May."
    assert abs(correction.published_at - timezone.now()) < timedelta(minutes=1)


def test_clarification_is_a_kind_of_its_own(editor, story):
    correction = corrections.story_correct(
        story=story, user=editor, text="Figures are estimates.", kind="clarification"
    )
    assert correction.get_kind_display() == "Clarification"


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None])
def test_empty_correction_is_refused_with_a_message(editor, story, text):
    with pytest.raises(ValidationError, match="cannot be empty"):
        corrections.story_correct(story=story, user=editor, text=text)
    assert not Correction.objects.exists()


def test_unknown_kind_is_refused(editor, story):
    with pytest.raises(ValidationError):
        corrections.story_correct(story=story, user=editor, text="Something", kind="retraction")


@pytest.mark.parametrize("role", ["Reporter", "Photo desk"])
def test_only_editors_correct(db, story, role):
    with pytest.raises(PermissionDenied):
        corrections.story_correct(story=story, user=UserFactory(username=f"c-{role}", role=role), text="Wrong date.")
    assert not Correction.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"status": StoryStatus.DRAFT, "publish_at": None},
        {"status": StoryStatus.SUBMITTED, "publish_at": None},
        {"status": StoryStatus.PUBLISHED, "publish_at": "future"},
        {"status": StoryStatus.PUBLISHED, "embargo_until": "future"},
        {"status": StoryStatus.WITHDRAWN},
    ],
    ids=["draft", "submitted", "scheduled", "embargoed", "withdrawn"],
)
def test_only_a_story_readers_can_see_is_corrected(editor, fields):
    later = timezone.now() + timedelta(hours=3)
    story = StoryFactory(**{key: later if value == "future" else value for key, value in fields.items()})
    with pytest.raises(ValidationError, match="readers can see"):
        corrections.story_correct(story=story, user=editor, text="Wrong date.")


# --- On the story ----------------------------------------------------------------------


def test_corrections_are_shown_at_the_foot_of_the_story_oldest_first(client, editor, story):
    correct_at("2025-03-10 09:00 +00:00", story=story, user=editor, text="First fix.")
    correct_at("2025-03-11 09:00 +00:00", story=story, user=editor, text="Second fix.", kind="clarification")
    html = client.get(story.get_absolute_url()).content.decode()
    foot = html[html.index('<section class="corrections"') :]
    assert html.index("Third paragraph.") < html.index('<section class="corrections"')
    assert "Corrections and clarifications" in foot
    assert foot.index("First fix.") < foot.index("Second fix.")
    assert '<span class="correction-kind">Clarification</span>' in foot


def test_a_single_correction_is_headed_by_its_kind(client, editor, story):
    corrections.story_correct(story=story, user=editor, text="Figures are estimates.", kind="clarification")
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<h2 id="corrections-heading">Clarification</h2>' in html


def test_correction_time_is_shown_in_the_desk_time_zone(client, editor, story):
    correct_at("2025-07-01 12:00 +00:00", story=story, user=editor, text="Summer fix.")
    html = client.get(story.get_absolute_url()).content.decode()
    assert '<time datetime="2025-07-01T13:00:00+01:00">1 July 2025, 13:00 BST</time>' in html


def test_correction_text_is_plain_escaped_text(client, editor, story):
    corrections.story_correct(story=story, user=editor, text='<script>alert("x")</script> & <b>bold</b>\nLine two')
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;<br>Line two" in html


def test_new_correction_shows_at_once_on_cached_pages(
    client, editor, story, settings, django_capture_on_commit_callbacks
):
    settings.NEWSROOM_PAGE_CACHE = True
    assert "Dredging starts in June." not in client.get(story.get_absolute_url()).content.decode()
    client.get("/corrections/")
    with django_capture_on_commit_callbacks(execute=True):
        corrections.story_correct(story=story, user=editor, text="Dredging starts in June.")
    assert "Dredging starts in June." in client.get(story.get_absolute_url()).content.decode()
    assert "Dredging starts in June." in client.get("/corrections/").content.decode()


def test_story_without_corrections_shows_no_corrections_section(client, story):
    assert 'class="corrections"' not in client.get(story.get_absolute_url()).content.decode()


def test_story_page_query_count_does_not_grow_with_corrections(
    client, editor, story, settings, django_assert_max_num_queries
):
    settings.NEWSROOM_PAGE_CACHE = False  # count the view's queries only
    url = story.get_absolute_url()
    corrections.story_correct(story=story, user=editor, text="One.")
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for number in range(4):
        corrections.story_correct(story=story, user=editor, text=f"More {number}.")
    with django_assert_max_num_queries(len(one)):
        assert client.get(url).content.decode().count('class="correction"') == 5
    assert len(one) <= 8


# --- The corrections page ----------------------------------------------------------------


def test_corrections_page_lists_corrections_newest_first_with_links(client, editor):
    older = StoryFactory(headline="Ferry timetable changes", publish_at=LONG_AGO)
    newer = StoryFactory(headline="School roof repaired", publish_at=LONG_AGO)
    correct_at("2025-03-01 09:00 +00:00", story=older, user=editor, text="The ferry leaves at 7.")
    correct_at("2025-03-05 09:00 +00:00", story=newer, user=editor, text="The school is in Eastgate.")
    response = client.get("/corrections/")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("The school is in Eastgate.") < html.index("The ferry leaves at 7.")
    assert f'href="{older.get_absolute_url()}#correction-' in html
    assert f'href="{newer.get_absolute_url()}#correction-' in html
    assert reverse("articles:corrections") == "/corrections/"


@pytest.mark.parametrize(
    "change",
    [
        {"status": StoryStatus.WITHDRAWN},
        {"status": StoryStatus.DRAFT, "publish_at": None},
        {"publish_at": "future"},
        {"embargo_until": "future"},
    ],
    ids=["withdrawn", "back to draft", "rescheduled", "embargoed"],
)
def test_corrections_of_stories_no_longer_live_leave_every_public_page(client, editor, story, change):
    corrections.story_correct(story=story, user=editor, text="A fix nobody may see now.")
    later = timezone.now() + timedelta(days=1)
    for field, value in change.items():
        setattr(story, field, later if value == "future" else value)
    story.save()
    assert "A fix nobody may see now." not in client.get("/corrections/").content.decode()
    assert client.get(story.get_absolute_url()).status_code == 404


def test_corrections_page_is_paginated(client, editor, monkeypatch):
    monkeypatch.setattr(listings.CorrectionListView, "paginate_by", 2)
    story = StoryFactory(publish_at=LONG_AGO)
    for day in range(1, 6):
        correct_at(f"2025-03-0{day} 09:00 +00:00", story=story, user=editor, text=f"Fix of day {day}.")
    first = client.get("/corrections/").content.decode()
    assert "Fix of day 5." in first and "Fix of day 4." in first and "Fix of day 3." not in first
    assert 'href="?page=2"' in first
    last = client.get("/corrections/?page=3")
    assert last.status_code == 200 and "Fix of day 1." in last.content.decode()
    assert client.get("/corrections/?page=9").status_code == 404


def test_corrections_page_query_count_is_fixed(client, editor, settings, django_assert_num_queries):
    settings.NEWSROOM_PAGE_CACHE = False  # count the view's queries only
    StoryFactory.create_batch(2)
    for story in StoryFactory.create_batch(2):
        corrections.story_correct(story=story, user=editor, text="Fix.")
    with CaptureQueriesContext(connection) as few:
        client.get("/corrections/")
    for story in StoryFactory.create_batch(8):
        corrections.story_correct(story=story, user=editor, text="Another fix.")
    with django_assert_num_queries(len(few)):
        assert client.get("/corrections/").content.decode().count('class="correction"') == 10
    assert len(few) <= 4


def test_empty_corrections_page_says_so(client, db):
    assert "There are no corrections to show." in client.get("/corrections/").content.decode()


def test_no_section_may_take_the_corrections_address(db):
    with pytest.raises(ValidationError):
        Section(name="Corrections", slug="corrections").full_clean()


# --- In the admin ---------------------------------------------------------------------------


def change_url(story) -> str:
    return reverse("admin:articles_story_change", args=[story.pk])


def test_editor_adds_a_correction_on_the_story_form(client, editor, story):
    client.force_login(editor)
    data = set_fields(
        form_data(client.get(change_url(story))),
        **{"corrections-0-kind": "clarification", "corrections-0-text": "The cost is an estimate."},
    )
    response = client.post(change_url(story), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    correction = Correction.objects.get(story=story)
    assert correction.kind == "clarification" and correction.created_by == editor
    page = client.get(change_url(story)).content.decode()
    assert "The cost is an estimate." in page and "by Eda Editor" in page


def test_empty_correction_on_the_form_gets_a_message_and_saves_nothing(client, editor, story):
    client.force_login(editor)
    data = set_fields(
        form_data(client.get(change_url(story))),
        **{"headline": "A changed headline", "corrections-0-kind": "clarification", "corrections-0-text": "   "},
    )
    response = client.post(change_url(story), data)
    assert response.status_code == 200
    assert "a correction cannot be empty" in response.content.decode()
    assert not Correction.objects.exists()
    story.refresh_from_db()
    assert story.headline == "Harbour dredging to start in May"


def test_story_not_live_has_no_correction_form(client, editor):
    draft = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    client.force_login(editor)
    assert "corrections-TOTAL_FORMS" not in client.get(change_url(draft)).content.decode()


def test_editor_cannot_correct_a_story_rescheduled_in_the_same_save(client, editor, story):
    client.force_login(editor)
    later = timezone.localtime(timezone.now() + timedelta(days=2))
    data = set_fields(
        form_data(client.get(change_url(story))),
        **{
            "publish_at_0": later.strftime("%d/%m/%Y"),
            "publish_at_1": later.strftime("%H:%M:%S"),
            "corrections-0-text": "Too early.",
        },
    )
    response = client.post(change_url(story), data)
    assert response.status_code == 200
    assert "Only a story readers can see can be corrected" in response.content.decode()
    assert not Correction.objects.exists()
    story.refresh_from_db()
    assert story.publish_at == LONG_AGO


def test_reporter_gets_no_correction_form_and_a_hand_made_post_adds_nothing(client, story):
    reporter = UserFactory(username="corr-rep", role="Reporter")
    client.force_login(reporter)
    response = client.get(change_url(story))
    assert "corrections-TOTAL_FORMS" not in response.content.decode()
    response = client.post(
        change_url(story),
        {
            "corrections-TOTAL_FORMS": "1",
            "corrections-INITIAL_FORMS": "0",
            "corrections-0-kind": "correction",
            "corrections-0-text": "Sneaked in.",
        },
    )
    assert response.status_code in (200, 302, 403)
    assert not Correction.objects.exists()


def test_published_corrections_are_read_only_in_the_admin(client, editor, story):
    corrections.story_correct(story=story, user=editor, text="Recorded fix.")
    client.force_login(editor)
    html = client.get(change_url(story)).content.decode()
    assert "Recorded fix." in html
    assert 'name="corrections-0-text"' not in html
    assert 'name="corrections-1-text"' in html


def test_desk_time_of_a_correction_uses_aware_datetimes(editor, story):
    correction = correct_at("2025-01-15 10:30 +00:00", story=story, user=editor, text="Winter fix.")
    assert correction.published_at == datetime(2025, 1, 15, 10, 30, tzinfo=UTC)
