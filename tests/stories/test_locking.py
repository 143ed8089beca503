"""Two people editing one story: optimistic locking by version, and who else has the story open."""

from datetime import timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from articles.models import EditPresence, Story, StoryStatus
from articles.stories import workflow
from tests.admin.admin_pages import change_url, error_text, form_data, open_change_form, page_text
from tests.factories import StoryFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ana(db):
    return UserFactory(username="ana", first_name="Ana", last_name="Ruiz", role="Editor")


@pytest.fixture
def ben(db):
    return UserFactory(username="ben", first_name="Ben", last_name="Okafor", role="Editor")


def _browser(user) -> Client:
    browser = Client()
    browser.force_login(user)
    return browser


def _draft(**kwargs):
    return StoryFactory(
        status=StoryStatus.DRAFT,
        publish_at=None,
        headline="Harbour wall to be rebuilt",
        standfirst="Work starts in spring.",
        body="<p>The council approved the plan.</p><p>It costs four million.</p>",
        **kwargs,
    )


def test_each_save_raises_the_version(ana):
    story = _draft()
    browser = _browser(ana)
    for expected in (2, 3):
        data = open_change_form(browser, story)
        data["standfirst"] = f"Version {expected}"
        assert browser.post(change_url(story), data).status_code == 302
        assert Story.objects.get(pk=story.pk).version == expected


def test_the_form_carries_the_version_it_was_opened_at(ana):
    story = _draft()
    Story.objects.filter(pk=story.pk).update(version=7)
    assert open_change_form(_browser(ana), story)["version"] == "7"


def test_a_stale_save_is_refused_and_nothing_is_lost(ana, ben):
    story = _draft()
    anas_browser, bens_browser = _browser(ana), _browser(ben)
    anas_form = open_change_form(anas_browser, story)
    bens_form = open_change_form(bens_browser, story)

    bens_form["headline"] = "Harbour wall rebuild delayed"
    bens_form["body"] = "<p>The council approved the plan.</p><p>It now costs five million.</p>"
    assert bens_browser.post(change_url(story), bens_form).status_code == 302

    anas_form["headline"] = "Harbour wall to be rebuilt by 2028"
    anas_form["standfirst"] = "Work starts in spring, the council says."
    response = anas_browser.post(change_url(story), anas_form)

    assert response.status_code == 200
    errors = error_text(response)
    assert "Ben Okafor saved this story at" in errors
    assert "your text is still in the form" in errors
    # Ana's words are still in the form.
    shown = form_data(response)
    assert shown["headline"] == "Harbour wall to be rebuilt by 2028"
    assert shown["standfirst"] == "Work starts in spring, the council says."
    # Ben's change is shown to her, with what differs marked.
    soup = BeautifulSoup(response.content, "html.parser")
    conflict = soup.select_one(".story-conflict")
    assert "Harbour wall rebuild delayed" in conflict.get_text()
    assert "It now costs five million." in conflict.get_text()
    deleted = " ".join(node.get_text() for node in conflict.select("del"))
    inserted = " ".join(node.get_text() for node in conflict.select("ins"))
    assert "five" in deleted and "four" in inserted
    # Ben's save stands.
    fresh = Story.objects.get(pk=story.pk)
    assert (fresh.headline, fresh.version) == ("Harbour wall rebuild delayed", 2)


def test_after_seeing_the_other_change_a_second_save_replaces_it(ana, ben):
    story = _draft()
    anas_browser, bens_browser = _browser(ana), _browser(ben)
    anas_form = open_change_form(anas_browser, story)
    bens_form = open_change_form(bens_browser, story)
    bens_form["headline"] = "Ben's headline"
    bens_browser.post(change_url(story), bens_form)

    anas_form["headline"] = "Ana's merged headline"
    refused = anas_browser.post(change_url(story), anas_form)
    assert refused.status_code == 200
    again = form_data(refused)
    assert again["version"] == "2"
    assert anas_browser.post(change_url(story), again).status_code == 302
    fresh = Story.objects.get(pk=story.pk)
    assert (fresh.headline, fresh.version) == ("Ana's merged headline", 3)


def test_a_workflow_change_meanwhile_also_makes_the_form_stale(ana, ben):
    story = _draft()
    anas_browser = _browser(ana)
    anas_form = open_change_form(anas_browser, story)
    workflow.story_submit(story=story, user=ben)
    anas_form["headline"] = "Too late"
    response = anas_browser.post(change_url(story), anas_form)
    assert response.status_code == 200
    assert "Ben Okafor saved this story" in error_text(response)
    assert Story.objects.get(pk=story.pk).headline == "Harbour wall to be rebuilt"


def test_a_post_without_a_version_is_treated_as_stale(ana):
    story = _draft()
    browser = _browser(ana)
    data = open_change_form(browser, story)
    del data["version"]
    data["headline"] = "No version sent"
    assert browser.post(change_url(story), data).status_code == 200
    assert Story.objects.get(pk=story.pk).headline == "Harbour wall to be rebuilt"


def test_a_refused_publish_does_not_raise_the_version(ana):
    story = _draft(bylines=[])
    browser = _browser(ana)
    data = open_change_form(browser, story)
    assert browser.post(change_url(story), {**data, "_publish_now": "Publish now"}).status_code == 200
    assert Story.objects.get(pk=story.pk).version == 1


# --- Presence --------------------------------------------------------------------------------


def test_opening_the_page_records_presence(ana):
    story = _draft()
    _browser(ana).get(change_url(story))
    presence = EditPresence.objects.get(story=story, user=ana)
    assert timezone.now() - presence.last_seen < timedelta(seconds=30)


def test_the_page_names_who_else_has_it_open_now(ana, ben):
    story = _draft()
    _browser(ben).get(change_url(story))
    text = page_text(_browser(ana).get(change_url(story)))
    assert "Also editing now: Ben Okafor (now)" in text
    # Ana does not see herself.
    assert "Ana Ruiz (" not in text


def test_a_visit_more_than_a_minute_old_is_not_mentioned(ana, ben):
    story = _draft()
    with time_machine.travel(timezone.now() - timedelta(seconds=70), tick=False):
        _browser(ben).get(change_url(story))
    page = BeautifulSoup(_browser(ana).get(change_url(story)).content, "html.parser")
    assert page.find(id="story-presence").has_attr("hidden")
    assert "Ben Okafor" not in page.find(id="story-presence").get_text()


def test_presence_is_kept_once_per_person(ana):
    story = _draft()
    browser = _browser(ana)
    browser.get(change_url(story))
    browser.get(change_url(story))
    assert EditPresence.objects.filter(story=story, user=ana).count() == 1
