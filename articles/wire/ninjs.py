"""ninjs 1.x, 2.x and 3.x (IPTC News in JSON).

Keys are matched without regard to case, since 3.x writes `versionCreated` where 1.x and 2.x wrote
`versioncreated`. Associations and renditions may be maps keyed by name (1.x) or arrays of objects
carrying a `name` (2.x, 3.x).
"""

from __future__ import annotations

import dataclasses
from typing import Any
from xml.etree.ElementTree import Element

from .blocks import HTML_ROLES, BodyReader, figure_picture, html_tree, pictures_of
from .common import dedupe, local, parse_int, parse_time, pub_status, qcode_from_uri, squash
from .item import Block, Contributor, Paragraph, Rendition, Subheading, Subject, WireError, WireItem, WirePicture

_AUTHOR_RELS = {"author", "creator", "contributor", "photographer", "by"}
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html")
_PICTURE_TYPES = {"picture", "graphic", "image"}


def _lower(value: Any) -> dict[str, Any]:
    return {str(key).lower(): item for key, item in value.items()} if isinstance(value, dict) else {}


def _named(value: Any) -> list[dict[str, Any]]:
    """A 1.x map of objects by name, or a 2.x/3.x array of objects, as a list of objects with a `name`."""
    if isinstance(value, dict):
        return [
            {**_lower(item), "name": item.get("name", name)} for name, item in value.items() if isinstance(item, dict)
        ]
    if isinstance(value, list):
        return [_lower(item) for item in value if isinstance(item, dict)]
    return []


def _items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str:
    return squash(value) if isinstance(value, str) else ""


def _by_role(entries: Any, preferred: tuple[str, ...]) -> dict[str, Any] | None:
    """From 2.x/3.x `headlines`, `descriptions` or `bodies`, the first entry with a preferred role."""
    entries = [_lower(entry) for entry in _items(entries) if isinstance(entry, dict) and entry.get("value")]
    for role in preferred:
        for entry in entries:
            if str(entry.get("role", "")).lower() == role:
                return entry
    return entries[0] if entries else None


def _is_html(entry: dict[str, Any]) -> bool:
    kind = str(entry.get("contenttype", "")).lower()
    return any(marker in kind for marker in _HTML_TYPES) or str(entry.get("role", "")).lower().startswith(
        ("html", "richhtml", "xhtml")
    )


def _plain_text(value: str | None) -> str:
    """Words of a text that may be HTML (description_html, an HTML body), without the markup."""
    if not isinstance(value, str):
        return ""
    return squash("".join(html_tree(value).itertext())) if "<" in value else squash(value)


