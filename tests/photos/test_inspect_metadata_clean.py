"""Tests for articles.images: uploads judged by content, metadata reading, cleaning.

Fixtures live in tests/fixtures/photos/ (see make_fixtures.sh there); anything that is
easier to express in code (odd formats, patched headers, hand-built IPTC blocks) is
made here with Pillow, in memory.
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import time
import types
import warnings
import zlib
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms, ImageFile, features

from articles.photos import embedded, metadata
from articles.photos.clean import clean_image
from articles.photos.inspect import ALLOWED_FORMATS, InspectedImage, content_hash, inspect_upload, max_bytes, max_pixels
from articles.photos.metadata import PhotoMetadata, read_metadata

PHOTOS = Path(__file__).resolve().parent.parent / "fixtures" / "photos"


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------


def fixture_bytes(name: str) -> bytes:
    return (PHOTOS / name).read_bytes()


def upload(data: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def inspect_fixture(name: str, *, as_name: str | None = None) -> InspectedImage:
    return inspect_upload(upload(fixture_bytes(name), as_name or name), name=as_name or name)


def refusal(data: bytes, name: str) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        inspect_upload(upload(data, name), name=name)
    return caught.value


def message(error: ValidationError) -> str:
    assert len(error.messages) == 1
    return error.messages[0]


def picture_bytes(fmt: str = "PNG", size=(64, 48), mode: str = "RGB", **save) -> bytes:
    im = Image.new(mode, size, "red" if mode in ("RGB", "RGBA") else 1)
    buf = io.BytesIO()
    im.save(buf, fmt, **save)
    return buf.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A real 1x1 PNG whose (CRC-valid) header claims width x height pixels."""
    data = bytearray(picture_bytes("PNG", (1, 1), "L"))
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


def iim(record: int, dataset: int, value: bytes) -> bytes:
    return bytes([0x1C, record, dataset]) + struct.pack(">H", len(value)) + value


def jpeg_with_iptc(*datasets: bytes, jpeg: bytes | None = None) -> bytes:
    """A JPEG with an APP13 Photoshop segment holding the given IIM datasets."""
    jpeg = jpeg or picture_bytes("JPEG")
    block = b"".join(datasets)
    if len(block) % 2:
        block += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(block)) + block
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    assert jpeg[:2] == b"\xff\xd8"
    return jpeg[:2] + segment + jpeg[2:]


XMP_TEMPLATE = """<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>
<x:xmpmeta xmlns:x='adobe:ns:meta/'>
 <rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
  {body}
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end='w'?>"""


def jpeg_with_xmp(body: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buf, "JPEG", xmp=XMP_TEMPLATE.format(body=body).encode("utf-8"))
    return buf.getvalue()


def metadata_of(data: bytes) -> PhotoMetadata:
    with Image.open(io.BytesIO(data)) as im:
        return read_metadata(im)


@pytest.fixture
def decoding_is_forbidden(monkeypatch):
    """Record (and refuse) any attempt to decode pixels."""
    calls: list[str] = []

    def no_load(self, *args, **kwargs):
        calls.append("load")
        raise AssertionError("pixels must not be decoded")

    def no_decoder(*args, **kwargs):
        calls.append("decoder")
        raise AssertionError("no decoder may be created")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_load)
    monkeypatch.setattr(Image, "_getdecoder", no_decoder)
    return calls


# --------------------------------------------------------------------------------------
# formats and limits
# --------------------------------------------------------------------------------------


def test_allowed_formats_are_jpeg_png_webp_plus_avif_only_when_pillow_can_read_it():
    expected = {"JPEG", "PNG", "WEBP"} | ({"AVIF"} if features.check("avif") else set())
    assert set(ALLOWED_FORMATS) == expected


def test_limits_default_to_25_mb_and_50_megapixels(settings):
    for name in ("NEWSROOM_PHOTO_MAX_BYTES", "NEWSROOM_PHOTO_MAX_PIXELS"):
        if hasattr(settings, name):
            delattr(settings, name)
    assert max_bytes() == 25 * 1024 * 1024
    assert max_pixels() == 50_000_000


def test_limits_follow_settings(settings):
    settings.NEWSROOM_PHOTO_MAX_BYTES = 1234
    settings.NEWSROOM_PHOTO_MAX_PIXELS = 5678
    assert max_bytes() == 1234
    assert max_pixels() == 5678


# --------------------------------------------------------------------------------------
# accepted files
# --------------------------------------------------------------------------------------


