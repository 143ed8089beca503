"""NewsML-G2 2.x: news items (text and pictures), package items and news messages carrying several."""

from __future__ import annotations

import dataclasses
from typing import Any
from xml.etree.ElementTree import Element

from .blocks import HTML_ROLES, BodyReader, figure_picture, pictures_of
from .common import (
    IPTC_SCHEMES,
    child,
    children,
    code_part,
    dedupe,
    elements,
    local,
    namespace,
    parse_int,
    parse_time,
    pub_status,
    qcode_from_uri,
    squash,
    text_of,
)
from .item import (
    Block,
    Contributor,
    ItemRef,
    Paragraph,
    Rendition,
    Subject,
    WireError,
    WireItem,
    WirePicture,
)
from .nitf import XML_LANG, NitfBody, is_nitf, read_nitf_body

NAR = "http://iptc.org/std/nar/2006-10-01/"
ROOTS = {"newsItem", "packageItem", "newsMessage"}
_KINDS = {"text": "text", "picture": "picture", "graphic": "picture", "composite": "package"}


def is_newsml(root: Element) -> bool:
    return namespace(root.tag) == NAR and local(root.tag) in ROOTS


def read_newsml(root: Element) -> list[WireItem]:
    name = local(root.tag)
    if name == "newsItem":
        return [read_news_item(root)]
    if name == "packageItem":
        return [read_package_item(root)]
    return _read_message(root)


class _Codes:
    """Turns qcodes and URIs into one spelling, using the catalogs a file carries inline plus the IPTC
    aliases everyone knows. Remote catalogs (catalogRef) are never fetched."""

    def __init__(self, item: Element) -> None:
        self.schemes = dict(IPTC_SCHEMES)
        for catalog in children(item, "catalog"):
            for scheme in children(catalog, "scheme"):
                if scheme.get("alias") and scheme.get("uri"):
                    self.schemes[scheme.get("alias")] = scheme.get("uri")
        self.language = item.get(XML_LANG, "")

    def code(self, element: Element | None) -> str:
        if element is None:
            return ""
        if qcode := squash(element.get("qcode")):
            return qcode
        uri = squash(element.get("uri"))
        for alias, base in self.schemes.items():
            if uri.startswith(base) and len(uri) > len(base):
                return f"{alias}:{uri[len(base) :]}"
        return qcode_from_uri(uri) or squash(element.get("literal"))

    def name(self, element: Element | None) -> str:
        """The concept's `name` in the item's language, else its first name."""
        names = [found for found in children(element, "name") if not found.get("role")] or list(
            children(element, "name")
        )
        for found in names:
            lang = found.get(XML_LANG, "")
            if lang and self.language and lang.split("-")[0] == self.language.split("-")[0]:
                return text_of(found)
        return text_of(names[0]) if names else ""

    def label(self, element: Element | None) -> str:
        return self.name(element) or text_of(element) or code_part(self.code(element))


def _role(element: Element) -> str:
    return code_part(element.get("role", "")).lower()


def _guid_version(item: Element) -> tuple[str, int]:
    guid = squash(item.get("guid"))
    if not guid:
        raise WireError(f"the {local(item.tag)} has no guid")
    return guid, parse_int(item.get("version"), what=f"the version of {guid}") or 1


