"""Photo uploads: judge a file by its content, read its caption data, strip it clean.

Three jobs, kept free of models and storage so they can be used by the admin, by
bulk-import commands and by tests alike:

* ``inspect_upload`` decides whether an uploaded file is a photo we accept. Pillow
  decides what the file is; the name and its extension play no part. Limits on
  bytes (checked before anything is decoded) and on pixels (checked from the
  header, before anything is decoded), then a full decode so that truncated or
  damaged files are refused up front rather than failing later in a rendition.
  Every refusal is a ``ValidationError`` whose message names the file and says
  what to do, with one ``code`` per reason:

  ``empty``, ``too_large``, ``not_an_image``, ``svg_not_accepted``,
  ``unsupported_format``, ``too_many_pixels``, ``corrupt``.

* ``read_metadata`` reads what the photographer or agency wrote into the file
  (IPTC IIM, XMP, EXIF) into a ``PhotoMetadata``. XMP wins over IPTC IIM, which
  wins over EXIF. All text is treated as plain data: control characters removed,
  whitespace trimmed, lengths capped. It is never HTML.

  ``PhotoMetadata.raw`` keeps everything that was read, with readable keys, for
  the photo desk. It is *desk-only*: it includes GPS position and camera serial
  numbers when the file has them, so it must never be shown on a public page.

* ``clean_image`` returns an upright RGB/RGBA copy with no metadata at all, which
  is what renditions for readers are made from.

Only ``django.conf.settings`` (read with defaults), ``django.utils.timezone`` and
``ValidationError`` are used from Django, so this module works with or without a
configured project.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import ExifTags, Image, features

try:  # Colour management is optional: without it colours are converted naively.
    from PIL import ImageCms
except ImportError:  # pragma: no cover - depends on how Pillow was built
    ImageCms = None

from defusedxml import ElementTree as SafeElementTree

__all__ = [
    "ALLOWED_FORMATS",
    "InspectedImage",
    "PhotoMetadata",
    "clean_image",
    "content_hash",
    "inspect_upload",
    "max_bytes",
    "max_pixels",
    "read_metadata",
]

# --------------------------------------------------------------------------------------
# Limits and formats
# --------------------------------------------------------------------------------------

_BASE_FORMATS = ("JPEG", "PNG", "WEBP")
_AVIF_READABLE = bool(features.check("avif"))

#: Formats a photo may be in, as Pillow names them.
ALLOWED_FORMATS: frozenset[str] = frozenset(_BASE_FORMATS + (("AVIF",) if _AVIF_READABLE else ()))

# Pillow's JPEG opener hands back an "MPO" image for JPEGs that carry extra
# pictures (many phones and stereo cameras write these). It is still a JPEG file.
_FORMAT_ALIASES = {"MPO": "JPEG"}

_MIME_TYPES = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "AVIF": "image/avif",
}

_DISPLAY_NAMES = {"WEBP": "WebP", "JPEG": "JPEG", "PNG": "PNG", "AVIF": "AVIF", "MPO": "JPEG"}

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
DEFAULT_MAX_PIXELS = 50_000_000

#: Longest text kept from any one metadata field.
MAX_TEXT_LENGTH = 5000
#: Longest keyword kept (django-taggit names are at most 100 characters).
MAX_KEYWORD_LENGTH = 100
#: Most keywords kept from one file.
MAX_KEYWORDS = 200

_CHUNK_SIZE = 1024 * 1024
_SNIFF_BYTES = 8192


def max_bytes() -> int:
    """Largest accepted upload, in bytes (setting ``NEWSROOM_PHOTO_MAX_BYTES``)."""
    return int(getattr(settings, "NEWSROOM_PHOTO_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_pixels() -> int:
    """Largest accepted width × height (setting ``NEWSROOM_PHOTO_MAX_PIXELS``)."""
    return int(getattr(settings, "NEWSROOM_PHOTO_MAX_PIXELS", DEFAULT_MAX_PIXELS))


def _effective_max_pixels() -> int:
    """Our limit, never above the point where Pillow itself would warn of a bomb.

    Enforcing Pillow's threshold ourselves means its DecompressionBombWarning never
    decides anything on its own, so we need not touch the process-wide warnings
    filters (which are not thread-safe) to turn it into a refusal.
    """
    limit = max_pixels()
    pillow_limit = Image.MAX_IMAGE_PIXELS
    if pillow_limit:
        limit = min(limit, int(pillow_limit))
    return limit


# --------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhotoMetadata:
    """What the file says about the photo. Plain text, never HTML."""

    caption: str = ""
    headline: str = ""
    photographer: str = ""
    credit: str = ""
    source: str = ""
    copyright: str = ""
    keywords: tuple[str, ...] = ()
    city: str = ""
    country: str = ""
    taken_at: datetime | None = None
    alt_text: str = ""
    #: Sublocation (IPTC "Sub-location", XMP Iptc4xmpCore:Location), e.g. a street.
    location: str = ""
    #: Everything read, JSON-serialisable: {"iptc": {...}, "xmp": {...}, "exif": {...}}
    #: plus "problems" (a list) when a block could not be read. DESK-ONLY: may hold
    #: GPS position ("exif" -> "GPS") and camera serial numbers.
    raw: dict = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class InspectedImage:
    format: str  # one of ALLOWED_FORMATS
    mime_type: str
    width: int  # as displayed, i.e. after applying EXIF orientation
    height: int
    sha256: str
    size_bytes: int
    metadata: PhotoMetadata


# --------------------------------------------------------------------------------------
# Hashing
# --------------------------------------------------------------------------------------


def _hash_stream(fileobj, *, stop_after: int | None = None) -> tuple[str, int]:
    """Return (sha256 hex, bytes read); stop early once more than ``stop_after`` were read."""
    digest = hashlib.sha256()
    count = 0
    fileobj.seek(0)
    try:
        while True:
            chunk = fileobj.read(_CHUNK_SIZE)
            if not chunk:
                break
            digest.update(chunk)
            count += len(chunk)
            if stop_after is not None and count > stop_after:
                break
    finally:
        fileobj.seek(0)
    return digest.hexdigest(), count


def content_hash(fileobj) -> str:
    """SHA-256 (hex) of the file's bytes, read in chunks; leaves the file at position 0."""
    return _hash_stream(fileobj)[0]


