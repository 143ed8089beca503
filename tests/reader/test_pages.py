"""The reader pages: what each shows, how it pages, its HTML, and what it costs in queries."""

import itertools
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template.loader import get_template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from articles.models import Byline, StoryStatus
from articles.reader import listings
from tests.factories import AuthorFactory, PhotoFactory, SectionFactory, StoryFactory


@pytest.fixture(autouse=True)
def _render_every_request(settings):
    """These tests are about what pages render and what that costs, not the page cache (test_cache.py)."""
    settings.NEWSROOM_PAGE_CACHE = False


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def hours_ago(hours: float) -> datetime:
    return timezone.now() - timedelta(hours=hours)


@pytest.fixture
def newsroom(db):
    """Three sections with six live stories each (newest first by section), plus unpublished ones."""
    sections = [
        SectionFactory(name="City", slug="city", position=0),
        SectionFactory(name="Special Reports", slug="special-reports", position=1),
        SectionFactory(name="Sport", slug="sport", position=2),
    ]
    stories = {}
    hour = 1
    for index in range(6):
        for section in sections:
            stories[(section.slug, index)] = StoryFactory(
                headline=f"{section.name} story {index}",
                section=section,
                publish_at=hours_ago(hour),
                lead_photo=PhotoFactory() if index % 2 == 0 else None,
            )
            hour += 1
    StoryFactory(headline="A draft nobody may see", section=sections[0], status=StoryStatus.DRAFT, publish_at=None)
    StoryFactory(headline="A story for tomorrow", section=sections[0], publish_at=timezone.now() + timedelta(days=1))
    return {"sections": sections, "stories": stories}


# --- Home -------------------------------------------------------------------------------


def test_home_leads_with_the_newest_story_that_has_a_photo(client, newsroom):
    page = soup_of(client.get("/"))
    lead = page.select_one(".lead")
    # "City story 0" is the newest and has a photo; it leads, with a large picture that is not lazy.
    assert lead.select_one(".card-headline").get_text(strip=True) == "City story 0"
    assert lead.select_one(".card--lead img") is not None
    assert lead.select_one("img").get("loading") != "lazy"


def test_home_shows_top_stories_latest_and_a_block_per_section(client, newsroom):
    page = soup_of(client.get("/"))
    top = [h.get_text(strip=True) for h in page.select(".top-stories .card-headline")]
    assert top == ["Special Reports story 0", "Sport story 0", "City story 1", "Special Reports story 1"]
    latest = page.select(".latest li")
    assert len(latest) == 12
    assert "Sport story 1" in latest[0].get_text()
    blocks = page.select(".section-block")
    assert [block.select_one("h2").get_text(strip=True) for block in blocks] == ["City", "Special Reports", "Sport"]
    for block in blocks:
        headlines = [h.get_text(strip=True) for h in block.select(".card-headline")]
        assert 1 <= len(headlines) <= 4
    city = [h.get_text(strip=True) for h in blocks[0].select(".card-headline")]
    # The lead and the top stories are not repeated in the section blocks.
    assert city == ["City story 2", "City story 3", "City story 4", "City story 5"]


def test_home_hides_stories_that_are_not_live(client, newsroom):
    html = client.get("/").content.decode()
    assert "A draft nobody may see" not in html
    assert "A story for tomorrow" not in html


def test_home_query_count_does_not_grow_with_sections_stories_or_bylines(client, newsroom):
    before = queries_for(client, "/")
    for number in range(4):
        section = SectionFactory(name=f"Extra {number}", slug=f"extra-{number}", position=10 + number)
        StoryFactory.create_batch(
            5, section=section, lead_photo=PhotoFactory(), bylines=[AuthorFactory(), AuthorFactory()]
        )
    assert queries_for(client, "/") == before
    # Sections for the navigation; the newest stories and their bylines; the ranked section blocks and theirs.
    assert before == 5


def test_home_with_no_stories_says_so(client, db):
    page = soup_of(client.get("/"))
    assert "No stories have been published yet." in page.get_text()


# --- Lists --------------------------------------------------------------------------------


def test_section_page_lists_its_live_stories_newest_first(client, newsroom):
    page = soup_of(client.get("/special-reports/"))
    assert page.h1.get_text(strip=True) == "Special Reports"
    headlines = [h.get_text(strip=True) for h in page.select(".card-headline")]
    assert headlines == [f"Special Reports story {n}" for n in range(6)]
    assert page.title.get_text().startswith("Special Reports · ")


