"""RSS and Atom feeds: what each entry carries, what never gets in, and what they cost."""

import calendar
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone

from articles.models import Correction, StoryStatus
from articles.reader.feeds import LatestStoriesFeed, lead_image_url
from tests.factories import AuthorFactory, PhotoFactory, SectionFactory, StoryFactory

SITE = "https://news.example.org"


@pytest.fixture(autouse=True)
def _render_every_request(settings):
    # These tests are about the feeds themselves and the queries they cost, not the page cache in front.
    settings.NEWSROOM_PAGE_CACHE = False


def hidden_stories(**kwargs):
    """One story in each state a reader must never see."""
    now = timezone.now()
    states = {
        "draft": {"status": StoryStatus.DRAFT, "publish_at": None},
        "submitted": {"status": StoryStatus.SUBMITTED, "publish_at": None},
        "scheduled": {"status": StoryStatus.PUBLISHED, "publish_at": now + timedelta(hours=3)},
        "embargoed": {
            "status": StoryStatus.PUBLISHED,
            "publish_at": now - timedelta(hours=1),
            "embargo_until": now + timedelta(hours=3),
        },
        "withdrawn": {"status": StoryStatus.WITHDRAWN, "publish_at": now - timedelta(hours=1)},
    }
    stories = []
    for name, state in states.items():
        story = StoryFactory(headline=f"Hidden {name} story", **state, **kwargs)
        story.tags.add("Harbour")
        stories.append(story)
    return stories


@pytest.fixture
def desk(db):
    city = SectionFactory(name="City", slug="city")
    sport = SectionFactory(name="Sport", slug="sport")
    mara = AuthorFactory(name="Mara Lind", slug="mara-lind")
    tomas = AuthorFactory(name="Tomas Okafor", slug="tomas-okafor")
    now = timezone.now()
    lead = PhotoFactory(caption="The harbour at dawn", credit="Ana Ruiz/Coastline Wire")
    main = StoryFactory(
        headline="Harbour cranes return & “the city” cheers",
        standfirst="Three new cranes arrive after a two-year wait.",
        section=city,
        bylines=[mara, tomas],
        lead_photo=lead,
        publish_at=now - timedelta(hours=5),
        updated_at=now - timedelta(hours=2),
    )
    main.tags.set(["Harbour", "Port jobs"])
    Correction.objects.create(story=main, text="The cranes came from Rotterdam, not Hamburg.")
    other = StoryFactory(
        headline="Harriers win the derby",
        section=sport,
        bylines=[tomas],
        publish_at=now - timedelta(hours=3),
    )
    other.tags.set(["Football"])
    hidden = hidden_stories(section=city, bylines=[mara])
    return {"main": main, "other": other, "hidden": hidden, "city": city, "mara": mara}


FEED_URLS = [
    "/feeds/rss/",
    "/feeds/atom/",
    "/feeds/sections/city/rss/",
    "/feeds/sections/city/atom/",
    "/feeds/tags/harbour/rss/",
    "/feeds/tags/harbour/atom/",
    "/feeds/authors/mara-lind/rss/",
    "/feeds/authors/mara-lind/atom/",
]


def fetch(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response, feedparser.parse(response.content)


def entry_for(feed, story):
    matches = [entry for entry in feed.entries if entry.id == f"{SITE}/stories/{story.pk}/"]
    assert len(matches) == 1, [entry.id for entry in feed.entries]
    return matches[0]


def timestamp(parsed):
    return calendar.timegm(parsed)


@pytest.mark.parametrize("url", FEED_URLS)
def test_every_feed_parses_without_complaint(client, desk, url):
    response, feed = fetch(client, url)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == ("atom10" if url.endswith("/atom/") else "rss20")
    assert response["Content-Type"].startswith(
        "application/atom+xml" if url.endswith("/atom/") else "application/rss+xml"
    )
    assert feed.entries
    entry_for(feed, desk["main"])


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_entry_carries_id_authors_categories_times_summary_and_photo(client, desk, url):
    story = desk["main"]
    _, feed = fetch(client, url)
    entry = entry_for(feed, story)

    assert entry.title == "Harbour cranes return & “the city” cheers"
    assert entry.link == f"{SITE}/city/{story.pk}/{story.slug}/"
    assert [author["name"] for author in entry.authors] == ["Mara Lind", "Tomas Okafor"]
    assert [tag["term"] for tag in entry.tags] == ["City", "Harbour", "Port jobs"]
    assert timestamp(entry.published_parsed) == int(story.publish_at.timestamp())
    assert timestamp(entry.updated_parsed) == int(story.updated_at.timestamp())
    assert "Three new cranes arrive after a two-year wait." in entry.summary
    assert "Correction" in entry.summary and "Rotterdam, not Hamburg" in entry.summary
    assert entry.summary.index("Three new cranes") < entry.summary.index("Rotterdam")

    [image] = entry.media_content
    assert image["url"] == lead_image_url(story)
    assert image["url"].startswith(f"{SITE}/")
    assert image["medium"] == "image" and image["type"] == "image/jpeg"
    assert entry.media_credit[0]["content"] == "Ana Ruiz/Coastline Wire"


def test_atom_authors_link_to_their_pages(client, desk):
    _, feed = fetch(client, "/feeds/atom/")
    entry = entry_for(feed, desk["main"])
    assert [author.get("href") for author in entry.authors] == [
        f"{SITE}/authors/mara-lind/",
        f"{SITE}/authors/tomas-okafor/",
    ]


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_updated_time_is_publish_time_unless_updated_later(client, desk, url):
    story = desk["other"]
    story.updated_at = story.publish_at - timedelta(hours=1)
    story.save()
    _, feed = fetch(client, url)
    entry = entry_for(feed, story)
    assert timestamp(entry.updated_parsed) == int(story.publish_at.timestamp())


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_entry_id_survives_new_headline_slug_and_section(client, desk, url):
    story = desk["main"]
    _, before = fetch(client, url)
    old_id = entry_for(before, story).id
    story.headline = "Cranes are back"
    story.slug = "cranes-are-back"
    story.section = SectionFactory(name="Business", slug="business")
    story.save()
    _, after = fetch(client, url)
    entry = entry_for(after, story)
    assert entry.id == old_id
    assert entry.link == f"{SITE}/business/{story.pk}/cranes-are-back/"


@pytest.mark.parametrize("url", FEED_URLS)
def test_stories_readers_cannot_see_are_in_no_feed(client, desk, url):
    response, feed = fetch(client, url)
    ids = {entry.id for entry in feed.entries}
    body = response.content.decode()
    for story in desk["hidden"]:
        assert f"{SITE}/stories/{story.pk}/" not in ids
        assert story.headline not in body


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/feeds/sections/city/rss/", {"main"}),
        ("/feeds/sections/sport/atom/", {"other"}),
        ("/feeds/tags/harbour/rss/", {"main"}),
        ("/feeds/tags/football/atom/", {"other"}),
        ("/feeds/authors/mara-lind/rss/", {"main"}),
        ("/feeds/authors/tomas-okafor/atom/", {"main", "other"}),
    ],
)
def test_section_tag_and_author_feeds_hold_only_their_stories(client, desk, url, expected):
    _, feed = fetch(client, url)
    assert {entry.id for entry in feed.entries} == {f"{SITE}/stories/{desk[name].pk}/" for name in expected}