# --------------------------------------------------------------------------------------
# Inspecting an upload
# --------------------------------------------------------------------------------------

_NAME_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def _display_name(name: str | None) -> str:
    """The file name as shown in messages: last path part, no control characters, capped."""
    text = str(name or "")
    text = re.split(r"[\\/]", text)[-1]
    text = _NAME_UNSAFE.sub("", text).strip()
    if len(text) > 120:
        text = text[:117] + "..."
    return text or "(unnamed file)"


def _human_bytes(count: int) -> str:
    if count < 1024:
        return f"{count} bytes"
    if count < 1024 * 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count / (1024 * 1024):.1f} MB"


def _megapixels(count: int) -> str:
    value = count / 1_000_000
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".rstrip("0").rstrip(".")


def _allowed_phrase() -> str:
    names = [_DISPLAY_NAMES[f] for f in ("JPEG", "PNG", "WEBP", "AVIF") if f in ALLOWED_FORMATS]
    return ", ".join(names[:-1]) + " or " + names[-1]


def _reject(message: str, code: str, **params: Any) -> ValidationError:
    return ValidationError(message, code=code, params=params)


def _declared_size(fileobj) -> int | None:
    size = getattr(fileobj, "size", None)
    if isinstance(size, int) and size >= 0:
        return size
    try:
        position = fileobj.tell()
        end = fileobj.seek(0, io.SEEK_END)
        fileobj.seek(position)
    except (AttributeError, OSError, ValueError):
        return None
    return end if isinstance(end, int) else None


def _too_many_pixels(label: str, width: int | None = None, height: int | None = None):
    limit = _megapixels(_effective_max_pixels())
    if width and height:
        return _reject(
            '"%(name)s" is %(width)d × %(height)d pixels (%(mp)s megapixels), more than the '
            "limit of %(limit)s megapixels. Resize it and upload it again.",
            "too_many_pixels",
            name=label,
            width=width,
            height=height,
            mp=_megapixels(width * height),
            limit=limit,
        )
    return _reject(
        '"%(name)s" claims to be far larger in pixels than the limit of %(limit)s megapixels '
        "(a possible decompression bomb), so it was not opened. Resize it and upload it again.",
        "too_many_pixels",
        name=label,
        limit=limit,
    )


def _corrupt(label: str, kind: str):
    return _reject(
        '"%(name)s" looks like a %(kind)s image but it is damaged or incomplete '
        "(perhaps a download or copy was cut short). Export or download it again and upload "
        "the new copy.",
        "corrupt",
        name=label,
        kind=kind,
    )


# Signatures Pillow cannot read but that people commonly upload, so that the message
# can say what the file is. (Pillow's own format sniffers are consulted first.)
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1")
_SVG_PROLOG = re.compile(
    rb"""\A(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE(?:[^\[>]|\[.*?\])*>)""",
    re.DOTALL | re.IGNORECASE,
)
_SVG_ROOT = re.compile(rb"\A<(?:[A-Za-z_][\w.-]*:)?svg[\s>/]", re.IGNORECASE)


def _looks_like_svg(head: bytes) -> bool:
    text = head.removeprefix(b"\xef\xbb\xbf")
    # Skip the XML declaration, comments, processing instructions and a DOCTYPE.
    for _ in range(50):
        match = _SVG_PROLOG.match(text)
        if not match or match.end() == 0:
            break
        text = text[match.end() :]
    return bool(_SVG_ROOT.match(text))