def read_ninjs(document: dict[str, Any]) -> WireItem:
    doc = _lower(document)
    uri = _text(doc.get("uri"))
    if not uri:
        raise WireError("the ninjs document has no uri")
    kind = str(doc.get("type", "text")).lower()
    if kind not in _PICTURE_TYPES | {"text", "composite"}:
        raise WireError(f"ninjs item {uri} is of type '{kind}'; the wire desk reads text and pictures")
    headlines = [_lower(entry) for entry in _items(doc.get("headlines")) if isinstance(entry, dict)]
    main = _by_role(headlines, ("main", "", "default"))
    headline = _text(doc.get("headline")) or (_plain_text(main.get("value")) if main else "")
    if not headline:
        raise WireError(f"ninjs item {uri} has no headline")
    sub = next((entry for entry in headlines if main and _text(entry.get("value")) not in ("", headline)), None)
    associations = [
        (_text(item.get("name")), _picture(item)) for item in _named(doc.get("associations")) if _is_picture(item)
    ]
    if kind in _PICTURE_TYPES:
        associations.insert(0, ("", _picture({**doc, "headline": headline})))
    pictures = [picture for _, picture in associations]
    body = _body(doc, associations, headline)
    placed = pictures_of(body)
    placed_ids = {picture.id for picture in placed}
    version = parse_int(doc.get("version"), what="version")
    copyright_holder = _text(doc.get("copyrightholder"))
    return WireItem(
        guid=uri,
        version=version or 1,
        format="ninjs",
        headline=headline,
        kind="picture" if kind in _PICTURE_TYPES else "text",
        provider=next((_text(_lower(source).get("name")) for source in _list(doc, "infosources", "infosource")), "")
        or copyright_holder,
        subheadline=_plain_text(sub.get("value")) if sub else "",
        slugline=_text(doc.get("slugline")),
        standfirst=_standfirst(doc),
        byline=_text(doc.get("by")) or _text(doc.get("byline")),
        contributors=tuple(
            Contributor(name, str(person.get("rel", "")).lower())
            for person in map(_lower, _list(doc, "people", "person"))
            if str(person.get("rel", "")).lower() in _AUTHOR_RELS and (name := _text(person.get("name")))
        ),
        dateline_place=_text(doc.get("located")),
        located=_text(doc.get("located")),
        language=_text(doc.get("language")),
        urgency=parse_int(doc.get("urgency"), what="urgency"),
        pub_status=pub_status(_text(doc.get("pubstatus")), what="pubstatus"),
        editorial_note=_text(doc.get("ednote")),
        first_created=parse_time(_text(doc.get("firstcreated")), what="firstcreated"),
        version_created=parse_time(_text(doc.get("versioncreated")), what="versioncreated"),
        embargoed=parse_time(_text(doc.get("embargoed") or doc.get("embargoeduntil")), what="embargoed"),
        expires=parse_time(_text(doc.get("expires")), what="expires"),
        keywords=dedupe([_text(word) for word in _items(doc.get("keywords"))]),
        subjects=tuple(found for subject in _list(doc, "subjects", "subject") if (found := _subject(subject))),
        credit=copyright_holder,
        copyright=_text(doc.get("copyrightnotice")) or (f"© {copyright_holder}" if copyright_holder else ""),
        usage_terms=_text(doc.get("usageterms")),
        body=tuple(body),
        pictures=tuple(placed) + tuple(picture for picture in pictures if picture.id not in placed_ids),
    )


def _list(doc: dict[str, Any], *names: str) -> list[Any]:
    for name in names:
        if isinstance(doc.get(name), list):
            return [item for item in doc[name] if isinstance(item, dict)]
    return []


def _subject(subject: dict[str, Any]) -> Subject | None:
    subject = _lower(subject)
    uri = _text(subject.get("uri"))
    scheme, code = _text(subject.get("scheme")), _text(subject.get("code"))
    if uri and (qcode := qcode_from_uri(uri)) != uri:
        value = qcode
    elif code:
        # 1.x names the scheme by URI (http://cv.iptc.org/newscodes/mediatopic/) or by alias.
        value = (qcode_from_uri(scheme + code) if "/" in scheme else f"{scheme}:{code}") if scheme else code
    else:
        value = _text(subject.get("literal")) or uri
    name = _text(subject.get("name")) or None
    if not value and not name:
        return None
    return Subject(value or name, name)


def _standfirst(doc: dict[str, Any]) -> str:
    if text := _text(doc.get("description_text")) or _plain_text(doc.get("description_html")):
        return text
    entry = _by_role(doc.get("descriptions"), ("summary", "abstract", "lead", "", "text"))
    return _plain_text(entry.get("value")) if entry else ""


def _is_picture(association: dict[str, Any]) -> bool:
    return str(association.get("type", "picture")).lower() in _PICTURE_TYPES


