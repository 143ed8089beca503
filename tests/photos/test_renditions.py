import io
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from articles.photos import services as photo_services
from articles.photos.public import picture_data, public_image, public_image_url
from articles.photos.renditions import CROPS, WIDTHS
from tests.factories import PhotoFactory

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "photos"


def jpeg_bytes(width, height, color=(30, 90, 160), exif=None) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (width, height), color)
    # A bright marker square at 80% across, 20% down: a focal crop must keep it.
    marker = (int(width * 0.8) - 20, int(height * 0.2) - 20)
    image.paste((255, 0, 0), (*marker, marker[0] + 40, marker[1] + 40))
    image.save(buffer, "JPEG", quality=90, **({"exif": exif} if exif else {}))
    return buffer.getvalue()


def upload(name, data, user=None, **overrides):
    return photo_services.photo_create(fileobj=io.BytesIO(data), name=name, user=user, overrides=overrides)


def test_renditions_cover_every_width_and_format_without_upscaling(photodesk):
    result = upload("big.jpg", jpeg_bytes(2400, 1600), photodesk, alt_text="A test")
    slots = result.photo.renditions["slots"]
    assert [w for w, _h, _n in slots["w"]["jpeg"]] == list(WIDTHS)
    assert [w for w, _h, _n in slots["w"]["webp"]] == list(WIDTHS)
    for _w, _h, name in slots["w"]["webp"]:
        with default_storage.open(name) as fh, Image.open(fh) as im:
            assert im.format == "WEBP"
    small = upload("small.jpg", jpeg_bytes(600, 400, color=(1, 2, 3)), photodesk, alt_text="Small")
    assert [w for w, _h, _n in small.photo.renditions["slots"]["w"]["jpeg"]] == [480]


@pytest.mark.parametrize(("slot", "ratio"), [(name, spec[0]) for name, spec in CROPS.items()])
def test_crops_have_the_slot_ratio(photodesk, slot, ratio):
    photo = upload("wide.jpg", jpeg_bytes(3000, 1000), photodesk, alt_text="Wide").photo
    for width, height, name in photo.renditions["slots"][slot]["jpeg"]:
        assert abs(width / height - ratio[0] / ratio[1]) < 0.01
        with default_storage.open(name) as fh, Image.open(fh) as im:
            assert im.size == (width, height)


def test_square_crop_is_centred_on_the_focal_point(photodesk):
    photo = upload("focal.jpg", jpeg_bytes(3000, 1000), photodesk, alt_text="Focal").photo
    photo.focal_x, photo.focal_y = 80, 20
    photo.save()
    photo_services.photo_refresh_renditions(photo=photo)
    width, height, name = photo.renditions["slots"]["1x1"]["jpeg"][-1]
    with default_storage.open(name) as fh, Image.open(fh) as im:
        rgb = im.convert("RGB")
        centre = rgb.getpixel((width // 2, int(height * 0.2)))
    assert centre[0] > 200 and centre[1] < 80, centre  # the red marker is in the middle of the crop


def test_renditions_carry_no_exif_or_gps(photodesk):
    data = (FIXTURES / "exif_orientation6_gps.jpg").read_bytes()
    photo = upload("gps.jpg", data, photodesk, alt_text="GPS").photo
    for formats in photo.renditions["slots"].values():
        for entries in formats.values():
            for _w, _h, name in entries:
                with default_storage.open(name) as fh:
                    raw = fh.read()
                assert b"Exif" not in raw and b"GPS" not in raw
                with Image.open(io.BytesIO(raw)) as im:
                    assert not im.getexif()
                    assert "xmp" not in im.info and "exif" not in im.info


def test_rotated_photo_is_stored_upright(photodesk):
    data = (FIXTURES / "exif_orientation6_gps.jpg").read_bytes()
    with Image.open(io.BytesIO(data)) as raw:
        raw_w, raw_h = raw.size
    photo = upload("rotated.jpg", data, photodesk, alt_text="Rotated").photo
    assert (photo.width, photo.height) == (raw_h, raw_w)
    w, h, _name = photo.renditions["slots"]["w"]["jpeg"][-1]
    assert (w > h) == (raw_h > raw_w)


def test_picture_data_has_srcsets_and_dimensions(db):
    photo = PhotoFactory()
    data = picture_data(photo)
    assert data["srcset_jpeg"] and data["srcset_webp"]
    assert data["width"] == 120 and data["height"] == 80
    assert public_image_url(photo).startswith("https://news.example.org/photos/r/")
    assert public_image(photo, ratio="16:9")["url"].endswith(".jpg")


def test_photo_with_expired_rights_is_not_shown(db):
    from datetime import date

    photo = PhotoFactory(rights_expire_on=date(2000, 1, 1))
    assert picture_data(photo) is None
    assert public_image_url(photo) == ""