def test_jpeg_is_accepted_with_format_mime_size_and_hash():
    data = fixture_bytes("iptc_utf8.jpg")
    result = inspect_fixture("iptc_utf8.jpg")
    assert result.format == "JPEG"
    assert result.mime_type == "image/jpeg"
    assert (result.width, result.height) == (64, 48)
    assert result.size_bytes == len(data)
    assert result.sha256 == hashlib.sha256(data).hexdigest()


def test_png_fixture_is_accepted_as_png():
    result = inspect_fixture("photo.png")
    assert (result.format, result.mime_type, result.width, result.height) == ("PNG", "image/png", 64, 48)


def test_webp_fixture_is_accepted_as_webp():
    result = inspect_fixture("photo.webp")
    assert (result.format, result.mime_type, result.width, result.height) == ("WEBP", "image/webp", 64, 48)


@pytest.mark.parametrize("misleading_name", ["photo.jpg", "photo.gif", "photo.svg", "photo", "photo.exe"])
def test_extension_plays_no_part_a_png_is_a_png_whatever_its_name(misleading_name):
    result = inspect_upload(upload(fixture_bytes("photo.png"), misleading_name), name=misleading_name)
    assert result.format == "PNG"


def test_avif_is_accepted_exactly_when_this_pillow_can_read_it():
    if "AVIF" in ALLOWED_FORMATS:
        result = inspect_upload(upload(picture_bytes("AVIF"), "p.avif"), name="p.avif")
        assert (result.format, result.mime_type) == ("AVIF", "image/avif")
    else:
        fake_avif = b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf" + b"\x00" * 64
        assert refusal(fake_avif, "p.avif").code in {"unsupported_format", "not_an_image"}


def test_jpeg_carrying_extra_mpo_pictures_is_accepted_as_jpeg():
    buf = io.BytesIO()
    first, second = Image.new("RGB", (40, 30), "red"), Image.new("RGB", (40, 30), "blue")
    first.save(buf, "MPO", save_all=True, append_images=[second])
    result = inspect_upload(upload(buf.getvalue(), "phone.jpg"), name="phone.jpg")
    assert (result.format, result.mime_type, result.width, result.height) == ("JPEG", "image/jpeg", 40, 30)


def test_inspection_leaves_the_upload_open_and_rewound_for_saving():
    uploaded = upload(fixture_bytes("photo.webp"), "photo.webp")
    uploaded.read(10)
    inspect_upload(uploaded, name="photo.webp")
    assert not uploaded.closed
    assert uploaded.tell() == 0
    assert uploaded.read() == fixture_bytes("photo.webp")


def test_a_plain_open_file_without_a_size_attribute_works_too():
    with open(PHOTOS / "photo.png", "rb") as handle:
        result = inspect_upload(handle, name="photo.png")
        assert not handle.closed
        assert handle.tell() == 0
    assert result.format == "PNG"


# --------------------------------------------------------------------------------------
# refusals
# --------------------------------------------------------------------------------------


def test_empty_file_is_rejected_with_clear_message():
    error = refusal(b"", "holiday.jpg")
    assert error.code == "empty"
    assert '"holiday.jpg"' in message(error)
    assert "empty" in message(error)
    assert "upload it again" in message(error)


def test_file_over_the_byte_limit_is_rejected_from_its_size_before_anything_is_read(settings):
    settings.NEWSROOM_PHOTO_MAX_BYTES = 10 * 1024 * 1024

    class HugeUpload:
        size = 30 * 1024 * 1024

        def read(self, *args):
            raise AssertionError("an oversized upload must not be read")

        def seek(self, *args):
            raise AssertionError("an oversized upload must not be touched")

    with pytest.raises(ValidationError) as caught:
        inspect_upload(HugeUpload(), name="raw-scan.jpg")
    assert caught.value.code == "too_large"
    text = message(caught.value)
    assert '"raw-scan.jpg"' in text
    assert "30.0 MB" in text and "10.0 MB" in text
    assert "smaller" in text


def test_byte_limit_holds_even_when_the_declared_size_is_wrong(settings):
    settings.NEWSROOM_PHOTO_MAX_BYTES = 1000
    data = fixture_bytes("photo.png")
    assert len(data) > 1000
    lying = upload(data, "photo.png")
    lying.size = 10
    with pytest.raises(ValidationError) as caught:
        inspect_upload(lying, name="photo.png")
    assert caught.value.code == "too_large"
    assert message(caught.value) == (
        '"photo.png" is larger than the 1000 bytes limit for photos. Export a smaller version '
        "(fewer pixels or a little more JPEG compression) and upload that."
    )


def test_renamed_text_file_is_rejected_with_clear_message():
    error = refusal(fixture_bytes("not_an_image.jpg"), "not_an_image.jpg")
    assert error.code == "not_an_image"
    text = message(error)
    assert '"not_an_image.jpg"' in text
    assert "not an image" in text
    assert "JPEG" in text and "PNG" in text and "WebP" in text


