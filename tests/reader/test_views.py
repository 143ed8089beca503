import pytest
from django.urls import reverse

from articles.models import StoryStatus
from tests.factories import AuthorFactory, PhotoFactory, PlacementFactory, SectionFactory, StoryFactory


@pytest.fixture
def full_story(db):
    """A story with every part the story page shows."""
    section = SectionFactory(name="Special Reports", slug="special-reports")
    authors = [AuthorFactory(name="Mara Lind"), AuthorFactory(name="Tomas Okafor")]
    lead = PhotoFactory(caption="The harbour at dawn", credit="Ana Ruiz/Coastline Wire")
    story = StoryFactory(
        headline="Harbour cranes return & “the city” cheers",
        standfirst="Three new cranes arrive after a two-year wait.",
        body="<p>Para one.</p><h2>The long wait</h2><p>Para two.</p><h3>Costs</h3><p>Para three.</p>",
        section=section,
        credit_line="Additional reporting by Coastline Wire",
        lead_photo=lead,
        bylines=authors,
    )
    PlacementFactory(story=story, paragraph=1, photo=PhotoFactory(caption="Crane one", credit="Staff"))
    PlacementFactory(story=story, paragraph=3, caption="Override caption", photo=PhotoFactory(credit="Agency X"))
    story.tags.set(["Harbour", "Port jobs"])
    return story


def test_story_page_shows_every_part(client, full_story):
    response = client.get(full_story.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Harbour cranes return &amp; “the city” cheers" in html
    assert "Three new cranes arrive" in html
    assert "Mara Lind" in html and "Tomas Okafor" in html
    assert html.index("Mara Lind") < html.index("Tomas Okafor")
    assert "Additional reporting by Coastline Wire" in html
    assert "<h2>The long wait</h2>" in html and "<h3>Costs</h3>" in html
    assert html.count("<figure") == 3
    assert html.count("<figcaption>") == 3
    assert "Crane one" in html and "Override caption" in html and "Agency X" in html
    assert "The harbour at dawn" in html and "Ana Ruiz/Coastline Wire" in html
    body = html[html.index("<body") :]  # the head's JSON-LD names the captions too
    assert body.index("Para one.") < body.index("Crane one") < body.index("Para two.")
    assert "Special Reports" in html
    assert 'rel="tag">Harbour<' in html and "Port jobs" in html
    assert "Follow us" in html
    assert 'rel="canonical"' in html
    assert "<time datetime=" in html


def test_story_page_query_count_is_fixed(client, full_story, django_assert_max_num_queries):
    url = full_story.get_absolute_url()
    with django_assert_max_num_queries(8):
        assert client.get(url).status_code == 200


def test_story_page_queries_do_not_grow_with_photos_and_bylines(client, full_story, django_assert_num_queries):
    url = full_story.get_absolute_url()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for _ in range(3):
        PlacementFactory(story=full_story, paragraph=2)
    full_story.tags.add("Extra one", "Extra two")
    with django_assert_num_queries(len(before)):
        client.get(url)


def test_old_slug_and_section_redirect_permanently(client, full_story):
    new_section = SectionFactory(slug="city", name="City")
    old_url = full_story.get_absolute_url()
    full_story.slug = "a-new-slug"
    full_story.section = new_section
    full_story.save()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == f"/city/{full_story.pk}/a-new-slug/"
    shortlink = client.get(f"/stories/{full_story.pk}/")
    assert shortlink.status_code == 301
    assert shortlink["Location"] == full_story.get_absolute_url()


@pytest.mark.parametrize("status", [StoryStatus.DRAFT, StoryStatus.SUBMITTED, StoryStatus.WITHDRAWN])
def test_story_that_is_not_live_is_not_found(client, db, status):
    story = StoryFactory(status=status)
    response = client.get(story.get_absolute_url())
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()


def test_home_lists_live_stories_only(client, db):
    live = StoryFactory(headline="Live headline", lead_photo=PhotoFactory())
    draft = StoryFactory(headline="Draft headline", status=StoryStatus.DRAFT, publish_at=None)
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert live.headline in html
    assert draft.headline not in html
    assert "<img" in html


def test_section_tag_and_author_pages(client, full_story):
    section = client.get("/special-reports/")
    assert section.status_code == 200 and full_story.headline.split(" &")[0] in section.content.decode()
    tag = client.get(reverse("articles:tag", kwargs={"slug": "harbour"}))
    assert tag.status_code == 200 and "Harbour cranes return" in tag.content.decode()
    author = full_story.bylines.first().author
    page = client.get(author.get_absolute_url())
    assert page.status_code == 200
    assert author.name in page.content.decode() and "Harbour cranes return" in page.content.decode()


@pytest.mark.parametrize("url", ["/no-such-section/", "/tags/no-such-tag/", "/authors/nobody/", "/city/999999/x/"])
def test_unknown_things_give_the_sites_own_404(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "We can’t find that page" in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999", "1.5", "%00", "9" * 30])
def test_malformed_page_number_gives_404_never_500(client, db, page):
    section = SectionFactory(slug="city")
    StoryFactory.create_batch(3, section=section)
    response = client.get("/city/", {"page": page})
    assert response.status_code in (200, 404)


def test_pages_are_paginated(client, db, settings):
    settings.NEWSROOM_STORIES_PER_PAGE = 2
    section = SectionFactory(slug="city")
    StoryFactory.create_batch(5, section=section)
    page3 = client.get("/city/?page=3")
    assert page3.status_code == 200
    assert page3.context["page_obj"].number == 3
    assert len(page3.context["stories"]) == 1


def test_listing_query_count_does_not_grow_with_page_size(client, db, django_assert_num_queries, settings):
    section = SectionFactory(slug="city")
    StoryFactory.create_batch(2, section=section, lead_photo=PhotoFactory())
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get("/city/")
    StoryFactory.create_batch(8, section=section, lead_photo=PhotoFactory(), bylines=[AuthorFactory(), AuthorFactory()])
    with django_assert_num_queries(len(small)):
        client.get("/city/")


def test_photo_captions_are_escaped(client, db):
    photo = PhotoFactory(caption="<script>alert('x')</script>", alt_text='"><b>alt')
    story = StoryFactory(lead_photo=photo)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert '"><b>alt' not in html


def test_security_headers_are_sent(client, db):
    response = client.get("/")
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_tag_with_a_chinese_name_has_a_page_and_feed(client, db):
    story = StoryFactory(headline="Film week opens")
    story.tags.set(["港口"])
    tag_url = reverse("articles:tag", kwargs={"slug": "港口"})
    response = client.get(tag_url)
    assert response.status_code == 200
    assert "Film week opens" in response.content.decode()
    assert client.get(reverse("articles:tag_feed_rss", kwargs={"slug": "港口"})).status_code == 200
