"""Judge an upload by its content: is this a photo we accept?

``inspect_upload`` decides whether an uploaded file is a photo we accept. Pillow
decides what the file is; the name and its extension play no part. Limits on
bytes (checked before anything is decoded) and on pixels (checked from the
header, before anything is decoded), then a full decode so that truncated or
damaged files are refused up front rather than failing later in a rendition.
Every refusal is a ``ValidationError`` whose message names the file and says
what to do, with one ``code`` per reason:

``empty``, ``too_large``, ``not_an_image``, ``svg_not_accepted``,
``unsupported_format``, ``too_many_pixels``, ``corrupt``.

Free of models and storage, so the photo services, commands and tests can use it alike.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import ExifTags, Image, features

from articles.photos.metadata import PhotoMetadata, read_metadata

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


def exif_orientation(image: Image.Image) -> int:
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
        shown_width, shown_height = (height, width) if exif_orientation(image) in (5, 6, 7, 8) else (width, height)
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
