"""The write API: tokens, drafts with optimistic locking, the workflow's role rules, photo uploads, limits."""

import io
import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from articles.models import ApiToken, Photo, Story, StoryStatus
from tests.api.conftest import TokenClient, token_for
from tests.factories import AuthorFactory, SectionFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db

DRAFT = {
    "headline": "Council votes on the ferry",
    "standfirst": "A close vote.",
    "body": "<p>The council met.</p><script>alert(1)</script>",
    "section": "city",
    "tags": ["Council", "Ferries"],
    "bylines": ["remi-reporter"],
    "dateline": "PORT HALDEN",
    "credit": "Coastline Wire",
    "desk_note": "Check the figures.",
}


@pytest.fixture
def city(db):
    return SectionFactory(slug="city", name="City")


@pytest.fixture
def remi_author(reporter):
    return AuthorFactory(slug="remi-reporter", name="Remi Reporter", user=reporter)


def post_json(client, url, data=None, **headers):
    return client.post(url, json.dumps(data) if data is not None else "", content_type="application/json", **headers)


def create_draft(client) -> dict:
    response = post_json(client, "/api/v1/desk/stories", DRAFT)
    assert response.status_code == 201, response.content
    return response


def test_reporter_creates_updates_and_submits_a_draft(api_client_for, reporter, city, remi_author):
    client = api_client_for(reporter)
    response = create_draft(client)
    data = response.json()
    story = Story.objects.get(pk=data["id"])
    assert story.status == StoryStatus.DRAFT and story.created_by == reporter
    assert "<script>" not in story.body and story.body.startswith("<p>The council met.</p>")
    assert data["bylines"] == ["remi-reporter"] and data["tags"] == ["Council", "Ferries"]
    assert story.credit_line == "Coastline Wire" and story.desk_note == "Check the figures."
    etag = response["ETag"]
    assert etag == f'"v{story.version}"'
    assert client.get(f"/api/v1/desk/stories/{story.pk}")["ETag"] == etag

    changed = client.patch(
        f"/api/v1/desk/stories/{story.pk}",
        json.dumps({"headline": "Council approves the ferry"}),
        content_type="application/json",
        HTTP_IF_MATCH=etag,
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["headline"] == "Council approves the ferry"
    assert changed["ETag"] != etag

    submitted = post_json(client, f"/api/v1/desk/stories/{story.pk}/submit")
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    refused = post_json(client, f"/api/v1/desk/stories/{story.pk}/publish")
    assert refused.status_code == 403
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["detail"] == "Only an editor can publish, schedule or withdraw a story."
    assert Story.objects.get(pk=story.pk).status == StoryStatus.SUBMITTED


def test_a_stale_or_missing_if_match_saves_nothing(api_client_for, editor, city, remi_author):
    client = api_client_for(editor)
    response = create_draft(client)
    story_id, etag = response.json()["id"], response["ETag"]
    url = f"/api/v1/desk/stories/{story_id}"
    body = json.dumps({"headline": "Changed"})
    assert client.patch(url, body, content_type="application/json").status_code == 428
    assert client.patch(url, body, content_type="application/json", HTTP_IF_MATCH=etag).status_code == 200
    stale = client.patch(url, json.dumps({"headline": "Lost"}), content_type="application/json", HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    assert "changed since you read it" in stale.json()["detail"]
    assert Story.objects.get(pk=story_id).headline == "Changed"


def test_put_replaces_and_unknown_fields_are_refused(api_client_for, editor, city, remi_author):
    client = api_client_for(editor)
    response = create_draft(client)
    url = f"/api/v1/desk/stories/{response.json()['id']}"
    unknown = client.put(
        url,
        json.dumps({**DRAFT, "status": "published"}),
        content_type="application/json",
        HTTP_IF_MATCH=response["ETag"],
    )
    assert unknown.status_code == 422 and "status" in unknown.json()["detail"]
    wrong_type = post_json(client, "/api/v1/desk/stories", {**DRAFT, "tags": "not a list"})
    assert wrong_type.status_code == 422
    bad_section = post_json(client, "/api/v1/desk/stories", {**DRAFT, "section": "nowhere"})
    assert bad_section.status_code == 422 and bad_section.json()["errors"]["section"]
    garbled = client.post("/api/v1/desk/stories", "{not json", content_type="application/json")
    assert garbled.status_code in (400, 422)
    replaced = client.put(
        url,
        json.dumps({**DRAFT, "headline": "Replaced", "tags": []}),
        content_type="application/json",
        HTTP_IF_MATCH=response["ETag"],
    )
    assert replaced.status_code == 200 and replaced.json()["tags"] == []


def test_editor_publishes_schedules_withdraws_and_corrects(api_client_for, editor, city, remi_author):
    client = api_client_for(editor)
    story_id = create_draft(client).json()["id"]
    published = post_json(client, f"/api/v1/desk/stories/{story_id}/publish")
    assert published.status_code == 200 and published.json()["state"] == "Live"
    assert TokenClient().get(f"/api/v1/stories/{story_id}").status_code == 200
    again = post_json(client, f"/api/v1/desk/stories/{story_id}/publish")
    assert again.status_code == 422 and "already live" in again.json()["detail"]
    correction = post_json(client, f"/api/v1/desk/stories/{story_id}/corrections", {"text": "The vote was 5-4."})
    assert correction.status_code == 201 and correction.json()["kind"] == "correction"
    withdrawn = post_json(client, f"/api/v1/desk/stories/{story_id}/withdraw")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"
    assert TokenClient().get(f"/api/v1/stories/{story_id}").status_code == 404

    later = create_draft(client).json()["id"]
    when = (timezone.now() + timedelta(days=1)).isoformat()
    scheduled = post_json(client, f"/api/v1/desk/stories/{later}/schedule", {"publish_at": when})
    assert scheduled.status_code == 200 and scheduled.json()["state"] == "Scheduled"
    assert TokenClient().get(f"/api/v1/stories/{later}").status_code == 404
    past = create_draft(client).json()["id"]
    refused = post_json(client, f"/api/v1/desk/stories/{past}/schedule", {"publish_at": "2001-01-01T00:00:00Z"})
    assert refused.status_code == 422 and "in the past" in refused.json()["detail"]


def test_tokens_are_checked(city):
    anonymous = TokenClient()
    assert anonymous.get("/api/v1/desk/stories/1").status_code == 401
    wrong = TokenClient("nr_abc_def").get("/api/v1/desk/stories/1")
    assert wrong.status_code == 401 and wrong["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_stops_working_and_last_use_is_kept(editor):
    text = token_for(editor)
    token = ApiToken.objects.get(user=editor)
    assert token.secret_hash not in text and len(token.secret_hash) == 64
    story = StoryFactory()
    assert TokenClient(text).get(f"/api/v1/desk/stories/{story.pk}").status_code == 200
    token.refresh_from_db()
    assert token.last_used is not None
    token.revoke()
    assert TokenClient(text).get(f"/api/v1/desk/stories/{story.pk}").status_code == 401


def test_repeated_bad_tokens_from_one_address_are_throttled(editor, settings):
    settings.NEWSROOM_API_BAD_TOKEN_LIMIT = 3
    good = token_for(editor)
    for n in range(3):
        assert TokenClient(f"nr_bad{n}_secret").get("/api/v1/desk/stories/1").status_code == 401
    blocked = TokenClient(good).get("/api/v1/desk/stories/1")
    assert blocked.status_code == 429 and int(blocked["Retry-After"]) > 0


def test_rate_limits_answer_429_with_retry_after(client, settings, editor):
    settings.NEWSROOM_API_ANON_PER_MINUTE = 2
    settings.NEWSROOM_API_TOKEN_PER_MINUTE = 1
    assert client.get("/api/v1/sections").status_code == 200
    assert client.get("/api/v1/sections").status_code == 200
    limited = client.get("/api/v1/sections")
    assert limited.status_code == 429 and 1 <= int(limited["Retry-After"]) <= 60
    assert limited["Content-Type"] == "application/problem+json"
    # A token on a read changes nothing: reads count by address.
    assert TokenClient("nr_madeup_token").get("/api/v1/sections").status_code == 429
    tokened = TokenClient(token_for(editor), REMOTE_ADDR="10.0.0.9")
    story = StoryFactory()
    assert tokened.get(f"/api/v1/desk/stories/{story.pk}").status_code == 200
    assert tokened.get(f"/api/v1/desk/stories/{story.pk}").status_code == 429


def test_an_oversized_body_is_refused(api_client_for, editor, settings):
    settings.NEWSROOM_API_MAX_JSON_BYTES = 1000
    client = api_client_for(editor)
    response = post_json(client, "/api/v1/desk/stories", {**DRAFT, "body": "x" * 2000})
    assert response.status_code == 413 and "limit" in response.json()["detail"]


def jpeg_bytes(color="teal") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), color).save(buffer, "JPEG")
    return buffer.getvalue()


def test_photo_desk_uploads_through_the_pipeline(api_client_for, photodesk):
    client = api_client_for(photodesk)
    upload = SimpleUploadedFile("harbour.jpg", jpeg_bytes(), content_type="image/jpeg")
    response = client.post("/api/v1/desk/photos", {"file": upload, "caption": "The harbour", "credit": "Ana"})
    assert response.status_code == 201, response.content
    photo = Photo.objects.get(pk=response.json()["id"])
    assert photo.caption == "The harbour" and photo.created_by == photodesk and photo.renditions
    duplicate = client.post("/api/v1/desk/photos", {"file": SimpleUploadedFile("again.jpg", jpeg_bytes())})
    assert duplicate.status_code == 409 and f"no. {photo.pk}" in duplicate.json()["detail"]
    bad = client.post("/api/v1/desk/photos", {"file": SimpleUploadedFile("notes.jpg", b"not a picture at all")})
    assert bad.status_code == 422 and bad.json()["detail"]
    # A user in no desk role has a token but not the right to add photos (reporters and editors do).
    forbidden = api_client_for(UserFactory(username="visitor")).post(
        "/api/v1/desk/photos", {"file": SimpleUploadedFile("x.jpg", jpeg_bytes("red"))}
    )
    assert forbidden.status_code == 403
    assert Photo.objects.count() == 1


def test_a_reporter_uploads_a_photo_through_the_api_as_in_the_admin(api_client_for, reporter):
    upload = SimpleUploadedFile("quay.jpg", jpeg_bytes("green"), content_type="image/jpeg")
    response = api_client_for(reporter).post("/api/v1/desk/photos", {"file": upload, "caption": "The quay"})
    assert response.status_code == 201, response.content
    assert Photo.objects.get(pk=response.json()["id"]).created_by == reporter


def test_token_admin_shows_the_secret_once_and_only_own_tokens(client, editor, reporter):
    ApiToken.issue(user=reporter, name="Remi's phone")
    client.force_login(editor)
    response = client.post("/admin/articles/apitoken/add/", {"name": "My script"}, follow=True)
    assert response.status_code == 200
    token = ApiToken.objects.get(user=editor)
    shown = [str(m) for m in response.context["messages"]]
    assert any(f"nr_{token.key_id}_" in message for message in shown)
    text = next(word for m in shown for word in m.split() if word.startswith(f"nr_{token.key_id}_"))
    assert token.matches(text.split("_", 2)[2])
    listing = client.get("/admin/articles/apitoken/")
    assert b"My script" in listing.content and b"Remi" not in listing.content
    other = ApiToken.objects.get(user=reporter)
    assert client.get(f"/admin/articles/apitoken/{other.pk}/change/").status_code in (302, 404)
    client.post("/admin/articles/apitoken/", {"action": "revoke", "_selected_action": [token.pk, other.pk]})
    token.refresh_from_db()
    other.refresh_from_db()
    assert token.revoked_at is not None and other.revoked_at is None
