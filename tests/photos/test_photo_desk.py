"""The photo desk's pipeline: provenance read at upload, the attention rule, saves that are all or
nothing, and rendition files that follow the photo's rights."""

import errno
import io
import os
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.test import override_settings
from django.utils import timezone
from PIL import Image

from articles.models import DigitalSourceType, Photo, StoryStatus
from articles.photos import services as photo_services
from articles.photos.metadata import digital_source_type, read_metadata
from articles.photos.serving import photo_id_from_name, story_photo_keys
from tests.factories import PhotoFactory, PlacementFactory, StoryFactory
from tests.photos.made import AI_COMPOSITE_URI, AI_URI, CAMERA_URI, jpeg


def create(user, data, name="made.jpg", **kwargs):
    return photo_services.photo_create(fileobj=io.BytesIO(data), name=name, user=user, **kwargs)


# --- Provenance ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, term",
    [
        (AI_URI, "trainedAlgorithmicMedia"),
        (AI_COMPOSITE_URI, "compositeWithTrainedAlgorithmicMedia"),
        (CAMERA_URI, "digitalCapture"),
        ("trainedAlgorithmicMedia", "trainedAlgorithmicMedia"),
        ("http://cv.iptc.org/newscodes/digitalsourcetype/digitalArt", "digitalCreation"),
        ("http://example.org/made-up", ""),
        ("", ""),
    ],
)
def test_digital_source_type_is_read_as_an_iptc_term(value, term):
    assert digital_source_type(value) == term


def test_metadata_reads_the_digital_source_type_from_xmp():
    meta = read_metadata(Image.open(io.BytesIO(jpeg(AI_URI))))
    assert meta.digital_source_type == "trainedAlgorithmicMedia"
    assert read_metadata(Image.open(io.BytesIO(jpeg()))).digital_source_type == ""


def test_upload_prefills_the_source_type_and_the_desk_may_set_another(photodesk):
    photo = create(photodesk, jpeg(AI_COMPOSITE_URI)).photo
    assert photo.digital_source_type == DigitalSourceType.COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA
    assert photo.ai_label == "Image includes AI-generated elements"
    chosen = create(
        photodesk, jpeg(CAMERA_URI, colour=(1, 2, 3)), overrides={"digital_source_type": "trainedAlgorithmicMedia"}
    ).photo
    assert chosen.digital_source_type == "trainedAlgorithmicMedia"
    assert chosen.ai_label == "AI-generated image"


def test_labelled_caption_always_carries_the_label_for_ai_pictures(db):
    photo = PhotoFactory(caption="A city that never was", digital_source_type="trainedAlgorithmicMedia")
    assert photo.labelled_caption() == "A city that never was (AI-generated image)"
    assert photo.labelled_caption("") == "AI-generated image"
    camera = PhotoFactory(caption="Real crane", digital_source_type="digitalCapture")
    assert camera.labelled_caption() == "Real crane" and camera.ai_label == ""
    assert camera.digital_source_type_uri == CAMERA_URI


# --- Attention ----------------------------------------------------------------------------------


def test_attention_uses_the_publishing_rules(db):
    ready = PhotoFactory()
    assert photo_services.photo_attention(ready) == []
    bare = PhotoFactory(alt_text="", photographer="", source="", credit="")
    problems = photo_services.photo_attention(bare)
    assert any("alt text" in p for p in problems) and any("credit" in p for p in problems)
    expired = PhotoFactory(rights_expire_on=timezone.localdate() - timedelta(days=1))
    assert any("rights" in p for p in photo_services.photo_attention(expired))


# --- Saves are all or nothing -------------------------------------------------------------------