def _common(item: Element, codes: _Codes) -> dict[str, Any]:
    """Fields every NewsML-G2 item shares: item metadata, rights and the descriptive content metadata."""
    guid, version = _guid_version(item)
    meta = child(item, "itemMeta")
    content = child(item, "contentMeta")
    rights = child(item, "rightsInfo")
    holder = codes.label(child(rights, "copyrightHolder"))
    notice = text_of(child(rights, "copyrightNotice"))
    headlines = list(children(content, "headline"))
    main = [line for line in headlines if _role(line) in ("", "main")] or headlines
    subs = [line for line in headlines if line not in main[:1]]
    descriptions = {_role(found): text_of(found) for found in reversed(list(children(content, "description")))}
    located = child(content, "located")
    status_element = child(meta, "pubStatus")
    return {
        "guid": guid,
        "version": version,
        "format": "newsml-g2",
        "headline": text_of(main[0]) if main else text_of(child(meta, "title")),
        "provider": codes.label(child(meta, "provider")),
        "subheadline": text_of(subs[0]) if subs else "",
        "slugline": text_of(child(content, "slugline")),
        "standfirst": descriptions.get("summary") or descriptions.get("abstract") or descriptions.get("", ""),
        "byline": text_of(child(content, "by")),
        "contributors": tuple(
            Contributor(name, _role(person) or local(person.tag))
            for person in elements(content)
            if local(person.tag) in ("creator", "contributor")
            if (name := codes.name(person) or squash(person.get("literal")))
        ),
        "dateline": text_of(child(content, "dateline")),
        "dateline_place": codes.name(located),
        "located": codes.label(located) if located is not None else "",
        "language": (child(content, "language").get("tag", "") if child(content, "language") is not None else "")
        or codes.language,
        "urgency": parse_int(text_of(child(content, "urgency")), what="urgency"),
        "pub_status": pub_status(codes.code(status_element), what="pubStatus"),
        "signals": dedupe([codes.code(signal) for signal in children(meta, "signal")]),
        "editorial_note": " ".join(text for note in children(meta, "edNote") if (text := text_of(note))),
        "first_created": parse_time(text_of(child(meta, "firstCreated")), what="firstCreated"),
        "version_created": parse_time(text_of(child(meta, "versionCreated")), what="versionCreated"),
        "embargoed": parse_time(
            text_of(child(meta, "embargoed")) or text_of(child(content, "embargoed")), what="embargoed"
        ),
        "expires": parse_time(text_of(child(meta, "expires")), what="expires"),
        "keywords": dedupe([text_of(keyword) for keyword in children(content, "keyword")]),
        "subjects": tuple(
            Subject(code, codes.name(subject) or None)
            for subject in children(content, "subject")
            if (code := codes.code(subject))
        ),
        "credit": text_of(child(content, "creditline")),
        "copyright": notice or (f"© {holder}" if holder else ""),
        "usage_terms": text_of(child(rights, "usageTerms")),
        "_descriptions": descriptions,
        "_digital_source": codes.code(child(content, "digitalSourceType")),
    }


def _kind(item: Element) -> str:
    item_class = child(child(item, "itemMeta"), "itemClass")
    code = (
        code_part(qcode_from_uri(squash(item_class.get("qcode") or item_class.get("uri"))))
        if item_class is not None
        else ""
    )
    kind = _KINDS.get(code.lower())
    if kind is None:
        raise WireError(
            f"item {item.get('guid')} is of class '{code or 'unknown'}'; "
            "the wire desk reads text, pictures and packages"
        )
    return kind


def read_news_item(item: Element) -> WireItem:
    codes = _Codes(item)
    fields = _common(item, codes)
    descriptions = fields.pop("_descriptions")
    digital_source = fields.pop("_digital_source")
    kind = _kind(item)
    content_set = child(item, "contentSet")
    if kind == "picture":
        picture = WirePicture(
            id=fields["guid"],
            headline=fields["headline"],
            caption=descriptions.get("caption") or descriptions.get("", ""),
            credit=fields["credit"],
            byline=fields["byline"] or next((person.name for person in fields["contributors"]), ""),
            alt_text=descriptions.get("alternativetext") or descriptions.get("alttext", ""),
            renditions=tuple(_renditions(content_set)),
            copyright=fields["copyright"],
            usage_terms=fields["usage_terms"],
            digital_source_type=digital_source,
        )
        fields.update(kind="picture", pictures=(picture,))
    else:
        nitf_body, blocks = _text_body(content_set)
        if nitf_body is not None:
            fields["headline"] = fields["headline"] or nitf_body.headline
            fields["subheadline"] = fields["subheadline"] or nitf_body.subheadline
            fields["byline"] = fields["byline"] or nitf_body.byline
            fields["contributors"] = fields["contributors"] or tuple(nitf_body.contributors)
            fields["dateline"] = fields["dateline"] or nitf_body.dateline
            fields["dateline_place"] = fields["dateline_place"] or nitf_body.dateline_place
            fields["standfirst"] = fields["standfirst"] or nitf_body.standfirst
        fields.update(kind="text", body=tuple(blocks), pictures=tuple(pictures_of(blocks)))
    if not fields["headline"]:
        raise WireError(f"item {fields['guid']} has no headline")
    return WireItem(**fields)