@pytest.mark.parametrize("name", ["drawing.svg", "drawing.jpg", "drawing.png"])
def test_svg_is_rejected_as_svg_whatever_it_is_called(name):
    error = refusal(fixture_bytes("drawing.svg"), name)
    assert error.code == "svg_not_accepted"
    text = message(error)
    assert f'"{name}"' in text
    assert "SVG is not accepted" in text
    assert "PNG" in text


@pytest.mark.parametrize(
    "svg",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>',
        b"\xef\xbb\xbf  <!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' 'x.dtd'>\n<svg></svg>",
        b"<?xml version='1.0'?><?xml-stylesheet href='a.css'?><!-- c --><svg:svg xmlns:svg='x'/>",
    ],
)
def test_svg_is_recognised_with_or_without_prolog(svg):
    assert refusal(svg, "x.png").code == "svg_not_accepted"


def test_html_page_containing_an_svg_is_not_an_image_rather_than_an_svg():
    page = b"<!DOCTYPE html><html><body><svg></svg></body></html>"
    assert refusal(page, "page.jpg").code == "not_an_image"


def _bmp() -> bytes:
    return picture_bytes("BMP")


def _tiff() -> bytes:
    return picture_bytes("TIFF")


@pytest.mark.parametrize(
    ("make", "kind"),
    [(lambda: fixture_bytes("animation.gif"), "GIF"), (_bmp, "BMP"), (_tiff, "TIFF")],
    ids=["gif", "bmp", "tiff"],
)
def test_other_image_formats_are_rejected_naming_the_format(make, kind):
    error = refusal(make(), "picture.jpg")
    assert error.code == "unsupported_format"
    text = message(error)
    assert '"picture.jpg"' in text
    assert f"is a {kind} file" in text
    assert "JPEG, PNG, WebP" in text


def test_iphone_heic_photo_is_named_in_the_refusal():
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 200
    error = refusal(heic, "IMG_0001.jpg")
    assert error.code == "unsupported_format"
    assert "HEIC" in message(error)


def test_decompression_bomb_png_is_refused_from_its_header_without_decoding(decoding_is_forbidden):
    data = fixture_bytes("bomb_30000x30000.png")
    assert len(data) < 1024
    started = time.perf_counter()
    error = refusal(data, "bomb_30000x30000.png")
    elapsed = time.perf_counter() - started
    assert error.code == "too_many_pixels"
    assert '"bomb_30000x30000.png"' in message(error)
    assert "50 megapixels" in message(error)
    assert decoding_is_forbidden == []
    assert elapsed < 0.5


def test_picture_over_our_pixel_limit_is_refused_before_decoding(settings, decoding_is_forbidden):
    # 8000 x 8000 = 64 MP: over our 50 MP default, under Pillow's own bomb threshold.
    settings.NEWSROOM_PHOTO_MAX_PIXELS = 50_000_000
    assert Image.MAX_IMAGE_PIXELS > 8000 * 8000
    error = refusal(png_claiming(8000, 8000), "big.png")
    assert error.code == "too_many_pixels"
    assert "8000 × 8000 pixels (64 megapixels)" in message(error)
    assert "limit of 50 megapixels" in message(error)
    assert decoding_is_forbidden == []


def test_configured_pixel_limit_applies_to_real_pictures(settings):
    settings.NEWSROOM_PHOTO_MAX_PIXELS = 3000  # the fixture is 64 x 48 = 3072
    error = refusal(fixture_bytes("iptc_utf8.jpg"), "small.jpg")
    assert error.code == "too_many_pixels"
    assert "64 × 48" in message(error)


def test_pillow_bomb_warning_is_a_refusal_not_a_traceback(settings, decoding_is_forbidden):
    settings.NEWSROOM_PHOTO_MAX_PIXELS = 10**12  # leave only Pillow's own threshold
    data = png_claiming(12000, 12000)  # above Image.MAX_IMAGE_PIXELS, below twice that
    with pytest.warns(Image.DecompressionBombWarning):
        assert refusal(data, "warned.png").code == "too_many_pixels"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # as under `python -W error`
        assert refusal(data, "warned.png").code == "too_many_pixels"
    assert decoding_is_forbidden == []


def test_pillow_bomb_error_is_a_refusal_not_a_traceback(settings):
    settings.NEWSROOM_PHOTO_MAX_PIXELS = 10**12
    assert refusal(png_claiming(30000, 30000), "huge.png").code == "too_many_pixels"


