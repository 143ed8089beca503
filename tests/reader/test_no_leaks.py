"""No leaks: crawl every public surface and find only live stories.

Drafts, submitted, scheduled, embargoed and withdrawn stories sit beside live ones, share their
section, tag and author, and are even picked as related stories. Each story carries a marker word
in its headline and body. A crawler follows every link from the home page, every feed and every
sitemap, searches for every marker, and must meet every live marker and no hidden one.
"""

import re
from collections import deque
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone

from articles.models import StoryStatus
from tests.factories import AuthorFactory, PhotoFactory, SectionFactory, StoryFactory

SITE = "https://news.example.org"
MAX_PAGES = 400


def make_story(marker, **fields):
    story = StoryFactory(
        headline=f"Headline {marker}",
        standfirst=f"Standfirst {marker}",
        body=f"<p>Body {marker} paragraph.</p><h2>More</h2><p>Second {marker} paragraph.</p>",
        **fields,
    )
    story.tags.add("Harbour")
    return story


@pytest.fixture
def newsroom(db, settings, django_capture_on_commit_callbacks):
    settings.NEWSROOM_STORIES_PER_PAGE = 2  # so pagination has pages to crawl
    settings.NEWSROOM_PAGE_CACHE = False
    now = timezone.now()
    section = SectionFactory(name="City", slug="city")
    author = AuthorFactory(name="Shared Author", slug="shared-author")
    with django_capture_on_commit_callbacks(execute=True):
        live = [
            make_story(f"livemarker{i}", section=section, bylines=[author], lead_photo=PhotoFactory()) for i in range(3)
        ]
        hidden = {
            "draft": make_story(
                "hiddendraft", section=section, bylines=[author], status=StoryStatus.DRAFT, publish_at=None
            ),
            "submitted": make_story(
                "hiddensubmitted", section=section, bylines=[author], status=StoryStatus.SUBMITTED, publish_at=None
            ),
            "scheduled": make_story(
                "hiddenscheduled", section=section, bylines=[author], publish_at=now + timedelta(hours=3)
            ),
            "embargoed": make_story(
                "hiddenembargoed",
                section=section,
                bylines=[author],
                publish_at=now - timedelta(hours=3),
                embargo_until=now + timedelta(hours=2),
            ),
            "withdrawn": make_story(
                "hiddenwithdrawn",
                section=section,
                bylines=[author],
                status=StoryStatus.WITHDRAWN,
                publish_at=now - timedelta(hours=5),
            ),
        }
        for story in live:
            story.related.set(hidden.values())
    return live, hidden


def links_in(body: str, current: str) -> list[str]:
    found = re.findall(r'(?:href|src)="([^"]+)"', body) + re.findall(r"<loc>([^<]+)</loc>", body)
    found += re.findall(r'<link[^>]*href="([^"]+)"', body)
    paths = []
    for url in found:
        url = url.replace("&amp;", "&")
        if url.startswith("?"):  # pagination links are relative to the page
            url = urlsplit(current).path + url
        if url.startswith(SITE):
            url = url[len(SITE) :]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not url.startswith("/"):
            continue
        if url.startswith(("/admin", "/static/", "/media/", "/photos/r/")):  # files, not pages
            continue
        paths.append(url)
    return paths


def crawl(client, starts):
    seen, queue, bodies = set(), deque(starts), {}
    while queue and len(seen) < MAX_PAGES:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        assert response.status_code in (200, 404), (path, response.status_code)
        if response.status_code != 200:
            continue
        body = response.content.decode()
        bodies[path] = body
        queue.extend(links_in(body, path))
    return bodies


def test_every_public_surface_shows_live_stories_and_nothing_else(client, newsroom):
    live, hidden = newsroom
    starts = [
        "/",
        "/robots.txt",
        "/sitemap.xml",
        "/feeds/rss/",
        "/feeds/atom/",
        "/feeds/sections/city/rss/",
        "/feeds/sections/city/atom/",
        "/feeds/tags/harbour/rss/",
        "/feeds/tags/harbour/atom/",
        "/feeds/authors/shared-author/rss/",
        "/feeds/authors/shared-author/atom/",
        "/archive/",
        "/corrections/",
        "/tags/harbour/",
        "/authors/shared-author/",
        "/city/",
    ]
    markers = [f"livemarker{i}" for i in range(3)] + [
        "hiddendraft",
        "hiddensubmitted",
        "hiddenscheduled",
        "hiddenembargoed",
        "hiddenwithdrawn",
    ]
    starts += [f"/search/?q={marker}" for marker in markers]
    bodies = crawl(client, starts)

    everything = "\n".join(bodies.values())
    for kind, story in hidden.items():
        marker = f"hidden{kind}"
        # A search page repeats the reader's own query; the story's words must still not appear.
        story_text = re.compile(rf"(Headline|Standfirst|Body|Second)\s*(<mark>)?{marker}")
        leaks = [
            path
            for path, body in bodies.items()
            if story_text.search(body) or (marker in body and not path.startswith("/search/"))
        ]
        assert not leaks, f"{kind} story leaked on {leaks}"
        assert f"/{story.pk}/" not in everything.replace("/r/", "/x/"), f"{kind} story's address leaked"
    for i, story in enumerate(live):
        assert f"livemarker{i}" in everything
        assert story.get_absolute_url() in bodies, "the crawler reached every live story page"
    # The crawl really covered the surfaces: pages 2+, feeds, sitemaps, search and JSON-LD.
    assert any("page=2" in path for path in bodies)
    assert any(path.startswith("/sitemap-") for path in bodies)
    assert any(path.startswith("/search/") and "livemarker0" in body for path, body in bodies.items())
    assert any("application/ld+json" in body for body in bodies.values())
