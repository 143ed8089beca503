"""What the three readers share: safe XML parsing, character sets, times, text and IPTC codes."""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree

from .item import WireError

_XML_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

# Where the IPTC catalog (catalog.IPTC-G2-Standards) puts the schemes wire files use most. Knowing them
# lets a reader turn a code given as a URI into the usual qcode, and back, without fetching a catalog.
IPTC_SCHEMES = {
    "medtop": "http://cv.iptc.org/newscodes/mediatopic/",
    "subj": "http://cv.iptc.org/newscodes/subjectcode/",
    "stat": "http://cv.iptc.org/newscodes/pubstatusg2/",
    "urg": "http://cv.iptc.org/newscodes/urgency/",
    "sig": "http://cv.iptc.org/newscodes/signal/",
    "ninat": "http://cv.iptc.org/newscodes/ninature/",
    "genre": "http://cv.iptc.org/newscodes/genre/",
    "drol": "http://cv.iptc.org/newscodes/descriptionrole/",
    "crol": "http://cv.iptc.org/newscodes/creatorrole/",
    "ctrol": "http://cv.iptc.org/newscodes/contributorrole/",
    "rnd": "http://cv.iptc.org/newscodes/rendition/",
    "digsrctype": "http://cv.iptc.org/newscodes/digitalsourcetype/",
    "scene": "http://cv.iptc.org/newscodes/scene/",
    "prod": "http://cv.iptc.org/newscodes/product/",
    "cpnat": "http://cv.iptc.org/newscodes/cpnature/",
    "nprov": "http://cv.iptc.org/newscodes/newsprovider/",
}


def decode_xml(data: bytes) -> str:
    """Decode an XML file by its byte order mark or declared encoding (UTF-8 when it declares none)."""
    charset = "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            charset = name
            break
    else:
        declared = _XML_DECLARATION.match(data[:400])
        if declared:
            charset = declared.group(1).decode("ascii", "replace").strip()
    try:
        codec = codecs.lookup(charset)
    except LookupError:
        raise WireError(f"unknown character set '{charset}'") from None
    try:
        text = data.decode(codec.name)
    except UnicodeDecodeError as error:
        raise WireError(f"the file says it is {charset}, but byte {error.start} is not valid {charset}") from None
    return text.removeprefix("\ufeff")


def parse_xml(data: bytes) -> Element:
    """Parse hostile XML: entity declarations and external references are refused, never expanded."""
    text = decode_xml(data)
    try:
        return defusedxml.ElementTree.fromstring(text, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except defusedxml.EntitiesForbidden as error:
        if error.sysid:
            raise WireError(
                f"the file declares the XML entity '{error.name}' that reads '{error.sysid}'; "
                "entities that point outside the file are refused"
            ) from None
        raise WireError(
            f"the file declares the XML entity '{error.name}'; entity declarations are refused because they "
            "can expand without limit or read files from the server"
        ) from None
    except defusedxml.ExternalReferenceForbidden as error:
        raise WireError(
            f"the file refers to an outside resource ('{error.sysid}'); external references are refused"
        ) from None
    except defusedxml.DTDForbidden:  # pragma: no cover - DTDs are allowed; kept in case that changes
        raise WireError("the file carries a document type declaration, which is refused") from None
    except ParseError as error:
        raise WireError(f"the file is not well-formed XML ({error})") from None


def local(tag: str | object) -> str:
    """The element name without its namespace (comments and processing instructions have none)."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def squash(value: str | None) -> str:
    """Collapse runs of white space, as XML text from pretty-printed files needs."""
    return " ".join(value.split()) if value else ""


def text_of(element: Element | None) -> str:
    return squash("".join(element.itertext())) if element is not None else ""


def children(element: Element | None, name: str) -> Iterator[Element]:
    if element is None:
        return
    for child in element:
        if local(child.tag) == name:
            yield child


def elements(element: Element | None) -> list[Element]:
    return list(element) if element is not None else []


def child(element: Element | None, name: str) -> Element | None:
    return next(children(element, name), None)


def descendant(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    return next((found for found in element.iter() if local(found.tag) == name), None)


def parse_time(value: str | None, *, what: str) -> datetime | None:
    """Read an ISO 8601 time, extended or basic (NITF's 20161018T131221-0500). A time without an offset
    is taken as UTC. A time that cannot be read is an error: silently dropping an embargo would be worse."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise WireError(f"cannot read the time '{value}' given as {what}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def parse_int(value: str | int | None, *, what: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(str(value).strip())
    except ValueError:
        raise WireError(f"cannot read '{value}' as a whole number for {what}") from None


def qcode_from_uri(uri: str) -> str:
    """`http://cv.iptc.org/newscodes/mediatopic/20000523` → `medtop:20000523`; other URIs stay as given."""
    for alias, base in IPTC_SCHEMES.items():
        if uri.startswith(base) and len(uri) > len(base):
            return f"{alias}:{uri[len(base) :].strip('/')}"
    return uri


def code_part(qcode: str) -> str:
    """`stat:usable` → `usable`."""
    return qcode.rsplit(":", 1)[-1] if qcode else ""


def pub_status(value: str | None, *, what: str) -> str:
    """Map a publishing status, however a format spells it, to usable, withheld or canceled."""
    status = code_part(qcode_from_uri((value or "").strip())).lower()
    if status in ("", "usable", "embargoed"):
        return "usable"
    if status == "withheld":
        return "withheld"
    if status in ("canceled", "cancelled", "kill", "killed"):
        return "canceled"
    raise WireError(f"unknown publishing status '{value}' in {what}")


def dedupe(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))
