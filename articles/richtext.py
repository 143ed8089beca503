"""Rich text for story bodies: one allowlist, applied on save.

Stored HTML is safe HTML (DESIGN.md rule 4). The body is also split into its
top-level blocks at save time, so the story page can put photos between
paragraphs without parsing HTML on a reader's request.
"""

import itertools
import re
from collections.abc import Callable, Iterable
from html import escape, unescape
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {"p", "h2", "h3", "strong", "em", "a", "ul", "ol", "li", "blockquote", "br", "figure", "figcaption"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "figure": {"data-photo"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
_BLOCK_TAGS = {"p", "h2", "h3", "ul", "ol", "blockquote", "figure"}

# Given photo ids, answers which of them are in the photo library.
PhotoLookup = Callable[[set[int]], Iterable[int]]

_PHOTO_ID = re.compile(r"[1-9][0-9]{0,17}")
_FIGURE = re.compile(r'<figure data-photo="([0-9]+)">(?:<figcaption>([^<]*)</figcaption>)?</figure>')


def sanitize(html: str, known_photos: PhotoLookup | None = None) -> str:
    """Clean `html` to the site's allowlist.

    A photo figure survives only in its one shape, ``<figure data-photo="ID">`` holding at most one
    ``<figcaption>`` of plain text, standing between blocks, and naming a photo that
    ``known_photos`` finds in the library. Without ``known_photos`` (no database at hand) every
    figure is dropped.
    """
    screened = _drop_bad_figures(html or "")
    cleaned = nh3.clean(
        screened,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
    return _keep_known_figures(cleaned, known_photos)


def sanitize_shape(html: str) -> str:
    """sanitize() keeping every figure of the right shape whatever photo it names (no database needed).

    The body field's own pass; Story.save() runs sanitize() again with the library at hand.
    """
    return sanitize(html, known_photos=lambda ids: ids)


def figure_html(photo_id: int, caption: str = "") -> str:
    """The stored form of a photo placed in the body (the caption overrides the photo's own)."""
    inner = f"<figcaption>{escape(caption.strip(), quote=False)}</figcaption>" if caption.strip() else ""
    return f'<figure data-photo="{int(photo_id)}">{inner}</figure>'


def parse_figure(block: str) -> tuple[int, str] | None:
    """(photo id, caption override) when `block` is a stored photo figure, else None."""
    match = _FIGURE.fullmatch(block)
    if match is None:
        return None
    return int(match.group(1)), unescape(match.group(2) or "")


class _Located(HTMLParser):
    """An HTML parser that knows each tag's offset in its source."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_offsets = [0]
        for line in source.splitlines(keepends=True):
            self.line_offsets.append(self.line_offsets[-1] + len(line))

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_offsets[line - 1] + col

    def _end_of_tag(self) -> int:
        end = self.source.find(">", self._offset())
        return len(self.source) if end < 0 else end + 1


class _FigureScreen(_Located):
    """Finds each figure in raw input and judges whether it has the one allowed shape."""

    def __init__(self, source: str):
        super().__init__(source)
        self.figures: list[tuple[int, int, bool]] = []  # (start, end, good)
        self.start = None
        self.good = True
        self.depth = 0  # tags open inside the current figure
        self.captions = 0

    def handle_starttag(self, tag, attrs):
        if self.start is None:
            if tag == "figure":
                self.start, self.depth, self.captions = self._offset(), 0, 0
                names = [name for name, _value in attrs]
                value = dict(attrs).get("data-photo") or ""
                self.good = names == ["data-photo"] and bool(_PHOTO_ID.fullmatch(value))
            return
        if tag == "figcaption" and self.depth == 0 and not attrs and self.captions == 0:
            self.captions += 1
        else:
            self.good = False
        if tag not in {"br", "img", "hr", "input", "meta", "link"}:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.start is None:
            if tag == "figure":  # <figure/> is no figure worth keeping
                self.figures.append((self._offset(), self._end_of_tag(), False))
            return
        self.good = False

    def handle_endtag(self, tag):
        if self.start is None:
            return
        if self.depth == 0:
            if tag == "figure":
                self.figures.append((self.start, self._end_of_tag(), self.good))
                self.start = None
            else:
                self.good = False
            return
        self.depth -= 1

    def handle_data(self, data):
        if self.start is not None and self.depth == 0 and data.strip():
            self.good = False

    def handle_comment(self, data):
        if self.start is not None:
            self.good = False

    def close(self):
        super().close()
        if self.start is not None:  # never closed: drop it and all after it
            self.figures.append((self.start, len(self.source), False))
            self.start = None


def _drop_bad_figures(html: str) -> str:
    if "<figure" not in html.lower():
        return html
    screen = _FigureScreen(html)
    screen.feed(html)
    screen.close()
    kept, cursor = [], 0
    for start, end, good in screen.figures:
        if not good:
            kept.append(html[cursor:start])
            cursor = end
    kept.append(html[cursor:])
    return "".join(kept)


class _FigureFinder(_Located):
    """Finds the figures (and stray figcaptions) in cleaned HTML: their spans, and which stand at the top level."""

    def __init__(self, source: str):
        super().__init__(source)
        self.open: list[tuple[str, int]] = []  # (tag, start) of each element still open
        self.spans: list[tuple[int, int, bool]] = []  # (start, end, at top level as a figure)

    def handle_starttag(self, tag, attrs):
        if tag != "br":
            self.open.append((tag, self._offset()))

    def handle_endtag(self, tag):
        if not self.open or self.open[-1][0] != tag:
            return
        _tag, start = self.open.pop()
        parent = self.open[-1][0] if self.open else None
        if tag == "figure" or (tag == "figcaption" and parent != "figure"):
            self.spans.append((start, self._end_of_tag(), tag == "figure" and parent is None))


def _keep_known_figures(html: str, known_photos: PhotoLookup | None) -> str:
    """Drop every figure not in its stored shape at the top level or naming no known photo, and stray captions."""
    if "<fig" not in html:
        return html
    finder = _FigureFinder(html)
    finder.feed(html)
    finder.close()
    candidates = {}
    for start, end, top in finder.spans:
        found = parse_figure(html[start:end]) if top else None
        if found is not None:
            candidates[start] = found[0]
    known = set(known_photos(set(candidates.values()))) if (known_photos and candidates) else set()
    kept, cursor = [], 0
    for start, end, _top in sorted(finder.spans):
        if start < cursor:  # inside a span already dropped
            continue
        if candidates.get(start) in known:
            continue
        kept.append(html[cursor:start])
        cursor = end
    kept.append(html[cursor:])
    return "".join(kept).strip()


class _BlockSplitter(_Located):
    def __init__(self, source: str):
        super().__init__(source)
        self.depth = 0
        self.cuts: list[int] = [0]

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            self.cuts.append(self._offset())
        if tag != "br":
            self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1
        if self.depth == 0:
            self.cuts.append(self._offset() + len(f"</{tag}>"))


def split_blocks(html: str) -> list[str]:
    """Split sanitized HTML into its top-level blocks (paragraphs, subheadings, lists...).

    Loose inline text between blocks (which the sanitizer can leave) is wrapped in <p>.
    """
    parser = _BlockSplitter(html)
    parser.feed(html)
    parser.close()
    cuts = [*parser.cuts, len(html)]
    blocks = []
    for start, end in itertools.pairwise(cuts):
        chunk = html[start:end].strip()
        if not chunk:
            continue
        head = chunk[1:].split(">", 1)[0].split(" ", 1)[0] if chunk.startswith("<") else ""
        blocks.append(chunk if head in _BLOCK_TAGS else f"<p>{chunk}</p>")
    return blocks


_LINE_ENDS = re.compile(r"</(?:p|h2|h3|li|blockquote)>|<br\s*/?>", re.IGNORECASE)


def word_count(html: str) -> int:
    """Words of the text; a photo's caption is not the story's text."""
    html = re.sub(r"<figure\b.*?</figure>", " ", html or "", flags=re.DOTALL | re.IGNORECASE)
    # A space at each block's end keeps the last word of one paragraph apart from the next's first.
    text = nh3.clean(_LINE_ENDS.sub(lambda end: f" {end.group(0)}", html or ""), tags=set())
    return len(text.split())
