"""Turn a marked-up body (NITF, XHTML or HTML) into the ordered blocks of a wire item."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

from .common import local, squash
from .item import Block, ListBlock, Paragraph, PictureBlock, Quote, Rendition, Subheading, WirePicture

PictureReader = Callable[[Element], WirePicture | None]

NITF_ROLES = {
    "p": "paragraph",
    "pre": "paragraph",
    "tr": "paragraph",
    "hl1": "subheading",
    "hl2": "subheading",
    "ul": "list",
    "ol": "list",
    "dl": "list",
    "bq": "quote",
    "media": "picture",
    "block": "container",
    "table": "container",
    "nitf-table": "container",
    "tbody": "container",
    "fn": "skip",
    "note": "skip",
    "classifier": "skip",
}

HTML_ROLES = {
    "p": "paragraph",
    "pre": "paragraph",
    "address": "paragraph",
    "tr": "paragraph",
    **{f"h{level}": "subheading" for level in range(1, 7)},
    "ul": "list",
    "ol": "list",
    "dl": "list",
    "blockquote": "quote",
    "figure": "picture",
    "img": "picture",
    **dict.fromkeys(("head", "script", "style", "template", "nav", "noscript", "iframe", "object"), "skip"),
    **dict.fromkeys(
        ("html", "body", "div", "section", "article", "main", "header", "aside", "table", "tbody", "thead"),
        "container",
    ),
}

_QUOTE_SOURCES = {"credit", "cite", "footer", "figcaption"}
_LIST_ITEMS = {"li", "dt", "dd"}


class BodyReader:
    """Walks a body in document order. `roles` says what each element name is; an element the table does
    not name is inline text unless it holds blocks, when it is read as a container."""

    def __init__(self, roles: Mapping[str, str], picture: PictureReader) -> None:
        self.roles = roles
        self.picture = picture

    def read(self, root: Element) -> list[Block]:
        self._holding_blocks = self._elements_holding_blocks(root)
        blocks: list[Block] = []
        self._container(root, blocks)
        return blocks

    def _elements_holding_blocks(self, root: Element) -> set[Element]:
        """Every element with a block somewhere inside it, found in one pass so that a hostile file of
        deeply nested unknown elements costs linear time."""
        parents = {inner: outer for outer in root.iter() for inner in outer}
        holding: set[Element] = set()
        for element in root.iter():
            if self.roles.get(local(element.tag)) in (None, "skip"):
                continue
            parent = parents.get(element)
            while parent is not None and parent not in holding:
                holding.add(parent)
                parent = parents.get(parent)
        return holding

    def _role(self, element: Element) -> str | None:
        name = local(element.tag)
        if not name:
            return "skip"
        role = self.roles.get(name)
        if role is None and element in self._holding_blocks:
            return "container"
        return role

    def _container(self, element: Element, blocks: list[Block]) -> None:
        loose = [element.text or ""]
        for inner in element:
            role = self._role(inner)
            if role is None:
                loose.append(self._text(inner))
                loose.append(inner.tail or "")
                continue
            self._paragraph("".join(loose), blocks)
            self._block(inner, role, blocks)
            loose = [inner.tail or ""]
        self._paragraph("".join(loose), blocks)

    def _block(self, element: Element, role: str, blocks: list[Block]) -> None:
        if role == "container":
            self._container(element, blocks)
        elif role == "paragraph":
            self._paragraph(self._text(element), blocks)
            self._inner_pictures(element, blocks)
        elif role == "subheading":
            if text := squash(self._text(element)):
                blocks.append(Subheading(text))
        elif role == "list":
            items = tuple(
                text for item in element if local(item.tag) in _LIST_ITEMS if (text := squash(self._text(item)))
            )
            if items:
                blocks.append(ListBlock(items, ordered=local(element.tag) == "ol"))
        elif role == "quote":
            self._quote(element, blocks)
        elif role == "picture" and (picture := self.picture(element)):
            blocks.append(PictureBlock(picture))

    def _paragraph(self, text: str, blocks: list[Block]) -> None:
        if text := squash(text):
            blocks.append(Paragraph(text))

    def _quote(self, element: Element, blocks: list[Block]) -> None:
        source = squash(element.get("quote-source") or element.get("cite-text"))
        for inner in element.iter():
            if inner is not element and local(inner.tag) in _QUOTE_SOURCES:
                source = source or squash(self._text(inner))
        words = [element.text or ""]
        for inner in element:
            if local(inner.tag) not in _QUOTE_SOURCES:
                words.append(" " + self._text(inner) + " ")
            words.append(inner.tail or "")
        if text := squash("".join(words)):
            blocks.append(Quote(text, source=source))

    def _inner_pictures(self, element: Element, blocks: list[Block]) -> None:
        for inner in element.iter():
            if inner is element or self.roles.get(local(inner.tag)) != "picture":
                continue
            if picture := self.picture(inner):
                blocks.append(PictureBlock(picture))

    def _text(self, element: Element) -> str:
        """The words of an element, leaving out pictures and skipped parts; a line break is a space."""
        name = local(element.tag)
        if not name or self.roles.get(name) in ("picture", "skip"):
            return ""
        if name == "br":
            return " "
        parts = [element.text or ""]
        for inner in element:
            parts.append(self._text(inner))
            parts.append(inner.tail or "")
        return "".join(parts)


_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _TreeBuilder(HTMLParser):
    """Enough of an HTML tree for `BodyReader`: forgiving about unclosed and stray end tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("body")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        if tag in ("p", "li") and local(self.stack[-1].tag) == tag:
            self.stack.pop()
        self.stack[-1].append(element)
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        parent = self.stack[-1]
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + data
        else:
            parent.text = (parent.text or "") + data


def html_tree(markup: str) -> Element:
    """Parse an HTML fragment or page into elements. HTML is never XML-parsed, so entities such as
    &nbsp; are fine, and html.parser reads no DTDs and fetches nothing."""
    builder = _TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


def _by_class(element: Element, *names: str) -> str:
    for found in element.iter():
        classes = found.get("class", "").lower().split()
        if any(name in classes for name in names):
            return squash("".join(found.itertext()))
    return ""


def figure_picture(element: Element) -> WirePicture | None:
    """A picture from an (X)HTML `<figure>` or bare `<img>`: caption from `<figcaption>`, credit and
    photographer from elements of class "credit" and "byline" inside the figure."""
    image = (
        element
        if local(element.tag) == "img"
        else next((found for found in element.iter() if local(found.tag) == "img"), None)
    )
    if image is None or not image.get("src", "").strip():
        return None
    src = image.get("src", "").strip()
    credit, byline = _by_class(element, "credit"), _by_class(element, "byline")
    caption_element = next((found for found in element.iter() if local(found.tag) == "figcaption"), None)
    caption = ""
    if caption_element is not None:
        caption = squash("".join(caption_element.itertext()))
        for part in (credit, byline):
            caption = squash(caption.replace(part, "")) if part else caption
    width, height = image.get("width", ""), image.get("height", "")
    rendition = Rendition(
        src,
        int(width) if width.isdigit() else None,
        int(height) if height.isdigit() else None,
        image.get("type", ""),
    )
    return WirePicture(
        id=image.get("data-uri") or image.get("id") or src,
        caption=caption,
        credit=credit,
        byline=byline,
        alt_text=squash(image.get("alt")),
        renditions=(rendition,),
    )


def pictures_of(blocks: list[Block]) -> list[WirePicture]:
    return [block.picture for block in blocks if isinstance(block, PictureBlock)]
