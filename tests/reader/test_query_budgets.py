"""Query budgets: every public page, feed, sitemap and the admin changelist costs a fixed number of queries.

Each budget is pinned, and each page is measured twice: over a newsroom built at one scale and
again at three times that scale (more stories, photos, bylines, tags, related stories, corrections
and sections), so a query added inside a loop fails here. The page cache is off (test settings):
these are the costs of a render, the cost of a miss.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Byline, Correction, Placement
from articles.reader.sitemaps import story_sitemap_path
from articles.search import index
from tests.factories import AuthorFactory, PhotoFactory, SectionFactory, StoryFactory, UserFactory

# Pinned query counts. A change here should come with a reason in the commit message.
# Lists of stories count nothing: they fetch one story more than a page (articles/reader/pagination.py).
BUDGETS = {
    "story": 8,
    "home": 5,
    "section": 3,
    "section_page_2": 3,
    "tag": 4,
    "author": 4,
    "search": 5,
    "archive": 4,
    "archive_year": 7,
    "archive_month": 7,
    "corrections": 3,
    "feed_rss": 4,
    "feed_atom": 4,
    "section_feed": 5,
    "tag_feed": 5,
    "author_feed": 5,
    "sitemap_index": 9,
    "sitemap_pages": 1,
    "sitemap_news": 2,
    "sitemap_stories": 1,  # one range of ids, no count (articles/reader/sitemaps.py IdBlocks)
    "sitemap_sections": 2,
    "sitemap_tags": 2,
    "sitemap_authors": 2,
    "robots": 0,
    # Session, user, the section filter, one count, the page, its bylines.
    "admin_changelist": 6,
}
STORY_PAGE_LIMIT = 8
FILLER_STORIES = 24


class Newsroom:
    """A newsroom that grows: `grow(k)` adds k of everything around the one story we look at."""

    def __init__(self):
        self.section = SectionFactory(name="City", slug="city", position=0)
        self.author = AuthorFactory(name="Mara Lind", slug="mara-lind")
        self.photos = [PhotoFactory(caption=f"Pool photo {n}") for n in range(2)]
        self.story = self.new_story("Ferry timetable changes", hours=1)
        self.story.tags.add("Harbour")
        # Enough stories that every list and every block of the home page is full from the start:
        # an empty list skips its prefetch queries, which would read as growth.
        for n in range(FILLER_STORIES):
            filler = self.new_story(f"Ferry filler {n}", hours=100 + n, photo=self.photos[0])
            filler.tags.add("Harbour")
        self.editor = UserFactory(username="budget-editor", role="Editor", is_superuser=True)
        self.count = 0

    def new_story(self, headline, hours, section=None, photo=None):
        return StoryFactory(
            headline=headline,
            section=section or self.section,
            bylines=[self.author],
            lead_photo=photo,
            publish_at=timezone.now() - timedelta(hours=hours),
        )

    def grow(self, k: int):
        """k more of each: stories (with photos, bylines, tags, corrections), sections, and on the story itself."""
        for _ in range(k):
            self.count += 1
            n = self.count
            photo = self.photos[n % len(self.photos)]
            other = self.new_story(f"Ferry story {n}", hours=1 + n, photo=photo)
            other.tags.add("Harbour", f"Topic {n}")
            Byline.objects.create(story=other, author=AuthorFactory(), order=1)
            Placement.objects.create(story=other, photo=photo, paragraph=1)
            Correction.objects.create(story=other, text=f"Correction {n} to another story.")
            # Around the story page's story: a byline, a photo, a tag, a related story, a correction.
            Byline.objects.create(story=self.story, author=AuthorFactory(), order=n)
            Placement.objects.create(story=self.story, photo=photo, paragraph=n % 3)
            self.story.tags.add(f"Story topic {n}")
            self.story.related.add(other)
            Correction.objects.create(story=self.story, text=f"Correction {n} to the story.")
            # A section of its own, for the home page's blocks and the navigation.
            self.new_story(f"Section story {n}", hours=1 + n, section=SectionFactory(position=n))
        index.rebuild_index()


def urls_for(room: Newsroom) -> dict[str, str]:
    year, month = room.story.publish_at.year, room.story.publish_at.month
    return {
        "story": room.story.get_absolute_url(),
        "home": "/",
        "section": "/city/",
        "section_page_2": "/city/?page=2",
        "tag": "/tags/harbour/",
        "author": "/authors/mara-lind/",
        "search": "/search/?q=ferry",
        "archive": "/archive/",
        "archive_year": f"/archive/{year}/",
        "archive_month": f"/archive/{year}/{month}/",
        "corrections": "/corrections/",
        "feed_rss": "/feeds/rss/",
        "feed_atom": "/feeds/atom/",
        "section_feed": "/feeds/sections/city/rss/",
        "tag_feed": "/feeds/tags/harbour/atom/",
        "author_feed": "/feeds/authors/mara-lind/rss/",
        "sitemap_index": "/sitemap.xml",
        "sitemap_pages": "/sitemap-pages.xml",
        "sitemap_news": "/sitemap-news.xml",
        "sitemap_stories": story_sitemap_path(room.story.pk),
        "sitemap_sections": "/sitemap-sections.xml",
        "sitemap_tags": "/sitemap-tags.xml",
        "sitemap_authors": "/sitemap-authors.xml",
        "robots": "/robots.txt",
        "admin_changelist": "/admin/articles/story/",
    }


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


@pytest.fixture
def room(db, settings):
    settings.NEWSROOM_STORIES_PER_PAGE = 3
    return Newsroom()


@pytest.mark.parametrize("page", BUDGETS)
def test_query_budget_holds_and_does_not_grow(client, room, page):
    if page == "admin_changelist":
        client.force_login(room.editor)
    room.grow(1)
    url = urls_for(room)[page]
    small = queries_for(client, url)
    room.grow(2)  # three times as much of everything
    large = queries_for(client, url)
    assert small == large == BUDGETS[page]


def test_the_story_page_stays_within_eight_queries_with_many_related_stories(client, room):
    # Four editor-picked related stories fill the list, so the shared-tags query is skipped.
    room.grow(6)
    assert queries_for(client, room.story.get_absolute_url()) <= STORY_PAGE_LIMIT


PAGED = ["section", "section_page_2", "tag", "author", "search", "archive_year", "archive_month"]


@pytest.mark.parametrize("page", PAGED)
def test_query_count_does_not_grow_with_page_size(client, room, settings, page):
    room.grow(2)
    url = urls_for(room)[page]
    settings.NEWSROOM_STORIES_PER_PAGE = 2
    small = queries_for(client, url)
    settings.NEWSROOM_STORIES_PER_PAGE = 6
    assert queries_for(client, url) == small == BUDGETS[page]


def test_admin_changelist_query_count_does_not_grow_with_page_size(client, room, monkeypatch):
    from django.contrib import admin

    from articles.models import Story

    room.grow(2)
    client.force_login(room.editor)
    model_admin = admin.site.get_model_admin(Story)
    monkeypatch.setattr(model_admin, "list_per_page", 3)
    small = queries_for(client, "/admin/articles/story/")
    monkeypatch.setattr(model_admin, "list_per_page", 30)
    assert queries_for(client, "/admin/articles/story/") == small == BUDGETS["admin_changelist"]