class FailingStorage(FileSystemStorage):
    """Writes `allowed` files, then fails with `error_number` half-way through the next one."""

    allowed = 0
    error_number = errno.ENOSPC
    written = 0

    def _save(self, name, content):
        cls = type(self)
        if cls.written >= cls.allowed:
            # Half a file reaches the disk before the device gives up, as with a full disk.
            path = self.path(name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as handle:
                handle.write(content.read()[:100])
            raise OSError(cls.error_number, os.strerror(cls.error_number))
        cls.written += 1
        return super()._save(name, content)


def failing_storages(allowed: int, error_number: int) -> dict:
    FailingStorage.allowed, FailingStorage.error_number, FailingStorage.written = allowed, error_number, 0
    backend = f"{__name__}.FailingStorage"
    stores = dict(settings.STORAGES)
    stores["default"] = {**stores["default"], "BACKEND": backend}
    stores["originals"] = {**stores["originals"], "BACKEND": backend}
    return stores


def all_files(storage) -> set[str]:
    found = set()
    for root, _dirs, files in os.walk(storage.location):
        found.update(os.path.relpath(os.path.join(root, f), storage.location) for f in files)
    return found


@pytest.mark.parametrize(
    "allowed, error_number, words",
    [
        (0, errno.ENOSPC, "full"),  # the original itself fails
        (1, errno.ENOSPC, "full"),  # the original is written, the first rendition fails
        (7, errno.ENOSPC, "full"),  # half the renditions are written
        (5, errno.EROFS, "read-only"),
        (3, errno.EIO, "unavailable"),
    ],
)
def test_a_save_failing_half_way_leaves_no_file_and_no_row(photodesk, allowed, error_number, words):
    before = (all_files(storages["default"]), all_files(storages["originals"]))
    with override_settings(STORAGES=failing_storages(allowed, error_number)):
        result = create(photodesk, jpeg(), name="harbour.jpg")
        assert FailingStorage.written == allowed  # it really failed where the test says
        assert (all_files(storages["default"]), all_files(storages["originals"])) == before
    assert result.photo is None
    assert "harbour.jpg" in result.error and words in result.error
    assert "please try again" not in result.error
    assert not Photo.objects.exists()


def test_a_failed_refresh_keeps_the_old_renditions(db):
    photo = PhotoFactory()
    old = photo.renditions
    with (
        override_settings(STORAGES=failing_storages(2, errno.ENOSPC)),
        pytest.raises(photo_services.PhotoStorageError, match="full"),
    ):
        photo_services.photo_refresh_renditions(photo=photo)
    photo.refresh_from_db()
    assert photo.renditions == old
    assert all(default_storage.exists(entry[2]) for entry in old["slots"]["w"]["jpeg"])


# --- Files follow rights ------------------------------------------------------------------------


@pytest.fixture
def live_photo(db):
    placement = PlacementFactory(story=StoryFactory(status=StoryStatus.PUBLISHED))
    return placement.photo, placement.story


def rendition_path(photo) -> str:
    return "/" + photo.renditions["slots"]["w"]["jpeg"][0][2]


def test_a_photo_in_a_live_story_is_served_with_its_surrogate_key(client, live_photo):
    photo, _story = live_photo
    response = client.get(rendition_path(photo))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["xkey"] == f"photo-{photo.pk}" == response["Surrogate-Key"]
    assert response["Cache-Control"].startswith("public")
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"


def test_an_unused_photo_is_not_served_to_readers_but_is_to_the_desk(client, photodesk):
    photo = PhotoFactory()
    assert client.get(rendition_path(photo)).status_code == 404
    client.force_login(photodesk)
    response = client.get(rendition_path(photo))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]


def test_expired_rights_and_a_withdrawn_story_stop_the_files(client, live_photo):
    photo, story = live_photo
    url = rendition_path(photo)
    assert client.get(url).status_code == 200
    Photo.objects.filter(pk=photo.pk).update(rights_expire_on=timezone.localdate() - timedelta(days=1))
    assert client.get(url).status_code == 404
    Photo.objects.filter(pk=photo.pk).update(rights_expire_on=None)
    assert client.get(url).status_code == 200
    type(story).objects.filter(pk=story.pk).update(status=StoryStatus.WITHDRAWN)
    assert client.get(url).status_code == 404


def test_rights_ending_today_bound_the_edge_cache(client, live_photo):
    photo, _story = live_photo
    Photo.objects.filter(pk=photo.pk).update(rights_expire_on=timezone.localdate())
    control = client.get(rendition_path(photo))["Cache-Control"]
    edge = int(control.split("s-maxage=")[1])
    assert 0 <= edge <= 86400 and edge <= 24 * 3600


def test_only_recorded_names_are_served(client, live_photo):
    photo, _story = live_photo
    name = f"photos/r/{photo.pk}/leftover/w480.jpg"
    default_storage.save(name, io.BytesIO(b"half a file"))
    assert client.get("/" + name).status_code == 404
    assert client.get("/media/" + photo.renditions["slots"]["w"]["jpeg"][0][2]).status_code == 404


def test_the_rendition_check_costs_a_fixed_number_of_queries(client, live_photo, django_assert_num_queries):
    photo, _story = live_photo
    with django_assert_num_queries(3):  # the photo, then "a live story leads with it", "shows it in its body"
        assert client.get(rendition_path(photo)).status_code == 200


def test_names_and_keys(live_photo):
    photo, story = live_photo
    assert photo_id_from_name(f"photos/r/{photo.pk}/abc/w480.jpg") == photo.pk
    assert photo_id_from_name("photos/other/1.jpg") is None
    assert f"photo-{photo.pk}" in story_photo_keys(story)