def test_truncated_jpeg_is_rejected_as_damaged():
    error = refusal(fixture_bytes("truncated.jpg"), "cut.jpg")
    assert error.code == "corrupt"
    text = message(error)
    assert '"cut.jpg"' in text
    assert "JPEG" in text
    assert "damaged or incomplete" in text
    assert "again" in text


def test_truncated_png_is_rejected_as_damaged():
    data = picture_bytes("PNG", (200, 200), "RGB", compress_level=0)
    assert refusal(data[: len(data) // 2], "cut.png").code == "corrupt"


def test_png_with_damaged_pixel_data_is_rejected_as_damaged():
    data = bytearray(picture_bytes("PNG", (64, 48)))
    start = data.index(b"IDAT")
    length = struct.unpack(">I", data[start - 4 : start])[0]
    for offset in range(start + 6, start + 4 + length - 4):
        data[offset] ^= 0x5A  # scramble the zlib stream, keep its header
    data[start + 4 + length : start + 8 + length] = struct.pack(
        ">I", zlib.crc32(bytes(data[start : start + 4 + length]))
    )
    assert refusal(bytes(data), "broken.png").code == "corrupt"


def test_jpeg_whose_header_is_garbage_is_rejected_as_damaged():
    data = b"\xff\xd8\xff\xe0" + b"\x00\x10JFIF\x00" + bytes(range(256)) * 4
    error = refusal(data, "garbage.jpg")
    assert error.code in {"corrupt"}
    assert "JPEG" in message(error)


def test_truncated_images_are_never_loaded_leniently():
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False
    refusal(fixture_bytes("truncated.jpg"), "cut.jpg")
    inspect_fixture("photo.png")
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


def test_each_refusal_has_its_own_code_and_names_the_file(settings):
    cases = {
        "empty": b"",
        "not_an_image": fixture_bytes("not_an_image.jpg"),
        "svg_not_accepted": fixture_bytes("drawing.svg"),
        "unsupported_format": fixture_bytes("animation.gif"),
        "too_many_pixels": fixture_bytes("bomb_30000x30000.png"),
        "corrupt": fixture_bytes("truncated.jpg"),
    }
    seen = {}
    for expected, data in cases.items():
        error = refusal(data, f"case-{expected}.jpg")
        assert error.code == expected
        assert f'"case-{expected}.jpg"' in message(error)
        seen[expected] = message(error)
    settings.NEWSROOM_PHOTO_MAX_BYTES = 10
    error = refusal(fixture_bytes("photo.png"), "case-too_large.jpg")
    assert error.code == "too_large"
    seen["too_large"] = message(error)
    assert len(set(seen.values())) == 7


def test_file_name_in_messages_drops_folders_and_control_characters():
    error = refusal(b"", "C:\\Users\\ana\\Desktop/evil\x1b[31m\u202ename.jpg")
    text = message(error)
    assert '"evil[31mname.jpg"' in text
    assert "\x1b" not in text and "\u202e" not in text and "Users" not in text


def test_a_refused_upload_is_left_as_it_was():
    uploaded = upload(fixture_bytes("truncated.jpg"), "cut.jpg")
    with pytest.raises(ValidationError):
        inspect_upload(uploaded, name="cut.jpg")
    assert not uploaded.closed
    assert uploaded.tell() == 0


# --------------------------------------------------------------------------------------
# IPTC IIM
# --------------------------------------------------------------------------------------


def test_iptc_in_utf8_is_read_using_the_declared_character_set():
    meta = inspect_fixture("iptc_utf8.jpg").metadata
    assert meta.raw["iptc"]["CodedCharacterSet"] == "ESC % G"
    assert meta.caption == "Die Fähre legt in Ærøskøbing an; Passagiere aus Zürich und São Paulo."
    assert meta.headline == "Fähre nach Ærøskøbing"
    assert meta.photographer == "Zoë Åberg"
    assert meta.credit == "Nordlicht Bild"
    assert meta.source == "Nordlicht Agentur"
    assert meta.copyright == "© 2024 Zoë Åberg"
    assert meta.keywords == ("Zürich", "São Paulo", "Ærøskøbing")
    assert meta.city == "Ærøskøbing"
    assert meta.country == "Danmark"
    assert meta.location == "Havnen"
    assert meta.taken_at == datetime.fromisoformat("2024-06-01T09:15:30+02:00")
    assert meta.taken_at.utcoffset() == timedelta(hours=2)
    assert meta.alt_text == ""


def test_iptc_in_latin1_without_a_charset_marker_falls_back_to_latin1():
    data = fixture_bytes("iptc_latin1.jpg")
    assert b"Z\xfcrich" in data  # really Latin-1 on disk
    assert b"\x1c\x01\x5a" not in data  # and no 1:90 CodedCharacterSet
    meta = metadata_of(data)
    assert "CodedCharacterSet" not in meta.raw["iptc"]
    assert meta.caption == "Café am Hafen in Zürich, Straße gesperrt."
    assert meta.headline == "Grüße aus Zürich"
    assert meta.photographer == "Jörg Müller"
    assert meta.city == "Zürich"
    assert meta.country == "Schweiz"
    assert meta.keywords == ("Zürich", "Straße")


def test_iptc_without_a_charset_marker_is_read_as_utf8_when_it_is_valid_utf8():
    data = jpeg_with_iptc(iim(2, 0, b"\x00\x04"), iim(2, 90, "São Paulo".encode()), iim(2, 101, b"Brasil"))
    meta = metadata_of(data)
    assert meta.city == "São Paulo"
    assert meta.raw["iptc"]["ApplicationRecordVersion"] == 4


def test_undeclared_windows_1252_punctuation_is_decoded_as_cp1252():
    data = jpeg_with_iptc(iim(2, 120, "“Quoted” – caption €5".encode("cp1252")))
    assert metadata_of(data).caption == "“Quoted” – caption €5"


def test_repeated_iptc_bylines_and_keywords_are_all_kept():
    data = jpeg_with_iptc(
        iim(1, 90, b"\x1b%G"),
        iim(2, 80, b"Ana Lima"),
        iim(2, 80, b"Bo Chen"),
        iim(2, 25, b"elections"),
        iim(2, 25, b"Elections"),
        iim(2, 25, b"vote"),
    )
    meta = metadata_of(data)
    assert meta.photographer == "Ana Lima; Bo Chen"
    assert meta.keywords == ("elections", "vote")  # duplicates dropped, order kept
    assert meta.raw["iptc"]["By-line"] == ["Ana Lima", "Bo Chen"]


def test_iptc_date_without_time_or_offset_is_made_aware_in_the_default_time_zone(settings):
    settings.TIME_ZONE = "Europe/Zurich"
    meta = inspect_fixture("iptc_latin1.jpg").metadata
    assert meta.taken_at.tzinfo is not None
    assert meta.taken_at.isoformat() == "2023-12-24T00:00:00+01:00"


def test_broken_iptc_block_is_ignored_without_error():
    data = jpeg_with_iptc(iim(2, 105, b"Good headline") + b"\x1c\x02\x78\xff\xff" + b"short")
    meta = inspect_upload(upload(data, "x.jpg"), name="x.jpg").metadata
    assert meta.headline == "Good headline"
    assert meta.caption == ""


# --------------------------------------------------------------------------------------
# XMP
# --------------------------------------------------------------------------------------


def test_xmp_only_file_gives_every_field_including_alt_text():
    data = fixture_bytes("xmp_only.jpg")
    assert b"Photoshop 3.0" not in data and b"Exif\x00" not in data
    meta = metadata_of(data)
    assert meta.raw["iptc"] == {} and meta.raw["exif"] == {}
    assert meta.caption == "Ein Fischerboot im Hafen von Ærøskøbing bei Sonnenaufgang."
    assert meta.alt_text == "Ein blaues Holzboot liegt an einer Kaimauer, dahinter bunte Häuser."
    assert meta.headline == "Morgen im Hafen"
    assert meta.photographer == "Zoë Åberg"
    assert meta.credit == "Nordlicht Bild"
    assert meta.source == "Nordlicht Agentur"
    assert meta.copyright == "© 2024 Nordlicht Bild"
    assert meta.keywords == ("Hafen", "Fischerei", "Dänemark")
    assert meta.city == "Ærøskøbing"
    assert meta.country == "Danmark"
    assert meta.location == "Havnen"
    assert meta.taken_at == datetime.fromisoformat("2024-06-02T05:45:00+02:00")


def test_xmp_is_preferred_over_iptc_when_the_two_differ():
    meta = inspect_fixture("xmp_and_iptc.jpg").metadata
    assert meta.raw["iptc"]["Caption-Abstract"].startswith("IPTC caption")
    assert meta.raw["xmp"]["dc:description"] == {"x-default": "XMP caption: the corrected text."}
    assert meta.caption == "XMP caption: the corrected text."
    assert meta.headline == "XMP headline"
    assert meta.photographer == "XMP Photographer"
    assert meta.keywords == ("xmp-keyword",)
    assert meta.credit == "Same Agency"
    assert meta.alt_text == "Two people shake hands in front of a lake."


def test_iptc_fills_fields_the_xmp_leaves_empty():
    assert inspect_fixture("xmp_and_iptc.jpg").metadata.city == "Genève"


def test_xmp_in_png_and_webp_is_read():
    png = inspect_fixture("photo.png").metadata
    assert png.caption == "PNG caption from XMP."
    assert png.photographer == "PNG Photographer"  # XMP beats the PNG's EXIF Artist
    webp = inspect_fixture("photo.webp").metadata
    assert webp.caption == "WebP caption from XMP."
    assert webp.alt_text == "A gradient test card."
    assert webp.photographer == "WebP EXIF Artist"


def test_xmp_written_as_attributes_and_nested_structures_is_read():
    body = """
  <rdf:Description rdf:about=''
    xmlns:photoshop='http://ns.adobe.com/photoshop/1.0/'
    xmlns:ns9='http://iptc.org/std/Iptc4xmpExt/2008-02-29/'
    photoshop:Headline='Attribute headline'
    photoshop:DateCreated='2021-07-04T18:30:05.25Z'>
   <ns9:LocationCreated>
    <rdf:Bag><rdf:li rdf:parseType='Resource'>
      <ns9:City>Lisboa</ns9:City><ns9:CountryName>Portugal</ns9:CountryName>
      <ns9:Sublocation>Alfama</ns9:Sublocation>
    </rdf:li></rdf:Bag>
   </ns9:LocationCreated>
  </rdf:Description>"""
    meta = metadata_of(jpeg_with_xmp(body))
    assert meta.headline == "Attribute headline"
    assert (meta.city, meta.country, meta.location) == ("Lisboa", "Portugal", "Alfama")
    assert meta.taken_at == datetime.fromisoformat("2021-07-04T18:30:05.250000+00:00")
    # keys use canonical prefixes whatever the file called the namespace
    assert meta.raw["xmp"]["Iptc4xmpExt:LocationCreated"][0]["Iptc4xmpExt:City"] == "Lisboa"


def test_xmp_alt_text_without_x_default_uses_the_first_language():
    body = """
  <rdf:Description rdf:about='' xmlns:Iptc4xmpCore='http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/'>
   <Iptc4xmpCore:AltTextAccessibility><rdf:Alt>
     <rdf:li xml:lang='fr'>Un chat sur un toit.</rdf:li>
     <rdf:li xml:lang='en'>A cat on a roof.</rdf:li>
   </rdf:Alt></Iptc4xmpCore:AltTextAccessibility>
  </rdf:Description>"""
    meta = metadata_of(jpeg_with_xmp(body))
    assert meta.alt_text == "Un chat sur un toit."
    assert meta.raw["xmp"]["Iptc4xmpCore:AltTextAccessibility"] == {
        "fr": "Un chat sur un toit.",
        "en": "A cat on a roof.",
    }


def test_malformed_xmp_is_noted_for_the_desk_and_does_not_stop_the_upload():
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "JPEG", xmp=b"<x:xmpmeta><rdf:RDF><unclosed>")
    result = inspect_upload(upload(buf.getvalue(), "x.jpg"), name="x.jpg")
    assert result.metadata.caption == ""
    assert any(p.startswith("xmp:") for p in result.metadata.raw["problems"])


def test_xmp_with_entity_expansion_is_refused_by_the_safe_parser():
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>&c;</x:xmpmeta>"
    )
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "JPEG", xmp=bomb)
    meta = metadata_of(buf.getvalue())
    assert meta.raw["xmp"] == {}
    assert meta.raw["problems"]


