"""The read API: only live stories exist, lists page by cursor, answers carry cache headers and keys."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.http import http_date

from articles.models import Correction, StoryStatus
from tests.factories import AuthorFactory, PhotoFactory, PlacementFactory, SectionFactory, StoryFactory

pytestmark = pytest.mark.django_db
NOW = timezone.now


def hidden_stories(section=None):
    """One story in each state readers must not see."""
    section = section or SectionFactory()
    return [
        StoryFactory(section=section, status=StoryStatus.DRAFT, publish_at=None),
        StoryFactory(section=section, status=StoryStatus.SUBMITTED, publish_at=None),
        StoryFactory(section=section, publish_at=NOW() + timedelta(hours=2)),  # scheduled
        StoryFactory(section=section, embargo_until=NOW() + timedelta(hours=2)),  # embargoed
        StoryFactory(section=section, status=StoryStatus.WITHDRAWN),
    ]


def test_only_live_stories_exist(client):
    section = SectionFactory(slug="harbour")
    live = StoryFactory(section=section)
    hidden = hidden_stories(section)
    listed = client.get("/api/v1/stories").json()["items"]
    assert [item["id"] for item in listed] == [live.pk]
    by_section = client.get("/api/v1/stories?section=harbour").json()["items"]
    assert [item["id"] for item in by_section] == [live.pk]
    assert client.get(f"/api/v1/stories/{live.pk}").status_code == 200
    for story in hidden:
        for url in (f"/api/v1/stories/{story.pk}", f"/api/v1/stories/{story.pk}.ninjs"):
            response = client.get(url)
            assert response.status_code == 404, (story.state(), url)
            assert response["Content-Type"] == "application/problem+json"
            assert response.json()["status"] == 404


def test_story_carries_everything_a_reader_sees(client):
    author = AuthorFactory(name="Ana Ruiz", slug="ana-ruiz", kind="contributor", affiliation="Coastline Wire")
    story = StoryFactory(
        headline="Ferry returns",
        body="<p>One &amp; two.</p><h2>Why</h2><ul><li>first</li><li><em>second</em></li></ul>"
        "<blockquote><p>Said so.</p></blockquote>",
        dateline="PORT HALDEN",
        bylines=[author],
        originally_published_at=NOW() - timedelta(days=2),
        updated_at=NOW(),
    )
    story.tags.add("Ferries")
    PlacementFactory(story=story, paragraph=1, caption="The ferry at dawn")
    Correction.objects.create(story=story, text="The ferry is blue.", published_at=NOW() - timedelta(minutes=1))
    data = client.get(f"/api/v1/stories/{story.pk}").json()
    assert data["headline"] == "Ferry returns"
    assert data["dateline"] == "PORT HALDEN"
    assert data["url"] == f"https://news.example.org{story.get_absolute_url()}"
    assert data["bylines"][0] | {"url": ""} == {
        "id": author.pk,
        "name": "Ana Ruiz",
        "slug": "ana-ruiz",
        "url": "",
        "kind": "contributor",
        "affiliation": "Coastline Wire",
        "role": "Correspondent",
    }
    assert [tag["name"] for tag in data["tags"]] == ["Ferries"]
    assert data["first_published_at"].startswith(story.originally_published_at.isoformat()[:16])
    assert data["updated_at"] is not None
    assert [b["type"] for b in data["blocks"]] == ["paragraph", "photo", "subheading", "list", "quote"]
    assert data["blocks"][0]["text"] == "One & two."
    assert data["blocks"][1]["photo"]["caption"] == "The ferry at dawn"
    assert data["blocks"][1]["photo"]["credit"] == "Ana Ruiz/Coastline Wire"
    assert data["blocks"][3]["items"] == ["first", "<em>second</em>"]
    assert data["corrections"][0]["text"] == "The ferry is blue."
    assert len(data["photos"]) == 1
    urls = [r["url"] for r in data["photos"][0]["renditions"]]
    assert urls and all("/admin/originals/" not in url and "originals/" not in url for url in urls)


def test_a_photo_whose_rights_ended_is_not_shown(client):
    photo = PhotoFactory(rights_expire_on=timezone.localdate() - timedelta(days=1))
    story = StoryFactory(lead_photo=photo)
    data = client.get(f"/api/v1/stories/{story.pk}").json()
    assert data["lead_photo"] is None and data["photos"] == []
    assert client.get(f"/api/v1/photos/{photo.pk}").status_code == 404
    assert client.get("/api/v1/photos").json()["items"] == []


def test_photos_lists_only_pictures_of_live_stories(client):
    shown = PhotoFactory()
    StoryFactory(lead_photo=shown)
    unused = PhotoFactory()
    StoryFactory(lead_photo=PhotoFactory(), status=StoryStatus.DRAFT, publish_at=None)
    ids = [item["id"] for item in client.get("/api/v1/photos").json()["items"]]
    assert ids == [shown.pk]
    assert client.get(f"/api/v1/photos/{unused.pk}").status_code == 404


def test_cursor_pages_are_stable_while_stories_are_published(client):
    stories = [StoryFactory(publish_at=NOW() - timedelta(hours=n)) for n in range(1, 6)]
    first = client.get("/api/v1/stories?limit=2").json()
    assert [i["id"] for i in first["items"]] == [stories[0].pk, stories[1].pk]
    StoryFactory(publish_at=NOW() - timedelta(minutes=1))  # a new story on top
    second = client.get(f"/api/v1/stories?limit=2&cursor={first['next_cursor']}").json()
    assert [i["id"] for i in second["items"]] == [stories[2].pk, stories[3].pk]
    third = client.get(f"/api/v1/stories?limit=2&cursor={second['next_cursor']}").json()
    assert [i["id"] for i in third["items"]] == [stories[4].pk]
    assert third["next_cursor"] is None


@pytest.mark.parametrize("cursor", ["garbage", "WzEsMl0:forged:sig", "%00"])
def test_a_bad_cursor_is_a_400_with_a_message(client, cursor):
    StoryFactory()
    response = client.get("/api/v1/stories", {"cursor": cursor})
    assert response.status_code == 400
    assert "cursor" in response.json()["detail"]


def test_page_size_has_a_maximum_and_types_are_checked(client, settings):
    settings.NEWSROOM_API_MAX_PAGE_SIZE = 5
    assert client.get("/api/v1/stories?limit=6").status_code == 400
    assert client.get("/api/v1/stories?limit=5").status_code == 200
    wrong = client.get("/api/v1/stories?limit=many")
    assert wrong.status_code == 422 and "limit" in wrong.json()["detail"]
    assert client.get("/api/v1/stories?updated_since=yesterday").status_code == 422


def test_filters_by_tag_author_and_update_time(client):
    author = AuthorFactory(slug="ana")
    tagged = StoryFactory(publish_at=NOW() - timedelta(days=3))
    tagged.tags.add("Harbour")
    by_ana = StoryFactory(bylines=[author], publish_at=NOW() - timedelta(days=3))
    updated = StoryFactory(publish_at=NOW() - timedelta(days=3), updated_at=NOW() - timedelta(minutes=5))
    recent = StoryFactory(publish_at=NOW() - timedelta(minutes=10))

    def ids(query):
        return {item["id"] for item in client.get("/api/v1/stories", query).json()["items"]}

    assert ids({"tag": "harbour"}) == {tagged.pk}
    assert ids({"author": "ana"}) == {by_ana.pk}
    assert ids({"updated_since": (NOW() - timedelta(hours=1)).isoformat()}) == {updated.pk, recent.pk}


def test_conditional_requests_answer_304(client):
    story = StoryFactory()
    first = client.get(f"/api/v1/stories/{story.pk}")
    assert first["ETag"] and first["Last-Modified"] == http_date(story.publish_at.timestamp())
    again = client.get(f"/api/v1/stories/{story.pk}", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    listing = client.get("/api/v1/stories")
    assert client.get("/api/v1/stories", HTTP_IF_NONE_MATCH=listing["ETag"]).status_code == 304


def test_cache_control_and_surrogate_keys(client, settings):
    author = AuthorFactory()
    story = StoryFactory(bylines=[author])
    story.tags.add("Ferries")
    tag_id = story.tagged_items.get().tag_id
    response = client.get(f"/api/v1/stories/{story.pk}")
    assert response["Cache-Control"] == settings.NEWSROOM_PAGE_CACHE_CONTROL
    keys = set(response["xkey"].split())
    assert keys == {f"story-{story.pk}", f"section-{story.section_id}", f"tag-{tag_id}", f"author-{author.pk}", "api"}
    assert response["Surrogate-Key"] == response["xkey"]
    listing = client.get(f"/api/v1/stories?section={story.section.slug}")
    assert {f"story-{story.pk}", f"section-{story.section_id}", "api"} <= set(listing["xkey"].split())


def test_sections_authors_tags_and_corrections(client):
    author = AuthorFactory(name="Ana")
    AuthorFactory(name="Nobody published")
    story = StoryFactory(bylines=[author])
    story.tags.add("Harbour")
    hidden = StoryFactory(status=StoryStatus.WITHDRAWN)
    hidden.tags.add("Secret")
    Correction.objects.create(story=story, text="Fixed.", published_at=NOW() - timedelta(minutes=1))
    Correction.objects.create(story=hidden, text="Hidden.", published_at=NOW() - timedelta(minutes=1))
    assert story.section.slug in [s["slug"] for s in client.get("/api/v1/sections").json()]
    assert [a["name"] for a in client.get("/api/v1/authors").json()] == ["Ana"]
    assert [t["name"] for t in client.get("/api/v1/tags").json()] == ["Harbour"]
    assert [c["text"] for c in client.get("/api/v1/corrections").json()["items"]] == ["Fixed."]


def test_cors_for_reads_only(client, api_client_for, editor):
    StoryFactory()
    read = client.get("/api/v1/stories", HTTP_ORIGIN="https://partner.example")
    assert read["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in read
    preflight = client.options(
        "/api/v1/stories", HTTP_ORIGIN="https://partner.example", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight.status_code == 204 and "GET" in preflight["Access-Control-Allow-Methods"]
    write = api_client_for(editor).get("/api/v1/desk/stories/1", HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in write


def test_cors_with_a_configured_list(client, settings):
    settings.NEWSROOM_API_CORS_ORIGINS = ["https://partner.example"]
    assert client.get("/api/v1/sections", HTTP_ORIGIN="https://partner.example")["Access-Control-Allow-Origin"] == (
        "https://partner.example"
    )
    assert "Access-Control-Allow-Origin" not in client.get("/api/v1/sections", HTTP_ORIGIN="https://evil.example")


def test_query_counts_are_fixed(django_assert_num_queries):
    client = Client()
    for _ in range(3):
        story = StoryFactory(lead_photo=PhotoFactory(), bylines=[AuthorFactory(), AuthorFactory()])
        story.tags.add("One", "Two")
        PlacementFactory(story=story)
    # Stories, their bylines with authors, their tags.
    with django_assert_num_queries(3):
        assert client.get("/api/v1/stories").status_code == 200
    # The story with section and lead photo, bylines, placements, tags, corrections.
    with django_assert_num_queries(5):
        assert client.get(f"/api/v1/stories/{story.pk}").status_code == 200
    with django_assert_num_queries(5):
        assert client.get(f"/api/v1/stories/{story.pk}.ninjs").status_code == 200
