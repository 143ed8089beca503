"""The photo desk's screens: the bulk upload's editable result, usage terms, the date picker,
provenance, storage failures shown as messages, and who may download originals."""

import errno

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from articles.models import Photo
from tests.factories import PhotoFactory
from tests.photos.made import AI_URI, jpeg
from tests.photos.test_photo_desk import FailingStorage, all_files, failing_storages

BULK = "admin:articles_photo_bulk_upload"


def made(name, **kwargs):
    return SimpleUploadedFile(name, jpeg(**kwargs), content_type="image/jpeg")


def bulk(client, files, **data):
    return client.post(reverse(BULK), {"files": files, **data})


def row_data(photos, values):
    """The rows form as the browser sends it: one form per photo, `values` per photo id."""
    data = {"rows-TOTAL_FORMS": str(len(photos)), "rows-INITIAL_FORMS": str(len(photos)), "set_aside": "[]"}
    for index, photo in enumerate(photos):
        data[f"rows-{index}-id"] = str(photo.pk)
        for field in ("caption", "credit", "alt_text"):
            data[f"rows-{index}-{field}"] = values.get(photo.pk, {}).get(field, getattr(photo, field))
    return data


def test_summary_counts_attention_the_way_the_rows_do(photodesk_client):
    files = [made("a.jpg", alt="A crane"), made("b.jpg", colour=(200, 10, 10)), made("c.jpg", colour=(5, 200, 5))]
    response = bulk(photodesk_client, files)
    html = response.content.decode()
    assert Photo.objects.count() == 3
    # Two rows lack alt text, and the summary says two need attention.
    assert html.count("has no alt text") == 2
    assert "3 of 3 photos imported; 2 need attention" in html
    # Each row: a thumbnail, and caption, credit and alt text as fields of their own.
    for index, photo in enumerate(Photo.objects.all()):
        assert f'name="rows-{index}-id" value="' in html and f'value="{photo.pk}"' in html
    assert html.count('class="admin-thumb"') == 3
    assert html.count('name="rows-0-alt_text"') == 1 and 'name="rows-2-credit"' in html
    assert html.count('type="submit" class="default" value="Save captions, credits and alt text"') == 1
    # Every field has a label a screen reader announces.
    assert html.count('<label for="id_rows-') == 9


def test_rows_are_saved_together(photodesk_client):
    bulk(photodesk_client, [made("a.jpg"), made("b.jpg", colour=(200, 10, 10))])
    photos = list(Photo.objects.order_by("pk"))
    data = row_data(
        photos,
        {
            photos[0].pk: {"alt_text": "A crane over the harbour", "caption": "New caption"},
            photos[1].pk: {"alt_text": "A red wall", "credit": "Desk/Own"},
        },
    )
    response = photodesk_client.post(reverse(BULK), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Saved 2 photos; 0 still need attention." in html
    first, second = (Photo.objects.get(pk=p.pk) for p in photos)
    assert (first.caption, first.alt_text) == ("New caption", "A crane over the harbour")
    assert (second.credit, second.alt_text) == ("Desk/Own", "A red wall")


def test_a_bad_row_is_named_and_nothing_is_saved(photodesk_client):
    bulk(photodesk_client, [made("crane.jpg"), made("b.jpg", colour=(200, 10, 10))])
    photos = list(Photo.objects.order_by("pk"))
    data = row_data(photos, {photos[0].pk: {"alt_text": "crane.jpg"}, photos[1].pk: {"alt_text": "Fine words"}})
    html = photodesk_client.post(reverse(BULK), data).content.decode()
    assert "Nothing was saved: 1 of 2 rows need correcting" in html
    assert "its file name does not help readers" in html
    assert not Photo.objects.exclude(alt_text="").exists()


def test_rejected_and_duplicate_rows_say_why_and_link(photodesk_client):
    existing = PhotoFactory()
    bulk(photodesk_client, [made("first.jpg")])
    first = Photo.objects.exclude(pk=existing.pk).get()
    broken = SimpleUploadedFile("notes.jpg", b"just some text, not a picture")
    html = bulk(photodesk_client, [made("first-again.jpg"), broken]).content.decode()
    assert "Already in the library" in html
    assert reverse("admin:articles_photo_change", args=[first.pk]) in html
    assert ">Rejected<" in html and "notes.jpg" in html
    assert "0 of 2 photos imported" in html


def test_the_batch_sets_usage_terms_and_notes(photodesk_client):
    bulk(photodesk_client, [made("a.jpg")], usage="editorial", usage_terms="No archive sales")
    photo = Photo.objects.get()
    assert (photo.usage, photo.usage_terms) == ("editorial", "No archive sales")


def test_single_upload_takes_usage_date_and_provenance(photodesk_client):
    page = photodesk_client.get(reverse("admin:articles_photo_add")).content.decode()
    assert 'type="date" name="rights_expire_on"' in page
    assert '<select name="usage"' in page and "Editorial use only" in page
    assert '<select name="digital_source_type"' in page
    response = photodesk_client.post(
        reverse("admin:articles_photo_add"),
        {
            "image": made("ai.jpg", source_type=AI_URI, alt="A made-up city"),
            "usage": "editorial",
            "usage_terms": "Credit the agency",
            "rights_expire_on": "2031-05-04",
            "digital_source_type": "",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    photo = Photo.objects.get()
    assert photo.usage == "editorial" and str(photo.rights_expire_on) == "2031-05-04"
    assert photo.digital_source_type == "trainedAlgorithmicMedia"  # from the file's XMP


def test_change_form_offers_the_same_fields(photodesk_client):
    photo = PhotoFactory(usage="editorial", digital_source_type="digitalCapture")
    page = photodesk_client.get(reverse("admin:articles_photo_change", args=[photo.pk])).content.decode()
    assert 'type="date" name="rights_expire_on"' in page
    assert '<option value="editorial" selected>' in page
    assert '<option value="digitalCapture" selected>' in page


@pytest.mark.parametrize("error_number, words", [(errno.ENOSPC, "full"), (errno.EROFS, "read-only")])
def test_single_upload_storage_failure_is_a_form_error(photodesk_client, error_number, words):
    before = all_files(storages["default"])
    with override_settings(STORAGES=failing_storages(4, error_number)):
        response = photodesk_client.post(reverse("admin:articles_photo_add"), {"image": made("quay.jpg")})
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["image"]
    assert any("quay.jpg" in e and words in e for e in errors)
    assert FailingStorage.written == 4
    assert not Photo.objects.exists()
    assert all_files(storages["default"]) == before


def test_bulk_storage_failure_names_the_cause_in_the_row(photodesk_client):
    with override_settings(STORAGES=failing_storages(3, errno.ENOSPC)):
        html = bulk(photodesk_client, [made("quay.jpg")]).content.decode()
    assert "the photo storage is full" in html and "please try again" not in html
    assert not Photo.objects.exists()


# --- Originals ------------------------------------------------------------------------------------


def test_reporters_cannot_download_originals_or_see_the_link(reporter_client, photodesk_client, editor_client):
    photo = PhotoFactory()
    url = photo.image.url
    change = reverse("admin:articles_photo_change", args=[photo.pk])
    assert reporter_client.get(url).status_code == 404
    assert "Download the original" not in reporter_client.get(change).content.decode()
    for client in (photodesk_client, editor_client):
        assert client.get(url).status_code == 200
        assert "Download the original" in client.get(change).content.decode()