def _picture(association: dict[str, Any]) -> WirePicture:
    item = _lower(association)
    renditions = tuple(
        Rendition(
            href=_text(rendition.get("href")),
            width=parse_int(rendition.get("width"), what="a rendition's width"),
            height=parse_int(rendition.get("height"), what="a rendition's height"),
            mime=_text(rendition.get("contenttype") or rendition.get("mimetype")),
            name=_text(rendition.get("name")),
        )
        for rendition in _named(item.get("renditions"))
        if rendition.get("href")
    )
    descriptions = [_lower(entry) for entry in _items(item.get("descriptions")) if isinstance(entry, dict)]
    alt = next(
        (
            entry
            for entry in descriptions
            if str(entry.get("role", "")).lower() in ("alt", "alttext", "alternativetext")
        ),
        None,
    )
    caption_entry = _by_role([entry for entry in descriptions if entry is not alt], ("caption", "", "text"))
    source = _lower(item.get("digitalsourcetype"))
    holder = _text(item.get("copyrightholder"))
    body = next((entry for entry in _items(item.get("bodies")) if isinstance(entry, dict)), {})
    return WirePicture(
        id=_text(item.get("uri")) or _text(item.get("name")) or (renditions[0].href if renditions else ""),
        headline=_text(item.get("headline"))
        or next(
            (_text(_lower(entry).get("value")) for entry in _items(item.get("headlines")) if isinstance(entry, dict)),
            "",
        ),
        caption=_text(item.get("description_text"))
        or _plain_text(item.get("description_html"))
        or (_plain_text(caption_entry.get("value")) if caption_entry else "")
        or _text(item.get("body_text"))
        or _plain_text(_lower(body).get("value")),
        credit=holder,
        byline=_text(item.get("by")) or _text(item.get("byline")),
        alt_text=_plain_text(alt.get("value")) if alt else "",
        renditions=renditions,
        copyright=_text(item.get("copyrightnotice")) or (f"© {holder}" if holder else ""),
        usage_terms=_text(item.get("usageterms")),
        digital_source_type=qcode_from_uri(_text(source.get("uri"))) or _text(source.get("literal"))
        if source
        else _text(item.get("digitalsourcetype")),
    )


def _body(doc: dict[str, Any], associations: list[tuple[str, WirePicture]], headline: str) -> list[Block]:
    html = doc.get("body_html") or doc.get("body_xhtml")
    text = doc.get("body_text")
    if not html and not text:
        bodies = [
            _lower(entry) for entry in _items(doc.get("bodies")) if isinstance(entry, dict) and entry.get("value")
        ]
        chosen = next((entry for entry in bodies if _is_html(entry)), None)
        if chosen is not None:
            html = chosen["value"]
        elif bodies:
            text = bodies[0]["value"]
    if isinstance(html, str) and html.strip():
        blocks = BodyReader(HTML_ROLES, _PictureMatcher(associations)).read(html_tree(html))
        # An HTML body often repeats the headline as its first heading.
        if blocks and isinstance(blocks[0], Subheading) and blocks[0].text == headline:
            blocks = blocks[1:]
        return blocks
    if isinstance(text, str):
        return [Paragraph(part) for chunk in text.replace("\r\n", "\n").split("\n") if (part := squash(chunk))]
    return []


class _PictureMatcher:
    """Finds the association a `<figure>` or `<img>` in an HTML body stands for. Agencies point at it by
    the association's name (data-assoc-ref, data-association), its uri (data-uri) or a rendition's href."""

    def __init__(self, associations: list[tuple[str, WirePicture]]) -> None:
        self.keys: dict[str, WirePicture] = {}
        for name, picture in associations:
            for key in (name, picture.id, *(rendition.href for rendition in picture.renditions)):
                if key:
                    self.keys.setdefault(key, picture)

    def __call__(self, element: Element) -> WirePicture | None:
        found = figure_picture(element)
        image = (
            element
            if local(element.tag) == "img"
            else next((inner for inner in element.iter() if local(inner.tag) == "img"), element)
        )
        for key in ("data-assoc-ref", "data-association", "data-uri", "uri", "src"):
            if (value := image.get(key)) and value in self.keys:
                known = self.keys[value]
                if found is None:
                    return known
                # The association's own words win; the figure fills in what the association leaves out.
                return dataclasses.replace(
                    known,
                    caption=known.caption or found.caption,
                    alt_text=known.alt_text or found.alt_text,
                    credit=known.credit or found.credit,
                    byline=known.byline or found.byline,
                )
        return found