def _text_body(content_set: Element | None) -> tuple[NitfBody | None, list[Block]]:
    """The first inline body this reader understands: NITF, XHTML or plain text."""
    for inline in content_set if content_set is not None else ():
        name = local(inline.tag)
        contenttype = inline.get("contenttype", "").lower()
        if name == "inlineXML":
            nitf = next((found for found in inline if is_nitf(found)), None)
            if nitf is not None:
                parts = read_nitf_body(nitf)
                return parts, parts.blocks
            html = next((found for found in inline if local(found.tag) in ("html", "body", "div", "article")), None)
            if html is not None:
                return None, BodyReader(HTML_ROLES, figure_picture).read(html)
        elif name == "inlineData" and contenttype.startswith("text/plain"):
            paragraphs = (inline.text or "").split("\n\n")
            return None, [Paragraph(text) for part in paragraphs if (text := squash(part))]
    return None, []


def _renditions(content_set: Element | None) -> list[Rendition]:
    return [
        Rendition(
            href=squash(remote.get("href") or remote.get("residref")),
            width=parse_int(remote.get("width"), what="remoteContent@width"),
            height=parse_int(remote.get("height"), what="remoteContent@height"),
            mime=remote.get("contenttype", ""),
            name=code_part(remote.get("rendition", "")),
        )
        for remote in children(content_set, "remoteContent")
        if remote.get("href") or remote.get("residref")
    ]


def _item_refs(package: Element) -> list[ItemRef]:
    refs = []
    for group in children(child(package, "groupSet"), "group"):
        for ref in children(group, "itemRef"):
            item_class = child(ref, "itemClass")
            refs.append(
                ItemRef(
                    guid=squash(ref.get("residref")),
                    kind=_KINDS.get(code_part(item_class.get("qcode", "")) if item_class is not None else "", ""),
                    title=text_of(child(ref, "title")),
                    description=text_of(child(ref, "description")),
                    group=code_part(group.get("role", "")),
                )
            )
    return refs


def read_package_item(package: Element) -> WireItem:
    codes = _Codes(package)
    fields = _common(package, codes)
    fields.pop("_descriptions")
    fields.pop("_digital_source")
    refs = _item_refs(package)
    if not fields["headline"]:
        raise WireError(f"package {fields['guid']} has no headline or title")
    pictures = tuple(
        WirePicture(id=ref.guid, headline=ref.title, caption=ref.description) for ref in refs if ref.kind == "picture"
    )
    return WireItem(**fields, kind="package", refs=tuple(refs), pictures=pictures)


def _read_message(message: Element) -> list[WireItem]:
    """Items of a news message. A package whose text item travels in the same message is folded into it:
    the text item gains the package's pictures, and the package and those pictures are not listed apart."""
    item_set = child(message, "itemSet")
    if item_set is None:
        raise WireError("the newsMessage carries no itemSet")
    items: dict[str, WireItem] = {}
    packages = []
    for element in item_set:
        if local(element.tag) == "newsItem":
            item = read_news_item(element)
            items[item.guid] = item
        elif local(element.tag) == "packageItem":
            packages.append(read_package_item(element))
    folded: set[str] = set()
    loose_packages = []
    for package in packages:
        texts = [items[ref.guid] for ref in package.refs if items.get(ref.guid) and items[ref.guid].kind == "text"]
        if not texts:
            loose_packages.append(package)
            continue
        picture_refs = [ref for ref in package.refs if _is_picture_ref(ref, items)]
        pictures = [_package_picture(ref, items) for ref in picture_refs]
        for text in texts:
            known = {picture.id for picture in text.pictures}
            extra = tuple(picture for picture in pictures if picture.id not in known)
            items[text.guid] = dataclasses.replace(text, pictures=text.pictures + extra)
        folded.update(ref.guid for ref in picture_refs)
    listed = [item for guid, item in items.items() if guid not in folded]
    if not listed and not loose_packages:
        raise WireError("the newsMessage carries no news items")
    return listed + loose_packages


def _is_picture_ref(ref: ItemRef, items: dict[str, WireItem]) -> bool:
    """An itemRef need not repeat its item's class; the item itself, when it travels along, tells."""
    item = items.get(ref.guid)
    return ref.kind == "picture" or (item is not None and item.kind == "picture")


def _package_picture(ref: ItemRef, items: dict[str, WireItem]) -> WirePicture:
    item = items.get(ref.guid)
    if item is not None and item.pictures:
        picture = item.pictures[0]
        return dataclasses.replace(picture, caption=picture.caption or ref.description)
    return WirePicture(id=ref.guid, headline=ref.title, caption=ref.description)