def _sniff_format(head: bytes) -> str | None:
    """Name the format from its signature only, without running any decoder."""
    Image.init()
    for fmt in Image.ID:
        _factory, accept = Image.OPEN[fmt]
        if accept is None:
            continue  # this plugin cannot tell from a signature; never guess
        try:
            result = accept(head[:16])  # Pillow's sniffers look at the first 16 bytes
        except Exception:
            continue
        if result and not isinstance(result, str):
            return _FORMAT_ALIASES.get(fmt, fmt)
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "HEIC"
    if head.startswith(b"%PDF-"):
        return "PDF"
    return None


def _refuse_unidentified(fileobj, label: str) -> ValidationError:
    fileobj.seek(0)
    head = fileobj.read(_SNIFF_BYTES)
    fileobj.seek(0)
    if _looks_like_svg(head):
        return _reject(
            '"%(name)s" is an SVG drawing. SVG is not accepted for photos (it is a document '
            "that can carry scripts and links); export it as PNG and upload that.",
            "svg_not_accepted",
            name=label,
        )
    kind = _sniff_format(head)
    if kind in ALLOWED_FORMATS:
        # The signature says JPEG/PNG/WebP but Pillow could not even read the header.
        return _corrupt(label, _DISPLAY_NAMES.get(kind, kind))
    if kind:
        return _reject(
            '"%(name)s" is a %(kind)s file. Only %(allowed)s photos are accepted; save it in '
            "one of those formats and upload it again.",
            "unsupported_format",
            name=label,
            kind=kind,
            allowed=_allowed_phrase(),
        )
    return _reject(
        '"%(name)s" is not an image: its contents are not a picture format we can read, '
        "whatever its name says. Upload a %(allowed)s photo.",
        "not_an_image",
        name=label,
        allowed=_allowed_phrase(),
    )


class _Lent:
    """Lends a file to Pillow without letting Pillow close it (``Image.close`` would)."""

    def __init__(self, fileobj) -> None:
        self._fileobj = fileobj

    def read(self, size: int = -1) -> bytes:
        return self._fileobj.read(size)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._fileobj.seek(offset, whence)

    def tell(self) -> int:
        return self._fileobj.tell()

    def close(self) -> None:
        pass


def _orientation(image: Image.Image) -> int:
    try:
        value = image.getexif().get(ExifTags.Base.Orientation, 1)
    except Exception:
        return 1
    try:
        value = int(value)
    except (TypeError, ValueError):
        return 1
    return value if 1 <= value <= 8 else 1


def inspect_upload(fileobj, *, name: str) -> InspectedImage:
    """Judge an uploaded file by its content and describe it.

    ``fileobj`` is any seekable binary file (a Django ``UploadedFile`` or ``File``,
    an open file, ``BytesIO``). ``name`` is used only in messages. The file is left
    at position 0 and nothing is written anywhere.

    Raises ``ValidationError`` (message names the file and the reason; ``code`` is
    one of ``empty``, ``too_large``, ``not_an_image``, ``svg_not_accepted``,
    ``unsupported_format``, ``too_many_pixels``, ``corrupt``).
    """
    label = _display_name(name)
    limit = max_bytes()

    # 1. Bytes, from the declared size, before reading or decoding anything.
    declared = _declared_size(fileobj)
    if declared == 0:
        raise _reject(
            '"%(name)s" is empty (0 bytes). Check the file on your computer and upload it again.',
            "empty",
            name=label,
        )
    if declared is not None and declared > limit:
        raise _too_large(label, declared, limit)

    # 2. Hash while counting what is really there (a declared size can be wrong).
    digest, size = _hash_stream(fileobj, stop_after=limit)
    if size == 0:
        raise _reject(
            '"%(name)s" is empty (0 bytes). Check the file on your computer and upload it again.',
            "empty",
            name=label,
        )
    if size > limit:  # the declared size was missing or wrong; we stopped reading early
        raise _too_large(label, None, limit)

    # 3. Identify from the header, restricted to the accepted formats.
    try:
        image = Image.open(_Lent(fileobj), formats=sorted(ALLOWED_FORMATS))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        fileobj.seek(0)
        raise _too_many_pixels(label) from None
    except Exception:
        # UnidentifiedImageError (not one of ours), or one of ours whose header a plugin
        # choked on: find out which, for the message.
        raise _refuse_unidentified(fileobj, label) from None

    try:
        fmt = _FORMAT_ALIASES.get(image.format or "", image.format or "")
        kind = _DISPLAY_NAMES.get(fmt, fmt)
        width, height = image.size
        if fmt not in ALLOWED_FORMATS:  # pragma: no cover - guarded by formats= above
            raise _refuse_unidentified(fileobj, label)
        if width <= 0 or height <= 0:
            raise _corrupt(label, kind)

        # 4. Pixels, from the header, before decoding.
        if width * height > _effective_max_pixels():
            raise _too_many_pixels(label, width, height)

        # 5. Decode everything, so truncation and damage show up now. A JPEG is decoded at
        # 1/8 scale: every byte of it is still read and checked, at a fraction of the cost.
        try:
            if fmt == "JPEG":
                image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
            image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_many_pixels(label, width, height) from None
        except Exception:
            raise _corrupt(label, kind) from None

        metadata = read_metadata(image)
        shown_width, shown_height = (height, width) if _orientation(image) in (5, 6, 7, 8) else (width, height)
    finally:
        image.close()
        fileobj.seek(0)

    return InspectedImage(
        format=fmt,
        mime_type=_MIME_TYPES[fmt],
        width=shown_width,
        height=shown_height,
        sha256=digest,
        size_bytes=size,
        metadata=metadata,
    )