# --------------------------------------------------------------------------------------
# EXIF and orientation
# --------------------------------------------------------------------------------------


def test_exif_orientation_6_swaps_reported_width_and_height():
    result = inspect_fixture("exif_orientation6_gps.jpg")
    with Image.open(PHOTOS / "exif_orientation6_gps.jpg") as stored:
        assert stored.size == (64, 48)
    assert (result.width, result.height) == (48, 64)
    assert result.metadata.raw["exif"]["Orientation"] == 6


def test_exif_gives_photographer_copyright_and_capture_time_when_nothing_else_does():
    meta = inspect_fixture("exif_orientation6_gps.jpg").metadata
    assert meta.photographer == "EXIF Artist"
    assert meta.copyright == "EXIF Copyright 2024"
    assert meta.taken_at == datetime.fromisoformat("2024-03-05T14:30:00+01:00")
    assert meta.caption == "Rotated test picture."  # XMP, over the IPTC caption


def test_exif_capture_time_without_offset_is_made_aware_in_the_default_time_zone(settings):
    settings.TIME_ZONE = "Europe/Zurich"
    meta = inspect_fixture("photo.webp").metadata
    assert meta.taken_at.isoformat() == "2022-02-22T22:22:22+01:00"


def test_naive_capture_time_is_utc_when_django_settings_are_not_configured(monkeypatch):
    monkeypatch.setattr(metadata, "settings", types.SimpleNamespace(configured=False))
    meta = metadata_of(fixture_bytes("photo.webp"))
    assert meta.taken_at.isoformat() == "2022-02-22T22:22:22+00:00"


