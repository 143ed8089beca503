"""The story body as an ordered list of blocks, for apps that lay a story out themselves.

One function, body_as_blocks(), over Story.body_with_photos(): each stored block of the sanitized
body becomes a paragraph, subheading, list or quote (with its HTML and its plain text), and each
placed photo a photo block with caption, credit and renditions. A photo readers may not see
(rights ended, no renditions) is left out.
"""

import html
import re
from html.parser import HTMLParser

import nh3

from articles.photos.public import is_public, public_renditions

_HEAD = re.compile(r"^<(\w+)[^>]*>(.*)</\1>$", re.DOTALL)


def plain_text(fragment: str) -> str:
    return html.unescape(nh3.clean(fragment, tags=set())).strip()


class _Items(HTMLParser):
    """The inner HTML of each top-level <li> of a list."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.depth = 0
        self.items: list[str] = []
        self._start = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        lines = self.source.splitlines(keepends=True)
        return sum(len(text) for text in lines[: line - 1]) + col

    def handle_starttag(self, tag, attrs):
        if tag == "li":
            self.depth += 1
            if self.depth == 1:
                self._start = self._offset() + len(self.get_starttag_text())

    def handle_endtag(self, tag):
        if tag == "li":
            if self.depth == 1:
                self.items.append(self.source[self._start : self._offset()].strip())
            self.depth -= 1


def list_items(inner: str) -> list[str]:
    parser = _Items(inner)
    parser.feed(inner)
    parser.close()
    return parser.items


def text_block(fragment: str) -> dict:
    match = _HEAD.match(fragment.strip())
    tag, inner = (match.group(1), match.group(2)) if match else ("p", fragment)
    if tag in ("h2", "h3"):
        return {"type": "subheading", "level": int(tag[1]), "html": inner, "text": plain_text(inner)}
    if tag in ("ul", "ol"):
        items = list_items(inner)
        return {
            "type": "list",
            "ordered": tag == "ol",
            "items": items,
            "html": inner,
            "text": "\n".join(plain_text(item) for item in items),
        }
    if tag == "blockquote":
        return {"type": "quote", "html": inner, "text": plain_text(inner)}
    return {"type": "paragraph", "html": inner, "text": plain_text(inner)}


def photo_block(placement, today=None) -> dict | None:
    photo = placement.photo
    if not is_public(photo, today):
        return None
    return {
        "type": "photo",
        "photo": {
            "id": photo.pk,
            "caption": placement.shown_caption,
            "credit": photo.credit_line,
            "alt_text": photo.alt_text,
            "digital_source_type": photo.digital_source_type or None,
            "renditions": public_renditions(photo),
        },
    }


def body_as_blocks(story) -> list[dict]:
    """The body in reading order: text blocks and the photos placed between them."""
    blocks = []
    for kind, item in story.body_with_photos():
        block = text_block(item) if kind == "html" else photo_block(item)
        if block is not None:
            blocks.append(block)
    return blocks