def _too_large(label: str, size: int | None, limit: int) -> ValidationError:
    advice = "Export a smaller version (fewer pixels or a little more JPEG compression) and upload that."
    if size is None:
        return _reject(
            '"%(name)s" is larger than the %(limit)s limit for photos. ' + advice,
            "too_large",
            name=label,
            limit=_human_bytes(limit),
        )
    return _reject(
        '"%(name)s" is %(size)s, more than the %(limit)s limit for photos. ' + advice,
        "too_large",
        name=label,
        size=_human_bytes(size),
        limit=_human_bytes(limit),
    )


# --------------------------------------------------------------------------------------
# Text hygiene
# --------------------------------------------------------------------------------------

# C0 and C1 controls except \n (tabs and returns are normalised first), DEL, BOM,
# non-characters and stray surrogates.
_STRIP_CHARS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")


def _clean_text(value: Any, *, multiline: bool = False, limit: int = MAX_TEXT_LENGTH) -> str:
    if value is None:
        return ""
    text = str(value)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\t", " ")
    text = _STRIP_CHARS.sub("", text)
    if multiline:
        lines = [line.strip() for line in text.split("\n")]
        text = "\n".join(lines)
        text = re.sub(r"\n{3,}", "\n\n", text)
    else:
        text = " ".join(text.split())
    text = text.strip()
    if len(text) > limit:
        text = text[:limit].rstrip()
    return text