def test_exif_text_written_as_utf8_is_read_correctly():
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "Zoë Åberg".encode()  # UTF-8 bytes, as phones write them
    exif[ExifTags.Base.Copyright] = "© Café Presse".encode("latin-1")  # not UTF-8: kept as is
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "JPEG", exif=exif)
    assert "Zoë Åberg".encode() in buf.getvalue()
    meta = metadata_of(buf.getvalue())
    assert meta.photographer == "Zoë Åberg"
    assert meta.copyright == "© Café Presse"


def test_raw_metadata_is_json_ready_with_readable_keys_and_keeps_gps_for_the_desk():
    raw = inspect_fixture("exif_orientation6_gps.jpg").metadata.raw
    assert set(raw) >= {"iptc", "xmp", "exif"}
    json.dumps(raw)  # no bytes, no rationals
    assert raw["exif"]["Make"] == "TestCam"
    assert raw["exif"]["BodySerialNumber"] == "SN-0042-SECRET"
    assert raw["exif"]["GPS"]["GPSLatitudeRef"] == "N"
    assert raw["exif"]["GPS"]["GPSLatitude"] == [47.0, 22.0, 36.84]
    assert raw["iptc"]["Caption-Abstract"] == "Rotated test picture (IPTC)."
    assert raw["xmp"]["dc:description"] == {"x-default": "Rotated test picture."}