def test_tag_page_lists_tagged_live_stories(client, newsroom):
    tagged = newsroom["stories"][("sport", 1)]
    tagged.tags.add("Harbour")
    draft = StoryFactory(headline="Draft about the harbour", status=StoryStatus.DRAFT, publish_at=None)
    draft.tags.add("Harbour")
    page = soup_of(client.get(reverse("articles:tag", kwargs={"slug": "harbour"})))
    assert page.h1.get_text(strip=True) == "Harbour"
    assert [h.get_text(strip=True) for h in page.select(".card-headline")] == ["Sport story 1"]


def test_tag_only_on_unpublished_stories_is_not_found(client, db):
    draft = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    draft.tags.add("Secret merger")
    response = client.get(reverse("articles:tag", kwargs={"slug": "secret-merger"}))
    assert response.status_code == 404
    assert "Secret merger" not in response.content.decode()


def test_author_page_shows_photo_role_bio_and_their_stories(client, newsroom):
    author = AuthorFactory(
        name="Mara Lind",
        role="Harbour correspondent",
        bio="Mara has covered the port for ten years.",
        photo=PhotoFactory(alt_text="Mara Lind, smiling"),
    )
    mine = newsroom["stories"][("city", 3)]
    Byline.objects.create(story=mine, author=author, order=1)
    page = soup_of(client.get(author.get_absolute_url()))
    header = page.select_one(".author-header")
    assert header.h1.get_text(strip=True) == "Mara Lind"
    assert header.select_one(".role").get_text(strip=True) == "Harbour correspondent"
    assert "covered the port for ten years" in header.select_one(".bio").get_text()
    assert header.find("img", alt="Mara Lind, smiling") is not None
    assert [h.get_text(strip=True) for h in page.select(".card-headline")] == ["City story 3"]


def test_author_without_published_stories_still_has_a_page(client, db):
    author = AuthorFactory(name="New Starter")
    StoryFactory(status=StoryStatus.DRAFT, publish_at=None, bylines=[author])
    page = soup_of(client.get(author.get_absolute_url()))
    assert "New Starter has no published stories yet." in page.get_text()


@pytest.mark.parametrize("url", ["/city/", "/tags/busy/", "/authors/prolific/", "/archive/"])
def test_lists_are_paginated(client, db, settings, url):
    settings.NEWSROOM_STORIES_PER_PAGE = 2
    section = SectionFactory(slug="city", name="City")
    author = AuthorFactory(slug="prolific")
    for hours in range(5):
        StoryFactory(section=section, bylines=[author], publish_at=hours_ago(hours + 1)).tags.add("Busy")
    first = soup_of(client.get(url))
    assert len(first.select(".card")) == 2
    assert first.select_one('.pagination a[rel="next"]')["href"] == "?page=2"
    second = soup_of(client.get(url, {"page": 2}))
    assert second.select_one('.pagination a[rel="prev"]')["href"] == url
    assert second.select_one('link[rel="canonical"]')["href"].endswith(f"{url}?page=2")
    last = soup_of(client.get(url, {"page": 3}))
    assert len(last.select(".card")) == 1
    assert last.select_one('.pagination a[rel="next"]') is None


@pytest.mark.parametrize("url", ["/city/", "/tags/busy/", "/authors/prolific/", "/archive/"])
def test_a_list_that_fills_its_pages_exactly_offers_no_empty_older_page(client, db, settings, url):
    # Pages are not counted: one story more than a page is fetched to know if an older page exists.
    settings.NEWSROOM_STORIES_PER_PAGE = 2
    section = SectionFactory(slug="city", name="City")
    author = AuthorFactory(slug="prolific")
    for hours in range(4):
        StoryFactory(section=section, bylines=[author], publish_at=hours_ago(hours + 1)).tags.add("Busy")
    assert soup_of(client.get(url)).select_one('.pagination a[rel="next"]')["href"] == "?page=2"
    second = soup_of(client.get(url, {"page": 2}))
    assert len(second.select(".card")) == 2
    assert second.select_one('.pagination a[rel="next"]') is None
    assert second.select_one(".pagination span").get_text() == "Page 2"
    assert client.get(url, {"page": 3}).status_code == 404