def _clean_keywords(values: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    result: list[str] = []
    for value in values:
        word = _clean_text(value, limit=MAX_KEYWORD_LENGTH)
        if not word or word.casefold() in seen:
            continue
        seen.add(word.casefold())
        result.append(word)
        if len(result) >= MAX_KEYWORDS:
            break
    return tuple(result)


# --------------------------------------------------------------------------------------
# IPTC IIM
# --------------------------------------------------------------------------------------

_IIM_NAMES = {
    (1, 0): "EnvelopeRecordVersion",
    (1, 90): "CodedCharacterSet",
    (2, 0): "ApplicationRecordVersion",
    (2, 4): "ObjectAttributeReference",
    (2, 5): "ObjectName",
    (2, 7): "EditStatus",
    (2, 10): "Urgency",
    (2, 12): "SubjectReference",
    (2, 15): "Category",
    (2, 20): "SupplementalCategories",
    (2, 22): "FixtureIdentifier",
    (2, 25): "Keywords",
    (2, 26): "ContentLocationCode",
    (2, 27): "ContentLocationName",
    (2, 40): "SpecialInstructions",
    (2, 55): "DateCreated",
    (2, 60): "TimeCreated",
    (2, 62): "DigitalCreationDate",
    (2, 63): "DigitalCreationTime",
    (2, 65): "OriginatingProgram",
    (2, 70): "ProgramVersion",
    (2, 80): "By-line",
    (2, 85): "By-lineTitle",
    (2, 90): "City",
    (2, 92): "Sub-location",
    (2, 95): "Province-State",
    (2, 100): "Country-PrimaryLocationCode",
    (2, 101): "Country-PrimaryLocationName",
    (2, 103): "OriginalTransmissionReference",
    (2, 105): "Headline",
    (2, 110): "Credit",
    (2, 115): "Source",
    (2, 116): "CopyrightNotice",
    (2, 118): "Contact",
    (2, 120): "Caption-Abstract",
    (2, 122): "Writer-Editor",
    (2, 221): "Prefs",
}
_IIM_REPEATABLE = {(2, 4), (2, 12), (2, 20), (2, 25), (2, 26), (2, 27), (2, 80), (2, 85), (2, 118), (2, 122)}
_IIM_MULTILINE = {(2, 120), (2, 116), (2, 40)}
_IIM_BINARY_INT = {(1, 0), (2, 0)}

# ISO 2022 escape sequences seen in 1:90.
_IIM_UTF8_MARKERS = (b"\x1b%G", b"\x1b%/G", b"\x1b%/H", b"\x1b%/I")
_IIM_LATIN1_MARKERS = (b"\x1b-A", b"\x1b.A")

_IPTC_RESOURCE_ID = 0x0404  # Photoshop image resource holding the IIM block


def _iim_datasets(data: bytes) -> list[tuple[int, int, bytes]]:
    """Split an IIM block into (record, dataset, value) triples; stop at anything odd."""
    found: list[tuple[int, int, bytes]] = []
    offset, total = 0, len(data)
    while offset + 5 <= total and len(found) < 5000:
        if data[offset] != 0x1C:
            break
        record, dataset = data[offset + 1], data[offset + 2]
        length = int.from_bytes(data[offset + 3 : offset + 5], "big")
        offset += 5
        if length & 0x8000:  # extended dataset: the next N bytes hold the length
            width = length & 0x7FFF
            if width == 0 or width > 4 or offset + width > total:
                break
            length = int.from_bytes(data[offset : offset + width], "big")
            offset += width
        if offset + length > total:
            break
        found.append((record, dataset, data[offset : offset + length]))
        offset += length
    return found


def _decode_iim(value: bytes, charset: str | None) -> str:
    value = value.rstrip(b"\x00")
    if charset == "utf-8":
        return value.decode("utf-8", errors="replace")
    if charset is None:
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            pass
    try:
        return value.decode("cp1252")
    except UnicodeDecodeError:
        return value.decode("latin-1")


def _read_iptc(image: Image.Image) -> dict[str, Any]:
    """IIM datasets as {readable name: str | list[str] | int}, decoded by the declared charset."""
    photoshop = image.info.get("photoshop")
    if not isinstance(photoshop, dict):
        return {}
    block = photoshop.get(_IPTC_RESOURCE_ID)
    if not isinstance(block, (bytes, bytearray)):
        return {}
    datasets = _iim_datasets(bytes(block))

    charset: str | None = None
    for record, number, value in datasets:
        if (record, number) == (1, 90):
            if value.startswith(_IIM_UTF8_MARKERS):
                charset = "utf-8"
            elif value.startswith(_IIM_LATIN1_MARKERS):
                charset = "latin-1"

    result: dict[str, Any] = {}
    for record, number, value in datasets:
        key = (record, number)
        if record not in (1, 2) or (record == 2 and number >= 200 and number != 221):
            continue  # object data, previews and other binary records
        name = _IIM_NAMES.get(key, f"{record}:{number}")
        if key in _IIM_BINARY_INT:
            decoded: Any = int.from_bytes(value[:4], "big") if value else 0
        elif key == (1, 90):
            decoded = " ".join("ESC" if char == "\x1b" else char for char in value.decode("latin-1"))
            decoded = _clean_text(decoded)
        else:
            decoded = _clean_text(_decode_iim(value, charset), multiline=key in _IIM_MULTILINE)
        if key in _IIM_REPEATABLE:
            result.setdefault(name, []).append(decoded)
        elif name in result:
            existing = result[name]
            result[name] = (existing if isinstance(existing, list) else [existing]) + [decoded]
        else:
            result[name] = decoded
    return result


# --------------------------------------------------------------------------------------
# XMP
# --------------------------------------------------------------------------------------

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_XML_NS = "http://www.w3.org/XML/1998/namespace"
_RDF_RDF = f"{{{_RDF}}}RDF"
_RDF_DESCRIPTION = f"{{{_RDF}}}Description"
_RDF_ALT = f"{{{_RDF}}}Alt"
_RDF_SEQ = f"{{{_RDF}}}Seq"
_RDF_BAG = f"{{{_RDF}}}Bag"
_RDF_LI = f"{{{_RDF}}}li"
_RDF_VALUE = f"{{{_RDF}}}value"
_RDF_RESOURCE = f"{{{_RDF}}}resource"
_RDF_PARSE_TYPE = f"{{{_RDF}}}parseType"
_XML_LANG = f"{{{_XML_NS}}}lang"

# Canonical prefixes, so keys do not depend on what a given tool called them.
_XMP_PREFIXES = {
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://ns.adobe.com/photoshop/1.0/": "photoshop",
    "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "Iptc4xmpCore",
    "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "Iptc4xmpExt",
    "http://ns.adobe.com/xap/1.0/": "xmp",
    "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
    "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
    "http://ns.adobe.com/xap/1.0/sType/ResourceEvent#": "stEvt",
    "http://ns.adobe.com/xap/1.0/sType/ResourceRef#": "stRef",
    "http://ns.adobe.com/exif/1.0/": "exif",
    "http://ns.adobe.com/exif/1.0/aux/": "aux",
    "http://cipa.jp/exif/1.0/": "exifEX",
    "http://ns.adobe.com/tiff/1.0/": "tiff",
    "http://ns.useplus.org/ldf/xmp/1.0/": "plus",
    "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
    "http://ns.adobe.com/lightroom/1.0/": "lr",
    "http://ns.adobe.com/photoshop/1.0/panorama-profile": "photoshopPano",
}

_XMP_MAX_DEPTH = 12
_XMP_MAX_ITEMS = 500


class _LangAlt(dict):
    """An rdf:Alt: {language: text}. A dict subclass so it serialises as JSON."""


def _xmp_text(value: Any, *, joiner: str = "; ") -> str:
    """Best single text for a property value (x-default of an Alt, items of a list)."""
    if value is None:
        return ""
    if isinstance(value, _LangAlt):
        if value.get("x-default"):
            return value["x-default"]
        return next((v for v in value.values() if v), "")
    if isinstance(value, list):
        return joiner.join(t for t in (_xmp_text(v) for v in value) if t)
    if isinstance(value, dict):
        return ""
    return str(value)


def _xmp_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [t for t in (_xmp_text(v) for v in value) if t]
    text = _xmp_text(value)
    return [text] if text else []


def _read_xmp(image: Image.Image) -> dict[str, Any]:
    packet = image.info.get("xmp")
    if not packet:
        return {}
    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    packet = bytes(packet).strip(b"\x00 \t\r\n")
    start = packet.find(b"<")
    if start < 0:
        return {}
    packet = packet[start:]

    declared_prefixes: dict[str, str] = {}
    root = None
    for event, item in SafeElementTree.iterparse(io.BytesIO(packet), events=("start-ns", "start")):
        if event == "start-ns":
            prefix, uri = item
            declared_prefixes.setdefault(uri, prefix)
        elif root is None:
            root = item
    if root is None:
        return {}

    def qname(tag: str) -> str:
        if tag.startswith("{"):
            uri, _, local = tag[1:].partition("}")
            prefix = _XMP_PREFIXES.get(uri) or declared_prefixes.get(uri)
            return f"{prefix}:{local}" if prefix else tag
        return tag

    def is_syntax(tag: str) -> bool:
        return tag.startswith((f"{{{_RDF}}}", f"{{{_XML_NS}}}"))

    def struct(element, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for attr, text in element.attrib.items():
            if not is_syntax(attr):
                result[qname(attr)] = _clean_text(text, multiline=True)
        for child in list(element)[:_XMP_MAX_ITEMS]:
            if child.tag == _RDF_DESCRIPTION:
                result.update(struct(child, depth + 1))
            elif not is_syntax(child.tag):
                result.setdefault(qname(child.tag), node(child, depth + 1))
        return result

    def node(element, depth: int) -> Any:
        if depth > _XMP_MAX_DEPTH:
            return ""
        children = list(element)
        if not children:
            resource = element.get(_RDF_RESOURCE)
            if resource is not None:
                return _clean_text(resource)
            if element.get(_RDF_PARSE_TYPE) == "Resource" or any(not is_syntax(a) for a in element.attrib):
                return struct(element, depth)
            return _clean_text(element.text, multiline=True)
        if element.get(_RDF_PARSE_TYPE) == "Resource":
            return struct(element, depth)
        first = children[0]
        if first.tag == _RDF_ALT:
            alt = _LangAlt()
            for li in first.findall(_RDF_LI)[:_XMP_MAX_ITEMS]:
                lang = _clean_text(li.get(_XML_LANG) or "x-default")
                alt.setdefault(lang, _xmp_text(node(li, depth + 1)))
            return alt
        if first.tag in (_RDF_SEQ, _RDF_BAG):
            return [node(li, depth + 1) for li in first.findall(_RDF_LI)[:_XMP_MAX_ITEMS]]
        if first.tag == _RDF_DESCRIPTION:
            return struct(first, depth)
        value = element.find(_RDF_VALUE)
        if value is not None:  # a qualified value: keep the value, drop the qualifiers
            return node(value, depth + 1)
        return struct(element, depth)

    properties: dict[str, Any] = {}
    rdf_roots = [root] if root.tag == _RDF_RDF else list(root.iter(_RDF_RDF))
    for rdf in rdf_roots:
        for description in rdf.findall(_RDF_DESCRIPTION):
            for key, value in struct(description, 0).items():
                properties.setdefault(key, value)
    return properties


# --------------------------------------------------------------------------------------
# EXIF
# --------------------------------------------------------------------------------------

_EXIF_SKIP = {
    ExifTags.Base.ExifOffset,
    ExifTags.Base.GPSInfo,
    ExifTags.Base.ExifInteroperabilityOffset,
    ExifTags.Base.MakerNote,
    ExifTags.Base.PrintImageMatching,
    0x02BC,  # XMLPacket (XMP is read separately)
    0x83BB,  # IPTC-NAA
    0x8649,  # Photoshop image resources
    0x8773,  # InterColorProfile
}


def _repair_exif_text(text: str) -> str:
    """EXIF text is "ASCII", but cameras and editors write UTF-8; Pillow reads it as Latin-1."""
    try:
        repaired = text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return repaired


def _exif_value(tag: int, value: Any) -> Any:
    """A JSON-friendly, readable version of one EXIF value (None to leave it out)."""
    if isinstance(value, bytes):
        if tag == ExifTags.Base.UserComment:
            body = value[8:] if len(value) >= 8 else value
            encoding = "utf-16" if value[:8].startswith(b"UNICODE") else "latin-1"
            return _clean_text(body.decode(encoding, errors="replace"), multiline=True)
        stripped = value.rstrip(b"\x00")
        if stripped and all(32 <= b < 127 for b in stripped):
            return _clean_text(stripped.decode("ascii"))
        if len(value) <= 16:
            return list(value)
        return None
    if isinstance(value, str):
        return _clean_text(_repair_exif_text(value), multiline=True)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, (tuple, list)):
        items = [_exif_value(tag, v) for v in value[:64]]
        return [v for v in items if v is not None]
    try:  # IFDRational and other number-likes
        number = float(value)
    except (TypeError, ValueError, ZeroDivisionError):
        return _clean_text(value)
    if number != number or number in (float("inf"), float("-inf")):
        return None
    return round(number, 8)


def _exif_block(items, names: dict[int, str], skip=frozenset()) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for tag, value in items:
        if tag in skip:
            continue
        converted = _exif_value(tag, value)
        if converted is None or converted == "" or converted == []:
            continue
        result[names.get(tag, f"0x{tag:04X}")] = converted
    return result


def _read_exif(image: Image.Image) -> dict[str, Any]:
    exif = image.getexif()
    if not exif:
        return {}
    result = _exif_block(exif.items(), ExifTags.TAGS, _EXIF_SKIP)
    for ifd_id, names, key in (
        (ExifTags.IFD.Exif, ExifTags.TAGS, None),
        (ExifTags.IFD.GPSInfo, ExifTags.GPSTAGS, "GPS"),
    ):
        try:
            ifd = exif.get_ifd(ifd_id)
        except Exception:
            continue
        block = _exif_block(ifd.items(), names, _EXIF_SKIP)
        if not block:
            continue
        if key:
            result[key] = block
        else:
            for name, value in block.items():
                result.setdefault(name, value)
    return result


# --------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------

_ISO_DATE = re.compile(
    r"^(\d{4})[-:](\d{2})[-:](\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6})\d*)?)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?$"
)


def _offset(text: str | None) -> timezone | None:
    if not text:
        return None
    text = text.strip()
    if text in ("Z", "z"):
        return UTC
    match = re.fullmatch(r"([+-])(\d{2}):?(\d{2})?", text)
    if not match:
        return None
    hours, minutes = int(match[2]), int(match[3] or 0)
    if hours > 14 or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if match[1] == "-" else delta)


