"""NITF 3.x (3.4 to 3.6), with or without the NITF namespace."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from xml.etree.ElementTree import Element

from .blocks import NITF_ROLES, BodyReader, pictures_of
from .common import (
    child,
    children,
    dedupe,
    descendant,
    elements,
    local,
    namespace,
    parse_int,
    parse_time,
    pub_status,
    squash,
    text_of,
)
from .item import Block, Contributor, Paragraph, Rendition, Subject, WireError, WireItem, WirePicture

NITF_NAMESPACES = {"", "http://iptc.org/std/NITF/2006-10-18/"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PICTURE_MEDIA_TYPES = {"image", "photo", "graphic", "picture"}
# NITF has no status element of its own beyond docdata@management-status; providers that send a kill
# or a hold as an editorial message (<ed-msg msg-type="kill">) are understood too.
_ED_MSG_STATUS = {"kill": "canceled", "cancel": "canceled", "canceled": "canceled", "withhold": "withheld"}
_BY = re.compile(r"^\s*by\s+", re.IGNORECASE)


@dataclass
class NitfBody:
    """What the reader-facing `<body>` of an NITF document says; NewsML-G2 reuses it for inline NITF."""

    headline: str = ""
    subheadline: str = ""
    byline: str = ""
    contributors: list[Contributor] = field(default_factory=list)
    dateline_place: str = ""
    dateline: str = ""
    standfirst: str = ""
    distributor: str = ""
    language: str = ""
    blocks: list[Block] = field(default_factory=list)


def is_nitf(root: Element) -> bool:
    return local(root.tag) == "nitf" and namespace(root.tag) in NITF_NAMESPACES


def read_nitf_body(nitf: Element) -> NitfBody:
    body = child(nitf, "body")
    parts = NitfBody(language=(body.get(XML_LANG, "") if body is not None else "") or nitf.get(XML_LANG, ""))
    head = child(body, "body.head")
    hedline = child(head, "hedline")
    parts.headline = text_of(child(hedline, "hl1"))
    parts.subheadline = text_of(child(hedline, "hl2"))
    bylines = list(children(head, "byline"))
    parts.byline = "; ".join(text for line in bylines if (text := text_of(line)))
    parts.contributors = [person for line in bylines for person in _byline_people(line)]
    dateline = child(head, "dateline")
    parts.dateline = text_of(dateline)
    parts.dateline_place = text_of(child(dateline, "location"))
    parts.standfirst = " ".join(text for item in children(head, "abstract") if (text := text_of(item)))
    parts.distributor = text_of(child(head, "distributor"))
    reader = BodyReader(NITF_ROLES, nitf_picture)
    for content in children(body, "body.content"):
        parts.blocks.extend(reader.read(content))
    for tagline in children(child(body, "body.end"), "tagline"):
        if text := text_of(tagline):
            parts.blocks.append(Paragraph(text))
    return parts


def _byline_people(byline: Element) -> list[Contributor]:
    """`<person>` names with the byline's `<byttl>`; a byline of bare text names one person."""
    title = text_of(child(byline, "byttl"))
    people = [Contributor(name, title) for person in children(byline, "person") if (name := text_of(person))]
    if people:
        return people
    name = squash(_BY.sub("", byline.text or "")).strip(" ,;/")
    if name:
        return [Contributor(name, title)]
    return [Contributor(title, "")] if title else []


def nitf_picture(media: Element) -> WirePicture | None:
    if media.get("media-type", "image").lower() not in PICTURE_MEDIA_TYPES:
        return None
    references = [ref for ref in children(media, "media-reference") if ref.get("source")]
    if not references:
        return None
    meta = {
        item.get("name", "").lower(): squash(item.get("value"))
        for item in children(media, "media-metadata")
        if item.get("value")
    }
    producer = child(media, "media-producer")
    renditions = tuple(
        Rendition(
            href=ref.get("source", "").strip(),
            width=parse_int(ref.get("width"), what="a picture's width"),
            height=parse_int(ref.get("height"), what="a picture's height"),
            mime=ref.get("mime-type", ""),
            name=ref.get("name", ""),
        )
        for ref in references
    )
    return WirePicture(
        id=media.get("id") or meta.get("id") or renditions[0].href,
        headline=meta.get("headline", ""),
        caption=" ".join(text for caption in children(media, "media-caption") if (text := text_of(caption))),
        credit=text_of(producer) or meta.get("credit", ""),
        byline=text_of(descendant(producer, "person")) or meta.get("byline", ""),
        alt_text=next((squash(ref.get("alternate-text")) for ref in references if ref.get("alternate-text")), ""),
        renditions=renditions,
        copyright=meta.get("copyright", ""),
        usage_terms=meta.get("usage-terms", "") or meta.get("usageterms", ""),
        digital_source_type=meta.get("digital-source-type", "") or meta.get("digitalsourcetype", ""),
    )


