"""Sitemaps and robots.txt: valid against the published schemas, absolute, split, and live stories only."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from lxml import etree

from articles.models import Story, StoryStatus
from articles.reader.feeds import lead_image_url
from articles.reader.sitemaps import TagSitemap
from tests.factories import AuthorFactory, PhotoFactory, SectionFactory, StoryFactory

SITE = "https://news.example.org"


@pytest.fixture(autouse=True)
def _render_every_request(settings):
    # These tests are about the sitemaps themselves and the queries they cost, not the page cache in front.
    settings.NEWSROOM_PAGE_CACHE = False


SCHEMAS = Path(__file__).resolve().parent.parent / "fixtures" / "schemas"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


INDEX_SCHEMA = schema("siteindex.xsd")
URLSET_SCHEMA = schema("sitemap-with-extensions.xsd")


def get_xml(client, url, **extra):
    parts = urlsplit(url)
    response = client.get(parts.path + (f"?{parts.query}" if parts.query else ""), **extra)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def valid_index(client, **extra):
    tree = get_xml(client, "/sitemap.xml", **extra)
    INDEX_SCHEMA.assertValid(tree)
    return tree


def valid_urlset(client, url, **extra):
    tree = get_xml(client, url, **extra)
    URLSET_SCHEMA.assertValid(tree)
    return tree


def listed_sitemaps(client, **extra):
    return valid_index(client, **extra).xpath("sm:sitemap/sm:loc/text()", namespaces=NS)


def locs(tree):
    return tree.xpath("sm:url/sm:loc/text()", namespaces=NS)


def every_listed_url(client, **extra):
    """Crawl the index and every sitemap page it names, validating each one."""
    found = []
    for sitemap in listed_sitemaps(client, **extra):
        found += locs(valid_urlset(client, sitemap, **extra))
    return found


def story_url(story):
    return f"{SITE}{story.get_absolute_url()}"


def story_page(story, size=None):
    """The story sitemap page that lists a story: ids 1 to size on page 1, and so on.

    Stories' ids need not start at 1 (PostgreSQL does not roll sequences back between tests),
    so tests work the page out rather than assume it.
    """
    page = (story.pk - 1) // (size or django_settings.NEWSROOM_SITEMAP_PAGE_SIZE) + 1
    return f"{SITE}/sitemap-stories.xml" + ("" if page == 1 else f"?p={page}")


def story_pages(client, **extra):
    """Index entries of the story sitemap: {location: lastmod}."""
    tree = valid_index(client, **extra)
    return {
        entry.findtext("sm:loc", namespaces=NS): parse_datetime(entry.findtext("sm:lastmod", namespaces=NS))
        for entry in tree.xpath("sm:sitemap", namespaces=NS)
        if "/sitemap-stories.xml" in entry.findtext("sm:loc", namespaces=NS)
    }


def withdraw(story):
    Story.objects.filter(pk=story.pk).update(status=StoryStatus.WITHDRAWN)


def hidden_stories(**kwargs):
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
    return [StoryFactory(headline=f"Hidden {name} story", **state, **kwargs) for name, state in states.items()]


@pytest.fixture
def desk(db):
    now = timezone.now()
    city = SectionFactory(name="City", slug="city")
    mara = AuthorFactory(name="Mara Lind", slug="mara-lind")
    main = StoryFactory(
        headline="Harbour cranes return & “the city” cheers",
        section=city,
        bylines=[mara],
        lead_photo=PhotoFactory(),
        publish_at=now - timedelta(hours=5),
        updated_at=now - timedelta(hours=2),
    )
    main.tags.set(["Harbour"])
    old = StoryFactory(section=city, bylines=[mara], publish_at=now - timedelta(days=10))
    # A section, tag and author that only hidden stories use: none of them may be listed.
    secret_section = SectionFactory(name="Secret", slug="secret")
    ghost = AuthorFactory(name="Ghost Writer", slug="ghost-writer")
    hidden = hidden_stories(section=secret_section, bylines=[ghost], lead_photo=PhotoFactory())
    for story in hidden:
        story.tags.add("Unreleased")
    return {"main": main, "old": old, "hidden": hidden, "city": city, "mara": mara}


def test_index_names_every_sitemap_with_absolute_urls(client, desk):
    pages = sorted({story_page(desk["main"]), story_page(desk["old"])}, key=lambda url: (len(url), url))
    assert listed_sitemaps(client) == [
        f"{SITE}/sitemap-pages.xml",
        f"{SITE}/sitemap-news.xml",
        *pages,
        f"{SITE}/sitemap-sections.xml",
        f"{SITE}/sitemap-tags.xml",
        f"{SITE}/sitemap-authors.xml",
    ]


def test_index_lastmod_of_each_story_page_is_its_newest_change(client, db, settings):
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 2
    now = timezone.now()
    stories = [StoryFactory(publish_at=now - timedelta(days=10 - n)) for n in range(5)]
    stories[0].updated_at = now - timedelta(hours=1)
    stories[0].save()
    expected = {}
    for story in stories:
        page = story_page(story, 2)
        lastmod = story.modified_for_readers.replace(microsecond=0)
        expected[page] = max(expected.get(page, lastmod), lastmod)
    assert story_pages(client) == expected
    assert expected[story_page(stories[0], 2)] == stories[0].updated_at.replace(microsecond=0)


def test_every_sitemap_validates_and_lists_the_live_pages(client, desk):
    urls = every_listed_url(client)
    assert sorted(urls) == sorted(
        [
            f"{SITE}/",
            story_url(desk["main"]),  # in the news sitemap
            story_url(desk["main"]),  # and in the story sitemap
            story_url(desk["old"]),
            f"{SITE}/city/",
            f"{SITE}/tags/harbour/",
            f"{SITE}/authors/mara-lind/",
        ]
    )


def test_stories_readers_cannot_see_are_in_no_sitemap(client, desk):
    urls = every_listed_url(client)
    for story in desk["hidden"]:
        assert story_url(story) not in urls
    assert f"{SITE}/secret/" not in urls
    assert f"{SITE}/tags/unreleased/" not in urls
    assert f"{SITE}/authors/ghost-writer/" not in urls
    images = []
    for sitemap in listed_sitemaps(client):
        images += valid_urlset(client, sitemap).xpath("//image:loc/text()", namespaces=NS)
    assert lead_image_url(desk["main"]) in images
    for story in desk["hidden"]:
        assert lead_image_url(story) not in images


def test_story_entries_carry_lastmod_and_the_lead_photo(client, desk, settings):
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 1
    main = desk["main"]
    tree = valid_urlset(client, story_page(main, 1))
    [url] = tree.xpath(f"sm:url[sm:loc='{story_url(main)}']", namespaces=NS)
    lastmod = url.findtext("sm:lastmod", namespaces=NS)
    assert parse_datetime(lastmod) == main.updated_at.replace(microsecond=0)
    assert url.xpath("image:image/image:loc/text()", namespaces=NS) == [lead_image_url(main)]
    assert lead_image_url(main).startswith(f"{SITE}/")
    tree = valid_urlset(client, story_page(desk["old"], 1))
    [old] = tree.xpath(f"sm:url[sm:loc='{story_url(desk['old'])}']", namespaces=NS)
    assert parse_datetime(old.findtext("sm:lastmod", namespaces=NS)) == desk["old"].publish_at.replace(microsecond=0)
    assert not old.xpath("image:image", namespaces=NS)


def test_story_sitemap_pages_hold_blocks_of_page_size_ids(client, db, settings):
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 2
    stories = StoryFactory.create_batch(5)
    expected = {}
    for story in stories:
        expected.setdefault(story_page(story, 2), []).append(story_url(story))
    listed = [url for url in listed_sitemaps(client) if "/sitemap-stories.xml" in url]
    assert listed == list(expected)
    for url, urls in expected.items():
        assert locs(valid_urlset(client, url)) == urls  # in id order
    assert all(1 <= len(urls) <= 2 for urls in expected.values())
    last = (stories[-1].pk - 1) // 2 + 1
    for page in [str(last + 1), "0", "-1", "two", "1.5", "9" * 30]:
        assert client.get(f"/sitemap-stories.xml?p={page}").status_code == 404, page


def test_a_page_holding_no_live_story_is_left_out_and_not_found(client, db, settings):
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 1
    live = StoryFactory()
    hidden = hidden_stories()
    assert story_pages(client).keys() == {story_page(live, 1)}
    for story in hidden:
        assert client.get(story_page(story, 1).removeprefix(SITE)).status_code == 404


def test_withdrawing_a_story_changes_only_its_own_page(client, db, settings):
    # Pages by id, not by position: with offsets every later page would shift by one.
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = 2
    stories = StoryFactory.create_batch(6)
    before = {url: locs(valid_urlset(client, url)) for url in story_pages(client)}
    withdraw(stories[0])
    after = {url: locs(valid_urlset(client, url)) for url in story_pages(client)}
    changed = story_page(stories[0], 2)
    assert after.get(changed, []) == [url for url in before[changed] if url != story_url(stories[0])]
    assert {url: page for url, page in after.items() if url != changed} == {
        url: page for url, page in before.items() if url != changed
    }


@pytest.mark.parametrize("size", [0, 50_001])
def test_a_page_size_the_protocol_cannot_hold_is_refused(client, db, settings, size):
    settings.NEWSROOM_SITEMAP_PAGE_SIZE = size
    StoryFactory()
    with pytest.raises(ImproperlyConfigured, match="NEWSROOM_SITEMAP_PAGE_SIZE"):
        client.get("/sitemap.xml")


def test_text_and_urls_are_escaped(client, db):
    story = StoryFactory(headline="Rates <rise> & \"fall\" at O'Neill's")
    tree = valid_urlset(client, "/sitemap-news.xml")
    assert tree.xpath("//news:title/text()", namespaces=NS) == [story.headline]


def test_news_sitemap_holds_the_last_48_hours_with_publication_name_and_language(client, db, settings):
    settings.NEWSROOM_SITE_NAME = "The Bay Herald"
    settings.LANGUAGE_CODE = "en-gb"
    now = timezone.now()
    fresh = StoryFactory(headline="Ferry strike ends", publish_at=now - timedelta(hours=1))
    older = StoryFactory(publish_at=now - timedelta(hours=47))
    stale = StoryFactory(publish_at=now - timedelta(hours=49))
    hidden_stories()
    tree = valid_urlset(client, "/sitemap-news.xml")
    assert locs(tree) == [story_url(fresh), story_url(older)]
    [entry] = tree.xpath(f"sm:url[sm:loc='{story_url(fresh)}']/news:news", namespaces=NS)
    assert entry.findtext("news:publication/news:name", namespaces=NS) == "The Bay Herald"
    assert entry.findtext("news:publication/news:language", namespaces=NS) == "en"
    assert entry.findtext("news:title", namespaces=NS) == "Ferry strike ends"
    published = parse_datetime(entry.findtext("news:publication_date", namespaces=NS))
    assert published == fresh.publish_at.replace(microsecond=0)
    assert story_url(stale) not in locs(valid_urlset(client, "/sitemap-news.xml"))


@pytest.mark.parametrize(("language_code", "expected"), [("fr", "fr"), ("pt-br", "pt"), ("zh-tw", "zh-tw")])
def test_news_language_follows_the_site_language(client, db, settings, language_code, expected):
    settings.LANGUAGE_CODE = language_code
    StoryFactory()
    tree = valid_urlset(client, "/sitemap-news.xml")
    assert tree.xpath("//news:language/text()", namespaces=NS) == [expected]


def test_news_sitemap_holds_at_most_1000_newest_stories(client, db):
    section = SectionFactory()
    now = timezone.now()
    Story.objects.bulk_create(
        Story(
            headline=f"Story {n}",
            slug=f"story-{n}",
            section=section,
            status=StoryStatus.PUBLISHED,
            publish_at=now - timedelta(minutes=n + 1),
        )
        for n in range(1005)
    )
    assert [url for url in listed_sitemaps(client) if "sitemap-news" in url] == [f"{SITE}/sitemap-news.xml"]
    urls = locs(valid_urlset(client, "/sitemap-news.xml"))
    assert len(urls) == 1000
    newest = Story.objects.order_by("-publish_at")[:1000]
    assert urls == [story_url(story) for story in newest.select_related("section")]


def test_listing_pages_carry_the_newest_live_story_time(client, desk):
    newest = desk["main"].publish_at.replace(microsecond=0)
    for sitemap, url in [
        ("/sitemap-sections.xml", f"{SITE}/city/"),
        ("/sitemap-tags.xml", f"{SITE}/tags/harbour/"),
        ("/sitemap-authors.xml", f"{SITE}/authors/mara-lind/"),
        ("/sitemap-pages.xml", f"{SITE}/"),
    ]:
        tree = valid_urlset(client, sitemap)
        [lastmod] = tree.xpath(f"sm:url[sm:loc='{url}']/sm:lastmod/text()", namespaces=NS)
        assert parse_datetime(lastmod) == newest, sitemap


def test_listing_sitemaps_split_at_their_limit_counting_only_listed_objects(client, desk, monkeypatch):
    monkeypatch.setattr(TagSitemap, "limit", 1)
    desk["main"].tags.add("Ferries")  # Harbour and Ferries are listed; Unreleased is on hidden stories only
    listed = [url for url in listed_sitemaps(client) if "/sitemap-tags.xml" in url]
    assert listed == [f"{SITE}/sitemap-tags.xml", f"{SITE}/sitemap-tags.xml?p=2"]
    assert [locs(valid_urlset(client, url)) for url in listed] == [
        [f"{SITE}/tags/ferries/"],
        [f"{SITE}/tags/harbour/"],
    ]
    assert client.get("/sitemap-tags.xml?p=3").status_code == 404


def test_tag_with_a_non_latin_name_is_listed_percent_encoded(client, desk):
    desk["main"].tags.add("香港")
    assert sorted(locs(valid_urlset(client, "/sitemap-tags.xml"))) == [
        f"{SITE}/tags/%E9%A6%99%E6%B8%AF/",
        f"{SITE}/tags/harbour/",
    ]


def test_empty_sitemaps_are_left_out_of_the_index(client, db):
    story = StoryFactory(publish_at=timezone.now() - timedelta(days=3))
    listed = listed_sitemaps(client)
    assert f"{SITE}/sitemap-news.xml" not in listed
    assert f"{SITE}/sitemap-tags.xml" not in listed
    assert story_page(story) in listed


def test_urls_use_the_configured_site_url_not_the_request_host(client, desk, settings):
    settings.NEWSROOM_SITE_URL = "https://chronicle.example"
    sitemaps = listed_sitemaps(client, HTTP_HOST="localhost")
    assert all(url.startswith("https://chronicle.example/sitemap-") for url in sitemaps)
    for sitemap in sitemaps:
        tree = valid_urlset(client, sitemap, HTTP_HOST="localhost")
        for url in tree.xpath("//sm:loc/text() | //image:loc/text()", namespaces=NS):
            assert url.startswith("https://chronicle.example/"), url


def test_unknown_sitemap_is_a_404(client, db):
    assert client.get("/sitemap-everything.xml").status_code == 404


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/sitemap.xml", 9),
        ("/sitemap-pages.xml", 1),
        ("/sitemap-news.xml", 2),
        ("stories", 1),
        ("/sitemap-sections.xml", 2),
        ("/sitemap-tags.xml", 2),
        ("/sitemap-authors.xml", 2),
    ],
)
def test_query_count_does_not_grow_with_content(client, desk, django_assert_num_queries, url, queries):
    if url == "stories":
        url = story_page(desk["main"]).removeprefix(SITE)
    with django_assert_num_queries(queries):
        client.get(url)
    for n in range(4):
        author = AuthorFactory()
        story = StoryFactory(section=SectionFactory(), bylines=[author, desk["mara"]], lead_photo=PhotoFactory())
        story.tags.set([f"Topic {n}", "Harbour"])
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


def test_robots_txt_names_the_sitemap_index_and_keeps_crawlers_out_of_the_admin(client, settings, db):
    settings.NEWSROOM_SITE_URL = "https://chronicle.example"
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: https://chronicle.example/sitemap.xml" in lines


# The schemas must be able to say no, or passing them proves nothing.


def test_schema_rejects_a_time_without_time_zone():
    doc = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
        b"<loc>https://news.example.org/a/</loc><lastmod>2026-05-01T10:00:00</lastmod></url></urlset>"
    )
    assert not URLSET_SCHEMA.validate(etree.fromstring(doc))


def test_schema_rejects_news_without_publication_language():
    doc = (
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        b'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url>'
        b"<loc>https://news.example.org/a/</loc><news:news><news:publication><news:name>X</news:name>"
        b"</news:publication><news:publication_date>2026-05-01</news:publication_date>"
        b"<news:title>T</news:title></news:news></url></urlset>"
    )
    assert not URLSET_SCHEMA.validate(etree.fromstring(doc))


def test_schema_rejects_a_relative_location():
    doc = b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap-a.xml</loc></sitemap></sitemapindex>'
    assert not INDEX_SCHEMA.validate(etree.fromstring(doc))
