"""What the photographer or agency wrote into the file, as one ``PhotoMetadata``.

``read_metadata`` reads IPTC IIM, XMP and EXIF (``articles.photos.embedded``). XMP wins over
IPTC IIM, which wins over EXIF.

``PhotoMetadata.raw`` keeps everything that was read, with readable keys, for
the photo desk. It is *desk-only*: it includes GPS position and camera serial
numbers when the file has them, so it must never be shown on a public page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from django.conf import settings
from PIL import Image

from articles.photos.embedded import (
    LangAlt,
    clean_keywords,
    clean_text,
    read_exif,
    read_iptc,
    read_xmp,
    xmp_list,
    xmp_text,
)


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
    #: IPTC Digital Source Type: the term (e.g. "trainedAlgorithmicMedia"), "" when the file does not say.
    digital_source_type: str = ""
    #: Everything read, JSON-serialisable: {"iptc": {...}, "xmp": {...}, "exif": {...}}
    #: plus "problems" (a list) when a block could not be read. DESK-ONLY: may hold
    #: GPS position ("exif" -> "GPS") and camera serial numbers.
    raw: dict = field(default_factory=dict, hash=False)


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
        text = clean_text(candidate, multiline=multiline)
        if text:
            return text
    return ""


def _first_struct(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, dict)), {})
    return value if isinstance(value, dict) and not isinstance(value, LangAlt) else {}


DIGITAL_SOURCE_TYPE_BASE = "http://cv.iptc.org/newscodes/digitalsourcetype/"
# Terms IPTC has since retired, and what they became.
_RETIRED_SOURCE_TYPES = {"digitalart": "digitalCreation"}


def digital_source_type(value: Any) -> str:
    """The IPTC term from an XMP DigitalSourceType (a CV URI, or a bare term); "" for anything else."""
    from articles.models import DigitalSourceType

    text = xmp_text(value).strip()
    if not text:
        return ""
    term = text.rstrip("/").rsplit("/", 1)[-1].strip().casefold()
    known = {code.casefold(): code for code in DigitalSourceType.values}
    return known.get(term) or _RETIRED_SOURCE_TYPES.get(term, "")


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

    iptc: dict[str, Any] = attempt("iptc", lambda: read_iptc(image), {})
    xmp: dict[str, Any] = attempt("xmp", lambda: read_xmp(image), {})
    exif_raw: dict[str, Any] = attempt("exif", lambda: read_exif(image), {})

    def iim_join(name: str) -> str:
        value = iptc.get(name)
        if isinstance(value, list):
            return "; ".join(v for v in value if isinstance(v, str) and v)
        return value if isinstance(value, str) else ""

    location_created = _first_struct(xmp.get("Iptc4xmpExt:LocationCreated"))

    taken_at = (
        _parse_iso_date(xmp_text(xmp.get("photoshop:DateCreated")))
        or _parse_iim_date(iptc.get("DateCreated"), iptc.get("TimeCreated"))
        or _parse_iso_date(xmp_text(xmp.get("exif:DateTimeOriginal")))
        or _parse_exif_date(exif_raw.get("DateTimeOriginal"), exif_raw.get("OffsetTimeOriginal"))
    )

    keywords = xmp_list(xmp.get("dc:subject"))
    if not keywords:
        iim_keywords = iptc.get("Keywords", [])
        keywords = [k for k in (iim_keywords if isinstance(iim_keywords, list) else [iim_keywords]) if k]

    raw: dict[str, Any] = {"iptc": iptc, "xmp": xmp, "exif": exif_raw}
    if problems:
        raw["problems"] = problems

    return PhotoMetadata(
        caption=_pick(xmp_text(xmp.get("dc:description")), iptc.get("Caption-Abstract"), multiline=True),
        headline=_pick(xmp_text(xmp.get("photoshop:Headline")), iptc.get("Headline")),
        photographer=_pick(xmp_text(xmp.get("dc:creator")), iim_join("By-line"), exif_raw.get("Artist")),
        credit=_pick(xmp_text(xmp.get("photoshop:Credit")), iptc.get("Credit")),
        source=_pick(xmp_text(xmp.get("photoshop:Source")), iptc.get("Source")),
        copyright=_pick(
            xmp_text(xmp.get("dc:rights")), iptc.get("CopyrightNotice"), exif_raw.get("Copyright"), multiline=True
        ),
        keywords=clean_keywords(keywords),
        city=_pick(
            xmp_text(xmp.get("photoshop:City")), xmp_text(location_created.get("Iptc4xmpExt:City")), iptc.get("City")
        ),
        country=_pick(
            xmp_text(xmp.get("photoshop:Country")),
            xmp_text(location_created.get("Iptc4xmpExt:CountryName")),
            iptc.get("Country-PrimaryLocationName"),
        ),
        location=_pick(
            xmp_text(xmp.get("Iptc4xmpCore:Location")),
            xmp_text(location_created.get("Iptc4xmpExt:Sublocation")),
            iptc.get("Sub-location"),
        ),
        taken_at=_make_aware(taken_at),
        alt_text=_pick(xmp_text(xmp.get("Iptc4xmpCore:AltTextAccessibility")), multiline=True),
        digital_source_type=digital_source_type(xmp.get("Iptc4xmpExt:DigitalSourceType")),
        raw=raw,
    )