@pytest.mark.parametrize("kind", ["sections", "tags", "authors"])
@pytest.mark.parametrize("feed_format", ["rss", "atom"])
def test_unknown_slug_is_the_site_404_page(client, desk, kind, feed_format):
    response = client.get(f"/feeds/{kind}/no-such-thing/{feed_format}/")
    assert response.status_code == 404
    assert "can’t find that page" in response.content.decode()


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_feed_holds_the_newest_stories_up_to_its_limit(client, db, url):
    now = timezone.now()
    stories = [StoryFactory(publish_at=now - timedelta(minutes=n + 1)) for n in range(LatestStoriesFeed.limit + 3)]
    _, feed = fetch(client, url)
    newest = stories[: LatestStoriesFeed.limit]
    assert [entry.id for entry in feed.entries] == [f"{SITE}/stories/{story.pk}/" for story in newest]


@pytest.mark.parametrize("url", FEED_URLS)
def test_links_use_the_configured_site_url_not_the_request_host(client, desk, settings, url):
    settings.NEWSROOM_SITE_URL = "https://chronicle.example"
    response, feed = fetch(client, url, HTTP_HOST="localhost")
    body = response.content.decode()
    assert "localhost" not in body and "testserver" not in body
    assert feed.feed.link.startswith("https://chronicle.example/")
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [f"https://chronicle.example{url}"]
    for entry in feed.entries:
        assert entry.id.startswith("https://chronicle.example/stories/")
        assert entry.link.startswith("https://chronicle.example/")
        for image in entry.get("media_content", []):
            assert image["url"].startswith("https://chronicle.example/")


def test_photo_whose_rights_have_expired_is_left_out(client, desk):
    photo = desk["main"].lead_photo
    photo.rights_expire_on = timezone.localdate() - timedelta(days=1)
    photo.save()
    _, feed = fetch(client, "/feeds/rss/")
    assert "media_content" not in entry_for(feed, desk["main"])


def test_story_without_photo_or_standfirst_still_makes_a_valid_entry(client, db):
    story = StoryFactory(standfirst="", lead_photo=None)
    for url in ("/feeds/rss/", "/feeds/atom/"):
        _, feed = fetch(client, url)
        assert feed.bozo == 0
        entry = entry_for(feed, story)
        assert "media_content" not in entry


def test_feed_image_is_a_rendition_never_the_private_original(db):
    story = StoryFactory(lead_photo=PhotoFactory())
    url = lead_image_url(story)
    assert url.startswith(SITE + "/photos/r/")
    assert story.lead_photo.image.url not in url
    assert lead_image_url(StoryFactory(lead_photo=PhotoFactory(renditions=False))) is None


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/feeds/rss/", 4),
        ("/feeds/atom/", 4),
        ("/feeds/sections/city/atom/", 5),
        ("/feeds/tags/harbour/rss/", 5),
        ("/feeds/authors/mara-lind/atom/", 5),
    ],
)
def test_query_count_does_not_grow_with_stories_bylines_tags_or_corrections(
    client, desk, django_assert_num_queries, url, queries
):
    with django_assert_num_queries(queries):
        fetch(client, url)
    extra_author = AuthorFactory()
    for _ in range(3):
        story = StoryFactory(section=desk["city"], bylines=[desk["mara"], extra_author], lead_photo=PhotoFactory())
        story.tags.set(["One", "Two", "Harbour"])
        Correction.objects.create(story=story, text="A fix.")
    with django_assert_num_queries(queries):
        _, feed = fetch(client, url)
    assert len(feed.entries) >= 4


def test_pages_announce_their_feeds(client, desk):
    home = client.get("/").content.decode()
    assert 'type="application/rss+xml"' in home and 'href="/feeds/rss/"' in home
    assert 'type="application/atom+xml"' in home and 'href="/feeds/atom/"' in home
    assert 'href="/feeds/sections/city/rss/"' in client.get("/city/").content.decode()
    assert 'href="/feeds/tags/harbour/rss/"' in client.get("/tags/harbour/").content.decode()
    assert 'href="/feeds/authors/mara-lind/rss/"' in client.get("/authors/mara-lind/").content.decode()