def _build_datetime(year, month, day, hour=0, minute=0, second=0, micro=0, tz=None) -> datetime | None:
    try:
        value = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second), int(micro))
    except (TypeError, ValueError):
        return None
    if not 1800 <= value.year <= 2200:
        return None
    return value.replace(tzinfo=tz) if tz else value


def _parse_iso_date(text: str) -> datetime | None:
    match = _ISO_DATE.match(text.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, offset = match.groups()
    micro = int((fraction or "0").ljust(6, "0")[:6])
    tz = _offset(offset) if hour is not None else None
    return _build_datetime(year, month, day, hour or 0, minute or 0, second or 0, micro, tz)


def _parse_iim_date(date: Any, time: Any) -> datetime | None:
    date_text = _first(date).replace("-", "").replace(":", "")
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", date_text)
    if not match:
        return None
    hour = minute = second = 0
    tz = None
    time_text = _first(time).replace(":", "")
    time_match = re.fullmatch(r"(\d{2})(\d{2})(\d{2})?([+-]\d{4})?", time_text)
    if time_match:
        hour, minute = int(time_match[1]), int(time_match[2])
        second = int(time_match[3] or 0)
        tz = _offset(time_match[4])
    return _build_datetime(*match.groups(), hour, minute, second, 0, tz)


def _parse_exif_date(text: Any, offset: Any = None) -> datetime | None:
    if not isinstance(text, str):
        return None
    match = re.fullmatch(r"(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})", text.strip())
    if not match:
        return None
    return _build_datetime(*match.groups(), 0, _offset(offset if isinstance(offset, str) else None))


def _make_aware(value: datetime | None) -> datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    if settings.configured:
        from django.utils import timezone as django_timezone

        return django_timezone.make_aware(value, django_timezone.get_default_timezone())
    return value.replace(tzinfo=UTC)


# --------------------------------------------------------------------------------------
# Putting metadata together
# --------------------------------------------------------------------------------------


def _first(value: Any) -> str:
    if isinstance(value, list):
        return next((str(v) for v in value if v), "")
    return "" if value is None else str(value)


def _pick(*candidates: Any, multiline: bool = False) -> str:
    for candidate in candidates:
        text = _clean_text(candidate, multiline=multiline)
        if text:
            return text
    return ""


def _first_struct(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), {})
    return value if isinstance(value, dict) and not isinstance(value, _LangAlt) else {}


