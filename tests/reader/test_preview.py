"""Desk previews: any story, as readers will see it, for the people who may see it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import StoryStatus
from tests.factories import AuthorFactory, StoryFactory, UserFactory

NOT_FOUND = "We can’t find that page"
BANNER = "Preview, not published"


def make_story(state: str, **extra):
    now = timezone.now()
    fields = {
        "draft": {"status": StoryStatus.DRAFT, "publish_at": None},
        "submitted": {"status": StoryStatus.SUBMITTED, "publish_at": None, "submitted_at": now - timedelta(hours=1)},
        "scheduled": {"status": StoryStatus.PUBLISHED, "publish_at": now + timedelta(hours=2)},
        "embargoed": {
            "status": StoryStatus.PUBLISHED,
            "publish_at": now - timedelta(hours=1),
            "embargo_until": now + timedelta(hours=3),
        },
        "withdrawn": {"status": StoryStatus.WITHDRAWN, "publish_at": now - timedelta(days=1), "withdrawn_at": now},
    }[state]
    return StoryFactory(headline=f"A {state} story", **fields, **extra)


STATES = {
    "draft": "Draft",
    "submitted": "Submitted for editing",
    "scheduled": "Scheduled",
    "embargoed": "Embargoed",
    "withdrawn": "Withdrawn",
}


def assert_is_preview(response):
    html = response.content.decode()
    assert response.status_code == 200
    assert BANNER in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    cache_control = response["Cache-Control"]
    assert "no-store" in cache_control and "private" in cache_control
    assert "public" not in cache_control
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "articles/story.html" in [t.name for t in response.templates]


@pytest.mark.parametrize(("state", "label"), STATES.items())
def test_editor_previews_a_story_that_is_not_live_at_its_own_address(client, editor, state, label):
    story = make_story(state)
    client.force_login(editor)
    response = client.get(story.get_absolute_url())
    assert_is_preview(response)
    html = response.content.decode()
    assert f"<strong>{label}</strong>" in html
    assert story.headline in html
    assert "A one-sentence summary of the story." in html


@pytest.mark.parametrize("state", STATES)
def test_anonymous_reader_gets_the_not_found_page_for_a_story_that_is_not_live(client, db, state):
    story = make_story(state)
    response = client.get(story.get_absolute_url())
    assert response.status_code == 404
    html = response.content.decode()
    assert NOT_FOUND in html
    assert BANNER not in html and story.headline not in html


def test_banner_gives_the_scheduled_time_in_the_desk_time_zone(client, editor):
    story = make_story("scheduled")
    client.force_login(editor)
    html = client.get(story.get_absolute_url()).content.decode()
    local = timezone.localtime(story.publish_at)
    assert f'goes live <time datetime="{local.isoformat(timespec="seconds")}">' in html
    assert local.strftime("%H:%M") in html


def test_banner_names_both_times_of_a_scheduled_story_under_a_later_embargo(client, editor):
    now = timezone.now()
    story = make_story("scheduled", embargo_until=now + timedelta(days=1))
    client.force_login(editor)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<strong>Scheduled and embargoed</strong>" in html
    assert "goes live" in html and "embargoed until" in html


def test_editor_sees_a_live_story_as_any_reader_does(client, editor):
    story = StoryFactory()
    client.force_login(editor)
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert BANNER not in response.content.decode()
    assert 'content="noindex' not in response.content.decode()
    assert "X-Robots-Tag" not in response


def test_reporter_previews_a_story_they_created(client, db):
    reporter = UserFactory(username="rep-own", role="Reporter")
    story = make_story("draft", created_by=reporter)
    client.force_login(reporter)
    assert_is_preview(client.get(story.get_absolute_url()))


def test_reporter_previews_a_story_carrying_their_byline(client, db):
    reporter = UserFactory(username="rep-byline", role="Reporter")
    story = make_story("submitted", bylines=[AuthorFactory(user=reporter)])
    client.force_login(reporter)
    assert_is_preview(client.get(story.get_absolute_url()))


def test_reporter_cannot_preview_a_colleagues_story(client, db):
    colleague = UserFactory(username="rep-colleague", role="Reporter")
    story = make_story("draft", created_by=colleague)
    client.force_login(UserFactory(username="rep-other", role="Reporter"))
    response = client.get(story.get_absolute_url())
    assert response.status_code == 404
    assert BANNER not in response.content.decode()


@pytest.mark.parametrize(
    "user_kwargs",
    [
        {"username": "photo", "role": "Photo desk"},
        {"username": "not-staff-editor", "role": "Editor", "is_staff": False},
        {"username": "staff-without-role"},
    ],
    ids=["photo desk", "editor rights without staff status", "staff without rights"],
)
def test_other_signed_in_users_get_the_not_found_page(client, db, user_kwargs):
    story = make_story("scheduled")
    client.force_login(UserFactory(**user_kwargs))
    response = client.get(story.get_absolute_url())
    assert response.status_code == 404
    assert NOT_FOUND in response.content.decode()


def test_preview_at_an_old_address_redirects_temporarily_to_the_current_one(client, editor):
    story = make_story("draft")
    old_url = story.get_absolute_url()
    story.slug = "a-better-headline"
    story.save()
    client.force_login(editor)
    response = client.get(old_url)
    assert response.status_code == 302
    assert response["Location"] == story.get_absolute_url()
    assert "no-store" in response["Cache-Control"]


def test_not_found_for_an_unpublished_story_costs_readers_no_extra_query(client, db, settings):
    settings.NEWSROOM_PAGE_CACHE = False  # count the view's queries only
    story = make_story("draft")
    with CaptureQueriesContext(connection) as missing:
        assert client.get(f"/{story.section.slug}/{story.pk + 1000}/x/").status_code == 404
    with CaptureQueriesContext(connection) as unpublished:
        assert client.get(story.get_absolute_url()).status_code == 404
    assert len(unpublished) == len(missing)


def test_story_change_form_links_to_the_preview(client, editor):
    story = make_story("draft")
    client.force_login(editor)
    html = client.get(reverse("admin:articles_story_change", args=[story.pk])).content.decode()
    assert f'href="{story.get_absolute_url()}"' in html
    assert "Preview this story" in html


def test_preview_banner_links_the_desk_back_to_the_edit_page(client, editor):
    story = make_story("draft")
    client.force_login(editor)
    html = client.get(story.get_absolute_url()).content.decode()
    assert reverse("admin:articles_story_change", args=[story.pk]) in html
