import io
from pathlib import Path

import pytest
from django.core.files.storage import default_storage, storages

from articles.models import Photo
from articles.photos import services as photo_services
from tests.factories import UserFactory

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "photos"


def upload(name, user, fixture=None, data=None):
    raw = data if data is not None else (FIXTURES / fixture).read_bytes()
    return photo_services.photo_create(fileobj=io.BytesIO(raw), name=name, user=user)


def test_upload_prefills_caption_and_credit_from_metadata(photodesk):
    result = upload("agency.jpg", photodesk, "xmp_and_iptc.jpg")
    assert result.outcome == "imported"
    photo = result.photo
    assert photo.caption
    assert photo.metadata
    assert photo.sha256 and photo.size_bytes > 0
    assert photo.format == "JPEG"
    assert storages["originals"].exists(photo.image.name)


@pytest.mark.parametrize(
    "fixture", ["not_an_image.jpg", "truncated.jpg", "drawing.svg", "bomb_30000x30000.png", "animation.gif"]
)
def test_bad_files_are_rejected_by_name_and_leave_nothing(photodesk, fixture):
    before_files = set(default_storage.listdir("")[1])
    result = upload(fixture, photodesk, fixture)
    assert result.outcome == "rejected"
    assert fixture in result.error
    assert Photo.objects.count() == 0
    assert set(default_storage.listdir("")[1]) == before_files


def test_duplicate_upload_points_at_the_existing_photo(photodesk):
    first = upload("one.jpg", photodesk, "iptc_utf8.jpg")
    again = upload("copy-of-one.jpg", photodesk, "iptc_utf8.jpg")
    assert again.outcome == "duplicate"
    assert again.duplicate_of == first.photo
    assert Photo.objects.count() == 1


def test_a_user_without_a_desk_role_may_not_add_photos(db):
    from django.core.exceptions import PermissionDenied

    outsider = UserFactory(username="visitor")
    with pytest.raises(PermissionDenied):
        upload("x.jpg", outsider, "iptc_utf8.jpg")
    assert not Photo.objects.exists()


def test_a_reporter_adds_a_photo_of_their_own(db):
    reporter = UserFactory(username="rep", role="Reporter")
    result = upload("x.jpg", reporter, "iptc_utf8.jpg")
    assert result.photo is not None and result.photo.created_by == reporter


def test_original_is_not_public(client, photodesk):
    photo = upload("orig.jpg", photodesk, "iptc_utf8.jpg").photo
    url = photo.image.url
    assert not url.startswith("/media/")
    assert client.get(url).status_code == 404
    client.force_login(photodesk)
    assert client.get(url).status_code == 200