def read_metadata(image: Image.Image) -> PhotoMetadata:
    """Read IPTC IIM, XMP and EXIF from an opened Pillow image. Never raises for bad metadata.

    Precedence per field: XMP, then IPTC IIM, then EXIF.
    """
    problems: list[str] = []

    def attempt(label: str, reader, default):
        try:
            return reader()
        except Exception as exc:  # metadata is optional; a broken block must not stop an upload
            problems.append(f"{label}: could not be read ({type(exc).__name__})")
            return default

    iptc: dict[str, Any] = attempt("iptc", lambda: _read_iptc(image), {})
    xmp: dict[str, Any] = attempt("xmp", lambda: _read_xmp(image), {})
    exif_raw: dict[str, Any] = attempt("exif", lambda: _read_exif(image), {})

    def iim_join(name: str) -> str:
        value = iptc.get(name)
        if isinstance(value, list):
            return "; ".join(v for v in value if isinstance(v, str) and v)
        return value if isinstance(value, str) else ""

    location_created = _first_struct(xmp.get("Iptc4xmpExt:LocationCreated"))

    taken_at = (
        _parse_iso_date(_xmp_text(xmp.get("photoshop:DateCreated")))
        or _parse_iim_date(iptc.get("DateCreated"), iptc.get("TimeCreated"))
        or _parse_iso_date(_xmp_text(xmp.get("exif:DateTimeOriginal")))
        or _parse_exif_date(exif_raw.get("DateTimeOriginal"), exif_raw.get("OffsetTimeOriginal"))
    )

    keywords = _xmp_list(xmp.get("dc:subject"))
    if not keywords:
        iim_keywords = iptc.get("Keywords", [])
        keywords = [k for k in (iim_keywords if isinstance(iim_keywords, list) else [iim_keywords]) if k]

    raw: dict[str, Any] = {"iptc": iptc, "xmp": xmp, "exif": exif_raw}
    if problems:
        raw["problems"] = problems

    return PhotoMetadata(
        caption=_pick(_xmp_text(xmp.get("dc:description")), iptc.get("Caption-Abstract"), multiline=True),
        headline=_pick(_xmp_text(xmp.get("photoshop:Headline")), iptc.get("Headline")),
        photographer=_pick(_xmp_text(xmp.get("dc:creator")), iim_join("By-line"), exif_raw.get("Artist")),
        credit=_pick(_xmp_text(xmp.get("photoshop:Credit")), iptc.get("Credit")),
        source=_pick(_xmp_text(xmp.get("photoshop:Source")), iptc.get("Source")),
        copyright=_pick(
            _xmp_text(xmp.get("dc:rights")), iptc.get("CopyrightNotice"), exif_raw.get("Copyright"), multiline=True
        ),
        keywords=_clean_keywords(keywords),
        city=_pick(
            _xmp_text(xmp.get("photoshop:City")), _xmp_text(location_created.get("Iptc4xmpExt:City")), iptc.get("City")
        ),
        country=_pick(
            _xmp_text(xmp.get("photoshop:Country")),
            _xmp_text(location_created.get("Iptc4xmpExt:CountryName")),
            iptc.get("Country-PrimaryLocationName"),
        ),
        location=_pick(
            _xmp_text(xmp.get("Iptc4xmpCore:Location")),
            _xmp_text(location_created.get("Iptc4xmpExt:Sublocation")),
            iptc.get("Sub-location"),
        ),
        taken_at=_make_aware(taken_at),
        alt_text=_pick(_xmp_text(xmp.get("Iptc4xmpCore:AltTextAccessibility")), multiline=True),
        raw=raw,
    )