@pytest.mark.parametrize("url", ["/city/", "/tags/busy/", "/authors/prolific/", "/archive/", "/archive/2024/"])
@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "\x00", "9" * 40, "", "last"])
def test_malformed_page_numbers_never_give_a_server_error(client, db, url, page):
    section = SectionFactory(slug="city")
    author = AuthorFactory(slug="prolific")
    StoryFactory(section=section, bylines=[author], publish_at=datetime(2024, 5, 1, 12, tzinfo=UTC)).tags.add("Busy")
    response = client.get(url, {"page": page})
    assert response.status_code in (200, 404)
    if response.status_code == 404:
        assert "We can’t find that page" in response.content.decode()


# Pinned counts, with the page cache off. Every page: the navigation's sections (where a section page
# finds its own), the page's own lookup where it has one, then the stories (one more than a page, so
# nothing is counted) and their bylines in one query each. The archive pages also list their months
# and neighbours.
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/city/", 3),
        ("/tags/busy/", 4),
        ("/authors/prolific/", 4),
        ("/archive/", 4),
        ("/archive/2024/", 7),
        ("/archive/2024/5/", 7),
    ],
)
def test_list_query_counts_are_pinned_and_do_not_grow_with_stories_or_bylines(client, db, url, expected):
    section = SectionFactory(slug="city")
    author = AuthorFactory(slug="prolific")
    photo = PhotoFactory()

    def add(count):
        for _ in range(count):
            story = StoryFactory(
                section=section,
                bylines=[author, AuthorFactory(), AuthorFactory()],
                lead_photo=photo,
                publish_at=datetime(2024, 5, 1, 12, tzinfo=UTC),
            )
            story.tags.add("Busy")

    add(1)
    assert queries_for(client, url) == expected
    add(9)
    assert queries_for(client, url) == expected


# --- Archive ------------------------------------------------------------------------------


@pytest.fixture
def dated(db):
    march = StoryFactory(headline="March story", publish_at=datetime(2024, 3, 10, 9, tzinfo=UTC))
    may = StoryFactory(headline="May story", publish_at=datetime(2024, 5, 2, 9, tzinfo=UTC))
    new_year = StoryFactory(headline="New year story", publish_at=datetime(2025, 1, 3, 9, tzinfo=UTC))
    StoryFactory(headline="Withdrawn story", status=StoryStatus.WITHDRAWN, publish_at=datetime(2024, 5, 3, tzinfo=UTC))
    return march, may, new_year


def test_archive_index_links_every_month_with_live_stories(client, dated):
    page = soup_of(client.get("/archive/"))
    months = [a["href"] for a in page.select(".archive-months a")]
    assert months == ["/archive/2025/1/", "/archive/2024/5/", "/archive/2024/3/"]
    assert [a.get_text() for a in page.select(".archive-year")] == ["2025", "2024"]
    assert "Withdrawn story" not in page.get_text()


def test_archive_year_lists_its_stories_and_months(client, dated):
    page = soup_of(client.get("/archive/2024/"))
    assert page.h1.get_text(strip=True) == "2024"
    assert [h.get_text(strip=True) for h in page.select(".card-headline")] == ["May story", "March story"]
    assert [a.get_text() for a in page.select(".archive-months a")] == ["March", "May"]
    assert page.select_one('a[rel="next"]')["href"] == "/archive/2025/"


def test_archive_month_lists_its_stories_with_neighbouring_months(client, dated):
    page = soup_of(client.get("/archive/2024/5/"))
    assert page.h1.get_text(strip=True) == "May 2024"
    assert [h.get_text(strip=True) for h in page.select(".card-headline")] == ["May story"]
    assert page.select_one('a[rel="prev"]')["href"] == "/archive/2024/3/"
    assert page.select_one('a[rel="next"]')["href"] == "/archive/2025/1/"


