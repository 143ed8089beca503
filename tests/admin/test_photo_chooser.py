"""The photo chooser behind the body editor and the lead-photo button: search, paging, permissions, upload."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.admin import photo_chooser
from articles.models import Photo
from tests.factories import PhotoFactory, UserFactory

pytestmark = pytest.mark.django_db

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "photos"
URL = reverse("admin:photo_chooser")
UPLOAD = reverse("admin:photo_chooser_upload")


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


def test_search_matches_caption_keyword_credit_and_photographer(editor_client):
    by_caption = PhotoFactory(caption="Ferry leaving the harbour at dawn")
    by_keyword = PhotoFactory(caption="Quayside", keywords=["ferries", "transport"])
    by_credit = PhotoFactory(caption="Crowd", credit="Harbour Gazette", photographer="")
    by_photographer = PhotoFactory(caption="Market", photographer="Lena Okafor")
    PhotoFactory(caption="Nothing to see")
    assert ids(editor_client.get(URL, {"q": "ferr"})) == [by_keyword.pk, by_caption.pk]
    assert ids(editor_client.get(URL, {"q": "gazette"})) == [by_credit.pk]
    assert ids(editor_client.get(URL, {"q": "okafor"})) == [by_photographer.pk]
    assert ids(editor_client.get(URL, {"q": "harbour dawn"})) == [by_caption.pk]


def test_each_result_carries_thumbnail_caption_credit_and_date(editor_client):
    photo = PhotoFactory(caption="Night market", photographer="Ana Ruiz", source="Coastline Wire")
    item = editor_client.get(URL).json()["results"][0]
    assert item["id"] == photo.pk and item["caption"] == "Night market"
    assert item["credit"] == "Ana Ruiz/Coastline Wire" and item["date"]
    assert item["thumb"].startswith("/photos/r/") and item["thumb"].endswith(".jpg")


def test_results_come_in_pages(editor_client, monkeypatch):
    monkeypatch.setattr(photo_chooser, "PAGE_SIZE", 2)
    photos = [PhotoFactory(renditions=False) for _ in range(5)]
    first = editor_client.get(URL).json()
    assert (first["page"], first["pages"], first["count"]) == (1, 3, 5)
    assert [item["id"] for item in first["results"]] == [photos[4].pk, photos[3].pk]
    assert ids(editor_client.get(URL, {"page": 3})) == [photos[0].pk]
    assert ids(editor_client.get(URL, {"page": "not a number"})) == [photos[4].pk, photos[3].pk]


def test_reporters_and_editors_may_choose(reporter_client, editor_client):
    photo = PhotoFactory()
    assert ids(reporter_client.get(URL)) == [photo.pk]
    assert ids(editor_client.get(URL, {"id": photo.pk})) == [photo.pk]


def test_the_photo_desk_and_anonymous_visitors_are_refused(photodesk_client, client):
    PhotoFactory()
    refused = photodesk_client.get(URL)
    assert refused.status_code == 403 and "results" not in refused.json()
    assert photodesk_client.post(UPLOAD, {"file": _file("photo.png")}).status_code == 403
    anonymous = client.get(URL)
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    assert client.post(UPLOAD).status_code in (302, 403)


def _file(fixture, name=None):
    return SimpleUploadedFile(name or fixture, (FIXTURES / fixture).read_bytes())


def test_uploading_a_good_file_adds_it_to_the_library(editor_client):
    response = editor_client.post(UPLOAD, {"file": _file("iptc_utf8.jpg", "harbour.jpg")})
    assert response.status_code == 200, response.content
    photo = Photo.objects.get(pk=response.json()["photo"]["id"])
    assert photo.original_filename == "harbour.jpg" and photo.renditions
    assert response.json()["photo"]["thumb"]


def test_a_bad_file_is_refused_with_its_reason_and_leaves_nothing(editor_client):
    response = editor_client.post(UPLOAD, {"file": _file("not_an_image.jpg")})
    assert response.status_code == 400
    assert response.json()["error"].startswith('"not_an_image.jpg" is not an image')
    assert not Photo.objects.exists()


def test_a_reporter_uploads_their_own_photo_from_the_chooser(reporter_client, reporter):
    assert reporter_client.get(URL).json()["can_upload"] is True
    response = reporter_client.post(UPLOAD, {"file": _file("iptc_utf8.jpg", "my-picture.jpg")})
    assert response.status_code == 200, response.content
    photo = Photo.objects.get(pk=response.json()["photo"]["id"])
    assert photo.created_by == reporter and photo.original_filename == "my-picture.jpg"
    assert ids(reporter_client.get(URL, {"id": photo.pk})) == [photo.pk]


def test_a_reporter_still_cannot_change_a_photo(reporter_client, photodesk):
    # Theirs or another person's: captions, credits and rights of the library stay with the photo desk.
    others = PhotoFactory(caption="The photo desk's picture", created_by=photodesk)
    change = reverse("admin:articles_photo_change", args=[others.pk])
    posted = reporter_client.post(change, {"caption": "Changed by a reporter", "alt_text": "x"})
    assert posted.status_code == 403
    others.refresh_from_db()
    assert others.caption == "The photo desk's picture"
    page = reporter_client.get(change)  # they may look, not edit
    assert page.status_code == 200 and b'name="_save"' not in page.content


def test_a_user_without_the_upload_right_hears_why(client):
    client.force_login(UserFactory(username="visitor", role="Reporter"))
    Group.objects.get(name="Reporter").permissions.remove(Permission.objects.get(codename="add_photo"))
    response = client.post(UPLOAD, {"file": _file("iptc_utf8.jpg")})
    assert response.status_code == 403
    assert response.json()["error"] == "You do not have permission to add photos."
    assert client.get(URL).json()["can_upload"] is False