# --------------------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------------------

_HAS_CMS = ImageCms is not None and bool(features.check("littlecms2"))


def _to_srgb(image: Image.Image, icc: bytes) -> Image.Image | None:
    """Convert pixels from the embedded profile to sRGB; None if that cannot be done."""
    if not _HAS_CMS or image.mode not in ("RGB", "RGBA", "CMYK"):
        return None
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        space = source.profile.xcolor_space.strip()
        if (image.mode == "CMYK") != (space == "CMYK") or space not in ("RGB", "CMYK"):
            return None
        target = ImageCms.createProfile("sRGB")
        if image.mode == "RGBA":
            alpha = image.getchannel("A")
            converted = ImageCms.profileToProfile(image.convert("RGB"), source, target, outputMode="RGB")
            converted.putalpha(alpha)
            return converted
        return ImageCms.profileToProfile(image, source, target, outputMode="RGB")
    except Exception:
        return None


def clean_image(image: Image.Image) -> Image.Image:
    """An upright copy in RGB or RGBA that carries no metadata at all.

    EXIF orientation is applied, colours are converted to sRGB when the file embeds
    another ICC profile (and Pillow has colour management), and the result is a
    fresh image: no EXIF, GPS, XMP, IPTC, ICC profile, text chunks or comments.
    """
    image.load()
    orientation = _orientation(image)
    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    icc = image.info.get("icc_profile")
    has_alpha = "A" in image.getbands() or "transparency" in image.info
    target_mode = "RGBA" if has_alpha else "RGB"

    working = image
    if working.mode in ("I", "F") or working.mode.startswith("I;16"):
        # 16-bit greyscale: scale into 8 bits rather than clipping to white.
        working = working.convert("I").point(lambda v: v * (1 / 256)).convert("L")
    elif working.mode == "P":
        working = working.convert("RGBA" if has_alpha else "RGB")

    converted = _to_srgb(working, icc) if icc else None
    if converted is None:
        converted = working.convert(target_mode)
    elif converted.mode != target_mode:
        converted = converted.convert(target_mode)

    if method is not None:
        converted = converted.transpose(method)

    # A brand-new image holds pixels only: nothing from info, no cached EXIF.
    fresh = Image.new(target_mode, converted.size)
    fresh.paste(converted, (0, 0))
    return fresh
