"""Metadata for search engines and social sites: canonical links, Open Graph, Twitter cards, JSON-LD."""

import json
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template

from articles.models import Correction, CorrectionKind, Photo
from articles.reader import seo
from tests.factories import AuthorFactory, PhotoFactory, SectionFactory, StoryFactory

SITE = "https://news.example.org"


@pytest.fixture(autouse=True)
def _render_every_request(settings):
    """These tests are about what pages render and what that costs, not the page cache (test_cache.py)."""
    settings.NEWSROOM_PAGE_CACHE = False


def is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme == "https" and parts.netloc == "news.example.org"


def page_of(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def json_ld(page: BeautifulSoup) -> dict[str, dict]:
    """Every JSON-LD block of the page by its @type; each must parse as JSON."""
    blocks = [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]
    by_type = {block["@type"]: block for block in blocks}
    assert len(by_type) == len(blocks)
    return by_type


def meta(page: BeautifulSoup, key: str) -> list[str]:
    found = page.find_all("meta", attrs={"property": key}) + page.find_all("meta", attrs={"name": key})
    return [tag["content"] for tag in found]


@pytest.fixture
def story(db):
    section = SectionFactory(name="Special Reports", slug="special-reports")
    authors = [
        AuthorFactory(name="Mara Lind", slug="mara-lind", role="Harbour correspondent"),
        AuthorFactory(name="Tomas Okafor", slug="tomas-okafor"),
    ]
    lead = PhotoFactory(
        image__width=1200, image__height=900, width=1200, height=900, alt_text="Three cranes against the dawn"
    )
    story = StoryFactory(
        headline="Harbour cranes return",
        standfirst="Three new cranes arrive after a two-year wait.",
        section=section,
        lead_photo=lead,
        bylines=authors,
        publish_at=datetime(2025, 7, 1, 11, 0, tzinfo=UTC),
        updated_at=datetime(2025, 7, 2, 9, 15, tzinfo=UTC),
    )
    story.tags.set(["Harbour", "Port jobs"])
    return story


def test_story_has_an_absolute_canonical_link(client, story):
    page = page_of(client, story.get_absolute_url())
    assert page.find("link", rel="canonical")["href"] == f"{SITE}/special-reports/{story.pk}/harbour-cranes-return/"


def test_story_canonical_ignores_query_strings(client, story):
    page = page_of(client, story.get_absolute_url() + "?utm_source=feed")
    assert page.find("link", rel="canonical")["href"] == SITE + story.get_absolute_url()


def test_story_title_and_description(client, story):
    page = page_of(client, story.get_absolute_url())
    assert page.title.get_text() == "Harbour cranes return · The Port Halden Chronicle"
    assert meta(page, "description") == ["Three new cranes arrive after a two-year wait."]


def test_story_description_falls_back_to_the_opening_paragraph(client, db):
    story = StoryFactory(standfirst="", body="<p>The <em>first</em> words of the story.</p><p>More.</p>")
    page = page_of(client, story.get_absolute_url())
    assert meta(page, "description") == ["The first words of the story."]
    assert meta(page, "og:description") == ["The first words of the story."]


def test_story_open_graph_tags(client, story, settings):
    settings.TIME_ZONE = "Europe/London"
    page = page_of(client, story.get_absolute_url())
    assert meta(page, "og:type") == ["article"]
    assert meta(page, "og:title") == ["Harbour cranes return"]
    assert meta(page, "og:description") == ["Three new cranes arrive after a two-year wait."]
    assert meta(page, "og:url") == [SITE + story.get_absolute_url()]
    assert meta(page, "og:site_name") == ["The Port Halden Chronicle"]
    assert meta(page, "og:locale") == ["en_GB"]
    assert meta(page, "article:published_time") == ["2025-07-01T12:00:00+01:00"]
    assert meta(page, "article:modified_time") == ["2025-07-02T10:15:00+01:00"]
    assert meta(page, "article:section") == ["Special Reports"]
    assert sorted(meta(page, "article:tag")) == ["Harbour", "Port jobs"]
    assert meta(page, "article:author") == [f"{SITE}/authors/mara-lind/", f"{SITE}/authors/tomas-okafor/"]


def test_story_social_image_is_an_absolute_sized_rendition(client, story):
    page = page_of(client, story.get_absolute_url())
    [image] = meta(page, "og:image")
    assert is_absolute(image)
    assert "/photos/r/" in image and story.lead_photo.image.name not in image  # a rendition, never the original
    assert meta(page, "og:image:width") == ["1200"]
    assert meta(page, "og:image:height") == ["675"]
    assert meta(page, "og:image:alt") == ["Three cranes against the dawn"]
    assert meta(page, "twitter:card") == ["summary_large_image"]
    assert meta(page, "twitter:image") == [image]
    assert meta(page, "twitter:title") == ["Harbour cranes return"]


def test_story_without_a_shown_photo_has_a_summary_card_and_no_image(client, story):
    Photo.objects.filter(pk=story.lead_photo_id).update(rights_expire_on=date(2020, 1, 1))
    page = page_of(client, story.get_absolute_url())
    assert meta(page, "og:image") == []
    assert meta(page, "twitter:card") == ["summary"]
    assert "image" not in json_ld(page)["NewsArticle"]


def test_story_news_article_json_ld(client, story, settings):
    settings.TIME_ZONE = "Europe/London"
    article = json_ld(page_of(client, story.get_absolute_url()))["NewsArticle"]
    url = SITE + story.get_absolute_url()
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Harbour cranes return"
    assert article["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert article["url"] == url
    assert article["datePublished"] == "2025-07-01T12:00:00+01:00"
    assert article["dateModified"] == "2025-07-02T10:15:00+01:00"
    assert article["articleSection"] == "Special Reports"
    assert sorted(article["keywords"]) == ["Harbour", "Port jobs"]
    assert article["author"] == [
        {
            "@type": "Person",
            "name": "Mara Lind",
            "url": f"{SITE}/authors/mara-lind/",
            "jobTitle": "Harbour correspondent",
        },
        {
            "@type": "Person",
            "name": "Tomas Okafor",
            "url": f"{SITE}/authors/tomas-okafor/",
            "jobTitle": "Correspondent",
        },
    ]
    publisher = article["publisher"]
    assert publisher["name"] == "The Port Halden Chronicle"
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"] == f"{SITE}/static/img/logo.png"


def test_story_json_ld_images_come_in_three_ratios(client, story):
    images = json_ld(page_of(client, story.get_absolute_url()))["NewsArticle"]["image"]
    assert len(images) == 3
    assert all(is_absolute(image) for image in images)
    assert ["16x9" in images[0], "4x3" in images[1], "1x1" in images[2]] == [True, True, True]


def test_story_json_ld_lists_corrections(client, story):
    Correction.objects.create(
        story=story,
        kind=CorrectionKind.CORRECTION,
        text="An earlier version gave the wrong number of cranes.",
        published_at=datetime(2025, 7, 3, 8, tzinfo=UTC),
    )
    article = json_ld(page_of(client, story.get_absolute_url()))["NewsArticle"]
    [correction] = article["correction"]
    assert correction["@type"] == "CorrectionComment"
    assert correction["text"] == "An earlier version gave the wrong number of cranes."
    assert correction["datePublished"].startswith("2025-07-03T")


def test_story_breadcrumbs_json_ld(client, story):
    crumbs = json_ld(page_of(client, story.get_absolute_url()))["BreadcrumbList"]
    items = crumbs["itemListElement"]
    assert [(i["position"], i["name"], i["item"]) for i in items] == [
        (1, "Home", f"{SITE}/"),
        (2, "Special Reports", f"{SITE}/special-reports/"),
        (3, "Harbour cranes return", SITE + story.get_absolute_url()),
    ]


def test_json_ld_cannot_be_broken_out_of(client, db):
    hostile = "</script><script>alert(1)</script> & <!-- friends"
    story = StoryFactory(headline=hostile, standfirst=hostile)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "<!--" not in html
    page = BeautifulSoup(html, "html.parser")
    assert json_ld(page)["NewsArticle"]["headline"] == hostile


def test_jsonld_filter_escapes_like_json_script():
    rendered = Template("{% load newsroom %}{{ data|jsonld }}").render(Context({"data": {"a": "<b>&</b>"}}))
    assert rendered == '<script type="application/ld+json">{"a":"\\u003Cb\\u003E\\u0026\\u003C/b\\u003E"}</script>'


def test_author_page_has_profile_json_ld_and_social_image(client, db):
    author = AuthorFactory(name="Mara Lind", slug="mara-lind", bio="Covers the port.", photo=PhotoFactory())
    StoryFactory(bylines=[author])
    page = page_of(client, author.get_absolute_url())
    person = json_ld(page)["ProfilePage"]["mainEntity"]
    assert person["name"] == "Mara Lind"
    assert person["url"] == f"{SITE}/authors/mara-lind/"
    assert person["description"] == "Covers the port."
    assert is_absolute(person["image"]) and "1x1" in person["image"]
    assert meta(page, "og:image") == [person["image"]]
    assert meta(page, "og:type") == ["website"]


def test_home_has_website_json_ld_with_the_publisher(client, db):
    StoryFactory()
    site = json_ld(page_of(client, "/"))["WebSite"]
    assert site["url"] == f"{SITE}/"
    assert site["publisher"]["logo"]["url"] == f"{SITE}/static/img/logo.png"


def test_section_page_has_breadcrumbs(client, db):
    SectionFactory(name="City", slug="city")
    crumbs = json_ld(page_of(client, "/city/"))["BreadcrumbList"]
    assert [i["item"] for i in crumbs["itemListElement"]] == [f"{SITE}/", f"{SITE}/city/"]


def test_social_images_are_renditions_never_the_private_original(db):
    photo = PhotoFactory()
    image = seo.photo_image(photo, ratio="16:9")
    assert image.url.startswith(SITE + "/photos/r/")
    assert photo.image.url not in image.url
    assert seo.photo_image(PhotoFactory(renditions=False)) is None


def test_share_links_encode_the_story_url_and_headline(db):
    story = StoryFactory(headline="Rates rise & fall: what it means?")
    links = dict(seo.share_links(story))
    url = SITE + story.get_absolute_url()
    encoded = url.replace(":", "%3A").replace("/", "%2F")
    assert links["LinkedIn"] == f"https://www.linkedin.com/sharing/share-offsite/?url={encoded}"
    assert "text=Rates%20rise%20%26%20fall%3A%20what%20it%20means%3F" in links["X"]
    assert links["Bluesky"].startswith("https://bsky.app/intent/compose?text=Rates%20rise")
