"""A read WireItem as JSON for the database, and the story text (headline, standfirst, body HTML) it gives.

The stored JSON is what drafts and diffs are made from, so a version read months ago still makes the same
draft whatever the readers learn since. Body HTML is written here from plain-text blocks: every piece of
agency text is escaped, so nothing in a wire file reaches a page as markup.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from django.utils.html import escape

from .item import ListBlock, Paragraph, PictureBlock, Quote, Subheading, WireItem, WirePicture


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def picture_data(picture: WirePicture) -> dict[str, Any]:
    return {
        "id": picture.id,
        "headline": picture.headline,
        "caption": picture.caption,
        "credit": picture.credit,
        "byline": picture.byline,
        "alt_text": picture.alt_text,
        "copyright": picture.copyright,
        "usage_terms": picture.usage_terms,
        "digital_source_type": picture.digital_source_type,
        "renditions": [rendition._asdict() for rendition in picture.renditions],
    }


def _block_data(block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": block.text}
    if isinstance(block, Subheading):
        return {"type": "subheading", "text": block.text}
    if isinstance(block, ListBlock):
        return {"type": "list", "items": list(block.items), "ordered": block.ordered}
    if isinstance(block, Quote):
        return {"type": "quote", "text": block.text, "source": block.source}
    if isinstance(block, PictureBlock):
        return {"type": "picture", "id": block.picture.id}
    raise TypeError(f"unknown block {block!r}")


def item_data(item: WireItem) -> dict[str, Any]:
    """Everything a draft and a diff need from the item, as JSON-ready values."""
    return {
        "guid": item.guid,
        "version": item.version,
        "format": item.format,
        "kind": item.kind,
        "provider": item.provider,
        "headline": item.headline,
        "subheadline": item.subheadline,
        "slugline": item.slugline,
        "standfirst": item.standfirst,
        "byline": item.byline,
        "contributors": [{"name": c.name, "role": c.role} for c in item.contributors],
        "dateline_place": item.dateline_place,
        "dateline": item.dateline,
        "located": item.located,
        "language": item.language,
        "urgency": item.urgency,
        "pub_status": item.pub_status,
        "signals": list(item.signals),
        "editorial_note": item.editorial_note,
        "first_created": _time(item.first_created),
        "version_created": _time(item.version_created),
        "embargoed": _time(item.embargoed),
        "expires": _time(item.expires),
        "keywords": list(item.keywords),
        "subjects": [{"code": s.code, "name": s.name} for s in item.subjects],
        "credit": item.credit,
        "copyright": item.copyright,
        "usage_terms": item.usage_terms,
        "body": [_block_data(block) for block in item.body],
        "pictures": [picture_data(picture) for picture in item.pictures],
        "refs": [ref._asdict() for ref in item.refs],
    }


def content_hash(data: dict[str, Any]) -> str:
    """The same item delivered twice hashes the same, whatever file (or file name) carried it."""
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def body_parts(data: dict[str, Any]) -> tuple[str, list[tuple[int, str]]]:
    """The body as HTML blocks, and each picture placed in it as (blocks before it, picture id)."""
    html_blocks: list[str] = []
    placed: list[tuple[int, str]] = []
    for block in data.get("body", []):
        kind = block.get("type")
        if kind == "paragraph" and block["text"].strip():
            html_blocks.append(f"<p>{escape(block['text'])}</p>")
        elif kind == "subheading" and block["text"].strip():
            html_blocks.append(f"<h2>{escape(block['text'])}</h2>")
        elif kind == "list" and block["items"]:
            tag = "ol" if block.get("ordered") else "ul"
            items = "".join(f"<li>{escape(text)}</li>" for text in block["items"])
            html_blocks.append(f"<{tag}>{items}</{tag}>")
        elif kind == "quote" and block["text"].strip():
            source = f"<p>— {escape(block['source'])}</p>" if block.get("source") else ""
            html_blocks.append(f"<blockquote><p>{escape(block['text'])}</p>{source}</blockquote>")
        elif kind == "picture":
            placed.append((len(html_blocks), block["id"]))
    return "\n".join(html_blocks), placed


def story_text(data: dict[str, Any]) -> dict[str, str]:
    """{"headline", "standfirst", "body"} as a draft made from this data would have them."""
    body, _ = body_parts(data)
    return {
        "headline": data.get("headline", ""),
        "standfirst": data.get("standfirst") or data.get("subheadline", ""),
        "body": body,
    }