@pytest.mark.parametrize(
    "name",
    ["iptc_utf8.jpg", "iptc_latin1.jpg", "xmp_only.jpg", "xmp_and_iptc.jpg", "photo.png", "photo.webp"],
)
def test_raw_metadata_of_every_fixture_serialises_to_json(name):
    json.dumps(inspect_fixture(name).metadata.raw)


def test_gps_and_serial_numbers_appear_only_in_the_desk_only_raw_data():
    meta = inspect_fixture("exif_orientation6_gps.jpg").metadata
    public = json.dumps({k: v for k, v in vars(meta).items() if k != "raw"}, default=str)
    assert "36.84" not in public and "GPS" not in public and "SN-0042" not in public
    assert "36.84" in json.dumps(meta.raw) and "SN-0042" in json.dumps(meta.raw)


# --------------------------------------------------------------------------------------
# text hygiene
# --------------------------------------------------------------------------------------


def test_text_from_files_is_data_control_characters_stripped_and_whitespace_trimmed():
    data = jpeg_with_iptc(
        iim(1, 90, b"\x1b%G"),
        iim(2, 105, b"  Head\x07line\x00 with\ttab \x1b[2J "),
        iim(2, 120, b"First line\r\nSecond <b>line</b> & more\x0c\n\n\n\nEnd  "),
    )
    meta = metadata_of(data)
    assert meta.headline == "Headline with tab [2J"
    assert meta.caption == "First line\nSecond <b>line</b> & more\n\nEnd"  # markup kept as literal text


def test_absurdly_long_text_is_capped():
    data = jpeg_with_iptc(iim(2, 120, b"x" * 20000), iim(2, 25, b"k" * 500))
    meta = metadata_of(data)
    assert len(meta.caption) == embedded.MAX_TEXT_LENGTH == 5000
    assert meta.keywords == ("k" * embedded.MAX_KEYWORD_LENGTH,)


def test_extended_length_iptc_dataset_is_read():
    value = "ä".encode() * 20000  # 40000 bytes: over 32767, so the extended form is needed
    dataset = bytes([0x1C, 2, 120]) + b"\x80\x04" + struct.pack(">I", len(value)) + value
    meta = metadata_of(jpeg_with_iptc(iim(1, 90, b"\x1b%G"), dataset))
    assert meta.caption == "ä" * 5000


# --------------------------------------------------------------------------------------
# cleaning
# --------------------------------------------------------------------------------------


def _saved(image: Image.Image, fmt: str) -> bytes:
    buf = io.BytesIO()
    image.save(buf, fmt)
    return buf.getvalue()


def test_clean_image_stands_the_picture_upright():
    with Image.open(PHOTOS / "exif_orientation6_gps.jpg") as original:
        cleaned = clean_image(original)
    assert cleaned.size == (48, 64)
    assert cleaned.mode == "RGB"
    red_corner = cleaned.getpixel((44, 3))  # top right after rotating 90 degrees clockwise
    blue_corner = cleaned.getpixel((3, 3))
    assert red_corner[0] > 200 and red_corner[2] < 60
    assert blue_corner[2] > 200 and blue_corner[0] < 60


