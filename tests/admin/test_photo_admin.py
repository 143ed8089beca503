import io
import shutil
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from articles.models import Photo
from tests.factories import PhotoFactory, PlacementFactory, UserFactory

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "photos"


def fixture_file(name, as_name=None):
    return SimpleUploadedFile(as_name or name, (FIXTURES / name).read_bytes())


@pytest.fixture
def desk_client(client, db):
    client.force_login(UserFactory(username="pd-admin", role="Photo desk"))
    return client


def test_bulk_upload_saves_good_files_and_names_each_bad_one(desk_client):
    files = [
        fixture_file("iptc_utf8.jpg"),
        fixture_file("xmp_only.jpg"),
        fixture_file("exif_orientation6_gps.jpg"),
        fixture_file("photo.png"),
        fixture_file("truncated.jpg", "broken.jpg"),
        fixture_file("not_an_image.jpg", "notes.jpg"),
        fixture_file("bomb_30000x30000.png", "huge.png"),
    ]
    response = desk_client.post(reverse("admin:articles_photo_bulk_upload"), {"files": files, "credit": "Desk"})
    assert response.status_code == 200
    html = response.content.decode()
    assert Photo.objects.count() == 4
    for bad in ("broken.jpg", "notes.jpg", "huge.png"):
        assert bad in html
    assert html.count(">Rejected<") == 3
    assert Photo.objects.filter(caption__gt="").count() >= 2


def test_single_upload_prefills_from_metadata(desk_client):
    response = desk_client.post(
        reverse("admin:articles_photo_add"), {"image": fixture_file("xmp_only.jpg"), "caption": "", "alt_text": ""}
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert photo.caption and photo.alt_text
    assert photo.renditions["slots"]


def test_single_upload_of_a_renamed_text_file_gives_a_form_error(desk_client):
    response = desk_client.post(reverse("admin:articles_photo_add"), {"image": fixture_file("not_an_image.jpg")})
    assert response.status_code == 200
    assert "not_an_image.jpg" in response.content.decode()
    assert not Photo.objects.exists()


def test_uploading_a_duplicate_links_the_existing_photo(desk_client):
    desk_client.post(reverse("admin:articles_photo_add"), {"image": fixture_file("iptc_utf8.jpg")})
    existing = Photo.objects.get()
    response = desk_client.post(
        reverse("admin:articles_photo_add"), {"image": fixture_file("iptc_utf8.jpg", "again.jpg")}
    )
    assert response.status_code == 200
    assert reverse("admin:articles_photo_change", args=[existing.pk]) in response.content.decode()
    assert Photo.objects.count() == 1


def test_library_finds_a_photo_by_a_caption_word_and_keyword(desk_client):
    PhotoFactory(caption="Ferry leaves the harbour at dusk", keywords=["ferries", "weather"])
    PhotoFactory(caption="Council meeting")
    url = reverse("admin:articles_photo_changelist")
    assert "Ferry leaves" in desk_client.get(url, {"q": "harbour"}).content.decode()
    found = desk_client.get(url, {"q": "ferries"}).content.decode()
    assert "Ferry leaves" in found and "Council meeting" not in found


def test_used_filter_and_used_in_list(desk_client):
    placement = PlacementFactory()
    unused = PhotoFactory(caption="Unused photo here")
    url = reverse("admin:articles_photo_changelist")
    assert "Unused photo here" in desk_client.get(url, {"used": "no"}).content.decode()
    assert "Unused photo here" not in desk_client.get(url, {"used": "yes"}).content.decode()
    page = desk_client.get(reverse("admin:articles_photo_change", args=[placement.photo.pk])).content.decode()
    assert placement.story.headline in page
    assert unused.pk


def test_moving_the_focal_point_remakes_the_crops(desk_client):
    photo = PhotoFactory()
    old_key = photo.renditions["key"]
    data = {
        "caption": photo.caption,
        "alt_text": photo.alt_text,
        "headline": "",
        "focal_x": "10",
        "focal_y": "90",
        "photographer": "",
        "source": "",
        "credit": "",
        "copyright": "",
        "usage_terms": "",
        "rights_expire_on": "",
        "keywords": "storm, harbour, Storm",
        "city": "",
        "country": "",
        "taken_at": "",
        "version": str(photo.version),
    }
    response = desk_client.post(reverse("admin:articles_photo_change", args=[photo.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo.refresh_from_db()
    assert photo.renditions["key"] != old_key
    assert photo.keywords == ["storm", "harbour"]


def test_import_photos_command_reports_each_file_and_fails_on_rejection(db, tmp_path):
    for name in ("iptc_utf8.jpg", "photo.webp", "not_an_image.jpg"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("import_photos", str(tmp_path), stdout=out)
    assert exit_info.value.code == 1
    text = out.getvalue()
    assert "imported" in text and "rejected" in text and "not_an_image.jpg" in text
    assert Photo.objects.count() == 2
    again = io.StringIO()
    call_command("import_photos", str(tmp_path / "iptc_utf8.jpg"), stdout=again)
    assert "duplicate" in again.getvalue()