def read_nitf(nitf: Element) -> WireItem:
    head = child(nitf, "head")
    docdata = child(head, "docdata")
    parts = read_nitf_body(nitf)
    headline = parts.headline or text_of(child(head, "title"))
    if not headline:
        raise WireError("the NITF document has no headline (body.head/hedline/hl1 and head/title are empty)")
    doc_id = child(docdata, "doc-id")
    guid = squash(doc_id.get("id-string") if doc_id is not None else "") or squash(nitf.get("uno"))
    if not guid:
        raise WireError("the NITF document has no identifier (docdata/doc-id@id-string or nitf@uno)")
    # NITF has no item version; the dynamic use key's version (or generation) is how providers count them.
    du_key = child(docdata, "du-key")
    version = (
        parse_int(du_key.get("version") or du_key.get("generation"), what="du-key") if du_key is not None else None
    )
    status = pub_status(docdata.get("management-status") if docdata is not None else "", what="docdata")
    notes = []
    for message in children(docdata, "ed-msg"):
        notes.append(squash(message.get("info")))
        msg_status = _ED_MSG_STATUS.get(message.get("msg-type", "").strip().lower())
        if msg_status and status == "usable":
            status = msg_status
    identified = child(docdata, "identified-content")
    pubdata = child(head, "pubdata")
    copyright_ = child(docdata, "doc.copyright")
    rights = child(docdata, "doc.rights")
    blocks = parts.blocks
    return WireItem(
        guid=guid,
        version=version or 1,
        format="nitf",
        headline=headline,
        provider=_attr(doc_id, "regsrc") or _attr(pubdata, "name") or parts.distributor,
        subheadline=parts.subheadline,
        slugline=_attr(child(docdata, "du-key"), "key") or _attr(child(docdata, "fixture"), "fix-id"),
        standfirst=parts.standfirst,
        byline=parts.byline,
        contributors=tuple(parts.contributors),
        dateline_place=parts.dateline_place,
        dateline=parts.dateline,
        located=text_of(child(identified, "location")) or parts.dateline_place,
        language=parts.language,
        urgency=parse_int(_attr(child(docdata, "urgency"), "ed-urg"), what="urgency@ed-urg"),
        pub_status=status,
        editorial_note="; ".join(note for note in notes if note),
        version_created=_norm(docdata, "date.issue"),
        embargoed=_norm(docdata, "date.release"),
        expires=_norm(docdata, "date.expire"),
        keywords=dedupe(
            [_attr(keyword, "key") for keyword in children(child(docdata, "key-list"), "keyword")]
            + [_identified_name(item) for item in elements(identified) if local(item.tag) in ("org", "person", "event")]
        ),
        subjects=tuple(_subjects(head, identified)),
        credit=parts.distributor,
        copyright=_copyright(copyright_),
        usage_terms=_attr(rights, "limitations"),
        body=tuple(blocks),
        pictures=tuple(pictures_of(blocks)),
    )


def _attr(element: Element | None, name: str) -> str:
    return squash(element.get(name)) if element is not None else ""


def _norm(docdata: Element | None, name: str) -> datetime | None:
    return parse_time(_attr(child(docdata, name), "norm"), what=f"{name}@norm")


def _identified_name(element: Element) -> str:
    return text_of(element) or _attr(element, "value")


def _copyright(element: Element | None) -> str:
    if element is None:
        return ""
    return squash(f"© {element.get('year', '')} {element.get('holder', '')}") if element.get("holder") else ""


def _subjects(head: Element | None, identified: Element | None) -> list[Subject]:
    subjects = []
    for tobject in children(head, "tobject"):
        for subject in children(tobject, "tobject.subject"):
            refnum = _attr(subject, "tobject.subject.refnum")
            scheme = (
                "subj" if _attr(subject, "tobject.subject.ipr") in ("", "IPTC") else subject.get("tobject.subject.ipr")
            )
            name = next(
                (
                    _attr(subject, f"tobject.subject.{level}")
                    for level in ("detail", "matter", "type")
                    if _attr(subject, f"tobject.subject.{level}")
                ),
                None,
            )
            if refnum:
                subjects.append(Subject(f"{scheme}:{refnum}", name))
    for classifier in children(identified, "classifier"):
        value = _attr(classifier, "value")
        source = _attr(classifier, "idsrc")
        if value:
            subjects.append(Subject(f"{source}:{value}" if source else value, text_of(classifier) or None))
    return subjects
