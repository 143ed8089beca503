"""The metadata blocks a photo file carries, read as plain data: IPTC IIM, XMP and EXIF.

All text is treated as plain data: control characters removed, whitespace trimmed,
lengths capped. It is never HTML. The readers return dictionaries with readable keys;
``articles.photos.metadata`` decides which value wins.
"""

from __future__ import annotations

import io
import re
from typing import Any

from defusedxml import ElementTree as SafeElementTree
from PIL import ExifTags, Image

#: Longest text kept from any one metadata field.
MAX_TEXT_LENGTH = 5000
#: Longest keyword kept (django-taggit names are at most 100 characters).
MAX_KEYWORD_LENGTH = 100
#: Most keywords kept from one file.
MAX_KEYWORDS = 200

# --------------------------------------------------------------------------------------
# Text hygiene
# --------------------------------------------------------------------------------------

# C0 and C1 controls except \n (tabs and returns are normalised first), DEL, BOM,
# non-characters and stray surrogates.
_STRIP_CHARS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ufeff\ufffe\uffff\ud800-\udfff]")


def clean_text(value: Any, *, multiline: bool = False, limit: int = MAX_TEXT_LENGTH) -> str:
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


def clean_keywords(values: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    result: list[str] = []
    for value in values:
        word = clean_text(value, limit=MAX_KEYWORD_LENGTH)
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


def read_iptc(image: Image.Image) -> dict[str, Any]:
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
            decoded = clean_text(decoded)
        else:
            decoded = clean_text(_decode_iim(value, charset), multiline=key in _IIM_MULTILINE)
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


class LangAlt(dict):
    """An rdf:Alt: {language: text}. A dict subclass so it serialises as JSON."""


def xmp_text(value: Any, *, joiner: str = "; ") -> str:
    """Best single text for a property value (x-default of an Alt, items of a list)."""
    if value is None:
        return ""
    if isinstance(value, LangAlt):
        if value.get("x-default"):
            return value["x-default"]
        return next((v for v in value.values() if v), "")
    if isinstance(value, list):
        return joiner.join(t for t in (xmp_text(v) for v in value) if t)
    if isinstance(value, dict):
        return ""
    return str(value)


def xmp_list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [t for t in (xmp_text(v) for v in value) if t]
    text = xmp_text(value)
    return [text] if text else []


def read_xmp(image: Image.Image) -> dict[str, Any]:
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
                result[qname(attr)] = clean_text(text, multiline=True)
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
                return clean_text(resource)
            if element.get(_RDF_PARSE_TYPE) == "Resource" or any(not is_syntax(a) for a in element.attrib):
                return struct(element, depth)
            return clean_text(element.text, multiline=True)
        if element.get(_RDF_PARSE_TYPE) == "Resource":
            return struct(element, depth)
        first = children[0]
        if first.tag == _RDF_ALT:
            alt = LangAlt()
            for li in first.findall(_RDF_LI)[:_XMP_MAX_ITEMS]:
                lang = clean_text(li.get(_XML_LANG) or "x-default")
                alt.setdefault(lang, xmp_text(node(li, depth + 1)))
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
            return clean_text(body.decode(encoding, errors="replace"), multiline=True)
        stripped = value.rstrip(b"\x00")
        if stripped and all(32 <= b < 127 for b in stripped):
            return clean_text(stripped.decode("ascii"))
        if len(value) <= 16:
            return list(value)
        return None
    if isinstance(value, str):
        return clean_text(_repair_exif_text(value), multiline=True)
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
        return clean_text(value)
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


def read_exif(image: Image.Image) -> dict[str, Any]:
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