@pytest.mark.parametrize("fmt", ["JPEG", "WEBP", "PNG"])
def test_clean_image_saved_again_carries_no_exif_gps_xmp_or_iptc(fmt):
    with Image.open(PHOTOS / "exif_orientation6_gps.jpg") as original:
        assert original.getexif() and "xmp" in original.info and "photoshop" in original.info
        cleaned = clean_image(original)
    assert cleaned.info == {}
    assert not cleaned.getexif()
    data = _saved(cleaned, fmt)
    for secret in (b"SN-0042", b"TestCam", b"Rotated test picture", b"EXIF Artist", b"Exif\x00", b"xpacket"):
        assert secret not in data
    with Image.open(io.BytesIO(data)) as reopened:
        exif = reopened.getexif()
        assert not exif
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
        assert "exif" not in reopened.info
        assert "xmp" not in reopened.info
        assert "photoshop" not in reopened.info
        assert "icc_profile" not in reopened.info or not reopened.info["icc_profile"]
        assert reopened.size == (48, 64)
        meta = read_metadata(reopened)
    assert meta.raw["iptc"] == {} and meta.raw["xmp"] == {} and meta.raw["exif"] == {}


def test_clean_image_of_webp_fixture_drops_its_gps_and_xmp():
    with Image.open(PHOTOS / "photo.webp") as original:
        assert original.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        cleaned = clean_image(original)
    with Image.open(io.BytesIO(_saved(cleaned, "WEBP"))) as reopened:
        assert not reopened.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert "xmp" not in reopened.info and "exif" not in reopened.info


def test_clean_image_keeps_png_transparency_and_drops_text_chunks():
    with Image.open(PHOTOS / "photo.png") as original:
        assert original.info.get("Comment") == "made for tests"
        cleaned = clean_image(original)
    assert cleaned.mode == "RGBA"
    assert cleaned.getpixel((0, 0))[3] == 0
    with Image.open(io.BytesIO(_saved(cleaned, "PNG"))) as reopened:
        assert "Comment" not in reopened.info
        assert "xmp" not in reopened.info and "exif" not in reopened.info
        assert not reopened.getexif()


@pytest.mark.parametrize(
    ("mode", "expected_mode"),
    [("P", "RGB"), ("L", "RGB"), ("CMYK", "RGB"), ("LA", "RGBA"), ("I;16", "RGB")],
)
def test_clean_image_converts_other_modes_to_rgb_or_rgba(mode, expected_mode):
    image = Image.new(mode, (4, 4))
    if mode == "I;16":
        image = Image.new("I;16", (4, 4), 32768)  # mid grey in 16 bits
    cleaned = clean_image(image)
    assert cleaned.mode == expected_mode
    if mode == "I;16":
        assert cleaned.getpixel((0, 0)) == (128, 128, 128)  # scaled, not clipped to white


def test_clean_image_drops_an_embedded_colour_profile():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 100, 50)).save(buf, "JPEG", icc_profile=srgb, quality=95)
    with Image.open(buf) as original:
        assert original.info.get("icc_profile")
        cleaned = clean_image(original)
    assert "icc_profile" not in cleaned.info
    red, green, blue = cleaned.getpixel((4, 4))
    assert abs(red - 200) < 8 and abs(green - 100) < 8 and abs(blue - 50) < 8
    with Image.open(io.BytesIO(_saved(cleaned, "JPEG"))) as reopened:
        assert not reopened.info.get("icc_profile")


def test_clean_image_leaves_the_original_untouched():
    with Image.open(PHOTOS / "exif_orientation6_gps.jpg") as original:
        clean_image(original)
        assert original.size == (64, 48)
        assert original.getexif()[ExifTags.Base.Orientation] == 6
        assert "xmp" in original.info


# --------------------------------------------------------------------------------------
# hashing
# --------------------------------------------------------------------------------------


def test_content_hash_is_the_sha256_of_the_bytes_and_rewinds():
    data = bytes(range(256)) * 9000  # over 2 MB: several chunks
    handle = io.BytesIO(data)
    handle.seek(1234)
    assert content_hash(handle) == hashlib.sha256(data).hexdigest()
    assert handle.tell() == 0


def test_content_hash_is_stable_across_calls_and_file_objects():
    data = fixture_bytes("photo.webp")
    first = content_hash(io.BytesIO(data))
    assert content_hash(io.BytesIO(data)) == first
    assert content_hash(upload(data, "other-name.webp")) == first
    with open(PHOTOS / "photo.webp", "rb") as handle:
        assert content_hash(handle) == first
    assert inspect_fixture("photo.webp").sha256 == first


def test_different_bytes_give_different_hashes():
    assert content_hash(io.BytesIO(b"a")) != content_hash(io.BytesIO(b"b"))