def test_archive_months_follow_the_desk_time_zone(client, db, settings):
    settings.TIME_ZONE = "Europe/London"
    # 23:30 UTC on 31 May is 00:30 on 1 June in London (BST).
    StoryFactory(headline="Just after midnight", publish_at=datetime(2024, 5, 31, 23, 30, tzinfo=UTC))
    june = soup_of(client.get("/archive/2024/6/"))
    assert "Just after midnight" in june.get_text()
    assert client.get("/archive/2024/5/").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/archive/2023/",
        "/archive/2024/4/",
        "/archive/2024/13/",
        "/archive/9999/",
        "/archive/9999/12/",
        "/archive/0/",
        "/archive/2024/0/",
    ],
)
def test_archive_without_stories_or_with_impossible_dates_is_not_found(client, dated, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()


def test_archive_hides_scheduled_stories(client, db):
    soon = timezone.now() + timedelta(days=40)
    StoryFactory(headline="Scheduled story", publish_at=soon)
    assert client.get(f"/archive/{soon.year}/{soon.month}/").status_code == 404
    assert "Scheduled story" not in client.get("/archive/").content.decode()


# --- Story page ---------------------------------------------------------------------------


@pytest.fixture
def story(db):
    section = SectionFactory(name="Special Reports", slug="special-reports")
    authors = [AuthorFactory(name="Mara Lind", slug="mara-lind"), AuthorFactory(name="Tomas Okafor")]
    story = StoryFactory(
        headline="Harbour cranes return",
        standfirst="Three new cranes arrive after a two-year wait.",
        section=section,
        credit_line="Additional reporting by Coastline Wire",
        lead_photo=PhotoFactory(caption="The harbour at dawn", credit="Ana Ruiz/Coastline Wire"),
        bylines=authors,
        # Microseconds, as a real clock gives them: HTML's datetime allows at most three fraction digits.
        publish_at=datetime(2025, 7, 1, 11, 0, 0, 123456, tzinfo=UTC),
        updated_at=datetime(2025, 7, 1, 15, 30, 0, 654321, tzinfo=UTC),
    )
    story.tags.set(["Harbour", "Port jobs"])
    return story


def test_story_times_are_shown_in_the_desk_time_zone(client, story, settings):
    settings.TIME_ZONE = "Europe/London"
    page = soup_of(client.get(story.get_absolute_url()))
    published, updated = page.select(".times time")
    assert published["datetime"] == "2025-07-01T12:00:00+01:00"
    assert published.get_text() == "1 July 2025, 12:00 BST"
    assert updated["datetime"] == "2025-07-01T16:30:00+01:00"
    assert updated.get_text() == "1 July 2025, 16:30 BST"

    settings.TIME_ZONE = "America/New_York"
    page = soup_of(client.get(story.get_absolute_url()))
    published = page.select_one(".times time")
    assert published["datetime"] == "2025-07-01T07:00:00-04:00"
    assert published.get_text() == "1 July 2025, 07:00 EDT"


def test_story_bylines_link_to_author_pages_in_order(client, story):
    page = soup_of(client.get(story.get_absolute_url()))
    links = page.select(".byline a")
    assert [a.get_text() for a in links] == ["Mara Lind", "Tomas Okafor"]
    assert links[0]["href"] == "/authors/mara-lind/"
    assert page.select_one(".credit-line").get_text() == "Additional reporting by Coastline Wire"


def test_story_has_share_links_with_its_absolute_url_and_no_scripts(client, story):
    page = soup_of(client.get(story.get_absolute_url()))
    links = {a.find(string=True, recursive=False).strip(): a["href"] for a in page.select(".share a")}
    assert set(links) == {"Email", "Mastodon", "Bluesky", "Facebook", "LinkedIn", "X"}
    encoded = "https%3A%2F%2Fnews.example.org%2Fspecial-reports%2F"
    for network, href in links.items():
        assert encoded in href, network
    assert links["Email"].startswith("mailto:?subject=Harbour%20cranes%20return")
    assert links["Facebook"].startswith("https://www.facebook.com/sharer/sharer.php?u=")
    assert links["Mastodon"].startswith("https://mastodon.example/share?text=")
    assert page.find("script", src=True) is None
    assert all(s.get("type") == "application/ld+json" for s in page.find_all("script"))


def test_story_shows_follow_us_links(client, story, settings):
    settings.NEWSROOM_SOCIAL_LINKS = [
        ("Mastodon", "https://mastodon.example/@desk"),
        ("Bluesky", "https://bsky.example/d"),
    ]
    page = soup_of(client.get(story.get_absolute_url()))
    follow = page.select_one(".story-footer .follow-us")
    assert [(a.get_text(), a["href"]) for a in follow.select("a")] == settings.NEWSROOM_SOCIAL_LINKS


def test_story_related_stories_put_editor_picks_first(client, story):
    picked = StoryFactory(headline="Editor's pick", publish_at=hours_ago(100))
    shares_tag = StoryFactory(headline="Same topic", publish_at=story.publish_at + timedelta(days=2))
    shares_tag.tags.add("Harbour")
    years_later = StoryFactory(headline="Same tag, years later", publish_at=story.publish_at + timedelta(days=700))
    years_later.tags.add("Harbour")
    story.related.add(picked)
    page = soup_of(client.get(story.get_absolute_url()))
    # Tag matches come from around the story's own time; editor picks from any time.
    assert [a.get_text() for a in page.select(".related li a")] == ["Editor's pick", "Same topic"]


# --- Errors -------------------------------------------------------------------------------


def test_the_sites_own_404_page_offers_a_way_on(client, db):
    SectionFactory(name="City", slug="city")
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.h1.get_text() == "We can’t find that page"
    assert page.find("a", href="/city/") is not None
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None
    assert page.find("link", rel="canonical") is None


def test_500_page_renders_standalone_without_the_database():
    # No db fixture: pytest-django fails any query made here.
    html = get_template("500.html").render()
    page = BeautifulSoup(html, "html.parser")
    assert page.h1.get_text() == "Something went wrong on our side"
    assert page.find("link", rel="stylesheet")["href"] == "/static/css/site.css"
    assert page.html["lang"] == "en-GB"


def test_server_error_uses_the_sites_500_page(client, db, settings, monkeypatch):

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(listings.HomeView, "get_context_data", explode)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


# --- HTML quality -------------------------------------------------------------------------


def page_urls(newsroom_data) -> list[str]:
    story = newsroom_data["stories"][("city", 0)]
    story.tags.add("Harbour")
    author = story.bylines.first().author
    year, month = timezone.localtime(story.publish_at).year, timezone.localtime(story.publish_at).month
    return [
        "/",
        "/city/",
        story.get_absolute_url(),
        "/tags/harbour/",
        author.get_absolute_url(),
        "/archive/",
        f"/archive/{year}/",
        f"/archive/{year}/{month}/",
    ]


def test_pages_have_landmarks_skip_link_and_language(client, newsroom):
    for url in page_urls(newsroom):
        page = soup_of(client.get(url))
        assert page.html["lang"] == "en-GB", url
        skip = page.body.find("a")
        assert skip["href"] == "#main" and "skip-link" in skip["class"], url
        assert page.find("main", id="main") is not None, url
        assert page.body.find("header", recursive=False) is not None, url
        assert page.body.find("footer", recursive=False) is not None, url
        assert page.find("nav", attrs={"aria-label": "Sections"}) is not None, url
        assert len(page.find_all("h1")) == 1, url


def test_pages_have_unique_ids_alt_text_sized_images_and_no_skipped_heading_levels(client, newsroom):
    for url in page_urls(newsroom):
        page = soup_of(client.get(url))
        for time in page.find_all("time"):
            assert datetime.fromisoformat(time["datetime"]).microsecond == 0, (url, time)
        ids = Counter(tag["id"] for tag in page.find_all(id=True))
        assert [i for i, n in ids.items() if n > 1] == [], url
        for img in page.find_all("img"):
            assert img.has_attr("alt"), (url, img)
            assert img.get("width") and img.get("height"), (url, img)
        levels = [int(h.name[1]) for h in page.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]
        assert levels[0] == 1, url
        for previous, current in itertools.pairwise(levels):
            assert current <= previous + 1, (url, levels)


def test_pages_link_one_stylesheet_and_no_blocking_script(client, newsroom):
    for url in page_urls(newsroom):
        page = soup_of(client.get(url))
        assert len(page.find_all("link", rel="stylesheet")) == 1, url
        assert page.find("style") is None, url
        assert page.find("script", src=True) is None, url
        assert page.find(style=True) is None, url


def test_list_pages_carry_metadata(client, newsroom):
    for url in page_urls(newsroom):
        page = soup_of(client.get(url))
        canonical = page.find("link", rel="canonical")["href"]
        assert canonical == f"https://news.example.org{url}", url
        assert page.find("meta", attrs={"name": "description"})["content"].strip(), url
        assert page.find("meta", property="og:url")["content"] == canonical, url
