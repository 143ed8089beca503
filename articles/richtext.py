"""Rich text for story bodies: one allowlist, applied on save.

Stored HTML is safe HTML (DESIGN.md rule 4). The body is also split into its
top-level blocks at save time, so the story page can put photos between
paragraphs without parsing HTML on a reader's request.
"""

import itertools
import re
from html.parser import HTMLParser

import nh3

ALLOWED_TAGS = {"p", "h2", "h3", "strong", "em", "a", "ul", "ol", "li", "blockquote", "br"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
_BLOCK_TAGS = {"p", "h2", "h3", "ul", "ol", "blockquote"}


def sanitize(html: str) -> str:
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


class _BlockSplitter(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source_lines = source.splitlines(keepends=True)
        self.line_offsets = [0]
        for line in self.source_lines:
            self.line_offsets.append(self.line_offsets[-1] + len(line))
        self.depth = 0
        self.cuts: list[int] = [0]

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_offsets[line - 1] + col

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
    # A space at each block's end keeps the last word of one paragraph apart from the next's first.
    text = nh3.clean(_LINE_ENDS.sub(lambda end: f" {end.group(0)}", html or ""), tags=set())
    return len(text.split())
