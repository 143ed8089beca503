"""The editorial overview: scheduled for the week, waiting for an editor, published today."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import StoryStatus
from tests.factories import AuthorFactory, SectionFactory, StoryFactory, UserFactory

# 00:30 on 2 July in London (BST): "today" began 30 minutes ago, at 23:00 UTC on 1 July.
NOW = datetime(2025, 7, 1, 23, 30, tzinfo=UTC)
OVERVIEW = "/admin/desk/"


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def published(headline, publish_at, **extra):
    return StoryFactory(headline=headline, status=StoryStatus.PUBLISHED, publish_at=publish_at, **extra)


def lists_on(response) -> dict[str, list[str]]:
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return {
        key: [row.th.get_text(strip=True) for row in page.select(f"#desk-{key} tbody tr") if row.th]
        for key in ("scheduled", "waiting", "today")
    }


def test_overview_puts_each_story_in_its_list(editor_client, frozen):
    published("In two days", NOW + timedelta(days=2))
    published("In eight days", NOW + timedelta(days=8))
    published("Embargo lifts tomorrow", NOW - timedelta(hours=2), embargo_until=NOW + timedelta(days=1))
    published("Scheduled tomorrow, embargoed a fortnight", NOW + timedelta(days=1), embargo_until=NOW + timedelta(14))
    StoryFactory(headline="Filed an hour ago", status=StoryStatus.SUBMITTED, publish_at=None)
    StoryFactory(headline="Still a draft", status=StoryStatus.DRAFT, publish_at=None)
    StoryFactory(headline="Killed today", status=StoryStatus.WITHDRAWN, publish_at=NOW - timedelta(minutes=10))
    published("Ten past midnight", datetime(2025, 7, 1, 23, 10, tzinfo=UTC))
    published("Ten to midnight yesterday", datetime(2025, 7, 1, 22, 50, tzinfo=UTC))

    response = editor_client.get(OVERVIEW)
    assert response.status_code == 200
    assert lists_on(response) == {
        "scheduled": ["Embargo lifts tomorrow", "In two days"],
        "waiting": ["Filed an hour ago"],
        "today": ["Ten past midnight"],
    }


def test_scheduled_time_is_when_the_story_really_goes_live(editor_client, frozen):
    published("Embargoed", NOW - timedelta(hours=2), embargo_until=datetime(2025, 7, 3, 8, 0, tzinfo=UTC))
    html = editor_client.get(OVERVIEW).content.decode()
    assert '<time datetime="2025-07-03T09:00:00+01:00">Thu 3 Jul, 09:00</time>' in html


def test_waiting_list_starts_with_the_story_waiting_longest(editor_client, frozen):
    for headline, hours in [("Filed recently", 1), ("Filed this morning", 9), ("Filed at noon", 5)]:
        StoryFactory(
            headline=headline,
            status=StoryStatus.SUBMITTED,
            publish_at=None,
            submitted_at=NOW - timedelta(hours=hours),
        )
    assert lists_on(editor_client.get(OVERVIEW))["waiting"] == ["Filed this morning", "Filed at noon", "Filed recently"]


def test_each_story_shows_its_section_bylines_and_links(editor_client, frozen):
    section = SectionFactory(name="Harbour", slug="harbour")
    story = published(
        "New cranes arrive",
        NOW + timedelta(hours=5),
        section=section,
        bylines=[AuthorFactory(name="Mara Lind"), AuthorFactory(name="Tomas Okafor")],
    )
    page = BeautifulSoup(editor_client.get(OVERVIEW).content.decode(), "html.parser")
    row = page.select_one("#desk-scheduled tbody tr")
    text = row.get_text(" ", strip=True)
    assert "Harbour" in text and "Mara Lind and Tomas Okafor" in text
    links = [a["href"] for a in row.find_all("a")]
    assert reverse("admin:articles_story_change", args=[story.pk]) in links
    assert story.get_absolute_url() in links


def test_empty_lists_say_so(editor_client, frozen):
    html = editor_client.get(OVERVIEW).content.decode()
    assert "Nothing is scheduled." in html
    assert "No story is waiting." in html
    assert "Nothing has been published today yet." in html


def test_overview_query_count_does_not_grow_with_stories(editor_client, frozen, django_assert_num_queries):
    def one_of_each(n):
        published(f"Scheduled {n}", NOW + timedelta(days=1, minutes=n), bylines=[AuthorFactory(), AuthorFactory()])
        StoryFactory(headline=f"Waiting {n}", status=StoryStatus.SUBMITTED, publish_at=None)
        published(f"Today {n}", NOW - timedelta(minutes=n + 1))

    one_of_each(0)
    with CaptureQueriesContext(connection) as few:
        editor_client.get(OVERVIEW)
    for n in range(1, 5):
        one_of_each(n)
    with django_assert_num_queries(len(few)):
        response = editor_client.get(OVERVIEW)
    assert [len(stories) for stories in lists_on(response).values()] == [5, 5, 5]


def test_anonymous_visitor_is_sent_to_the_login_page(client, db):
    response = client.get(OVERVIEW)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_story_rights_is_refused(client, db):
    client.force_login(UserFactory(username="no-rights"))
    assert client.get(OVERVIEW).status_code == 403


@pytest.mark.parametrize("role", ["Reporter", "Editor", "Chief"])
def test_the_desk_can_open_the_overview(client, db, role):
    client.force_login(UserFactory(username=f"overview-{role}", role=role))
    assert client.get(reverse("admin:desk_overview")).status_code == 200


def test_admin_front_page_links_to_the_overview(editor_client):
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert f'href="{OVERVIEW}"' in html
    assert "Desk overview" in html


def test_admin_front_page_has_no_overview_link_for_staff_without_story_rights(client, db):
    client.force_login(UserFactory(username="no-rights-index"))
    assert OVERVIEW not in client.get(reverse("admin:index")).content.decode()
