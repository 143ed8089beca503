"""Showing a hit: the words found, marked in the headline and a snippet of the text."""

import bisect
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import Story
from articles.search.documents import html_to_text
from articles.search.query import NOT_CJK_WORD, SearchQuery, is_cjk

SNIPPET_CHARS = 240


@dataclass
class SearchHit:
    story: Story
    headline_html: SafeString
    snippet_html: SafeString


# --- Highlighting --------------------------------------------------------------------------------

_SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s", "e", "y")


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _stem(word: str) -> str:
    """A light English stem, for highlighting only: cranes/crane, studies/study, harbours/harbour.

    The databases stem properly when matching; this only decides which words get a <mark>.
    """
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=16384)
def _word_key(word: str) -> str:
    """What a word is compared by when highlighting. Cached: a page of hits runs thousands of words
    through it, mostly the same few hundred, and folding and stemming each one anew was most of
    the page's time."""
    return _stem(_fold(word))


def match_spans(text: str, query: SearchQuery) -> list[tuple[int, int]]:
    """(start, end) of each place in text that the query's terms match, in order, not overlapping."""
    if not text or not query:
        return []
    word_keys = {_word_key(term) for term in query.terms if not is_cjk(term)}
    spans = []
    if word_keys:
        spans += [m.span() for m in NOT_CJK_WORD.finditer(text) if _word_key(m.group()) in word_keys]
    for term in query.terms:
        if is_cjk(term):
            spans += [m.span() for m in re.finditer(re.escape(term), text)]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _render(text: str, spans: Sequence[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """Escape text[start:end] piece by piece, wrapping the spans in <mark>."""
    end = len(text) if end is None else end
    out, position = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        out.append(escape(text[position:span_start]))
        out.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    out.append(escape(text[position:end]))
    return "".join(out)


def highlight(text: str, query: SearchQuery) -> SafeString:
    """The whole of text, escaped, with the query's matches in <mark>."""
    return mark_safe(_render(text or "", match_spans(text or "", query)))  # every piece escaped in _render


def _snap_start(text: str, position: int) -> int:
    """Move a cut forward to the start of a word, unless none is near (as in CJK text)."""
    if position <= 0:
        return 0
    space = text.find(" ", position, position + 25)
    return space + 1 if space != -1 else position


def _snap_end(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    space = text.rfind(" ", position - 25, position)
    return space if space != -1 else position


def snippet(text: str, query: SearchQuery, *, size: int = SNIPPET_CHARS) -> SafeString:
    """About `size` characters of text around its densest cluster of matches, escaped and marked.

    Empty when the text has no match.
    """
    spans = match_spans(text or "", query)
    if not spans:
        return mark_safe("")
    starts = [span[0] for span in spans]
    # The match that begins the window holding the most matches.
    best = max(range(len(spans)), key=lambda i: bisect.bisect_left(starts, starts[i] + size - 40) - i)
    start = _snap_start(text, max(0, spans[best][0] - size // 5))
    end = _snap_end(text, min(len(text), start + size))
    if end <= spans[best][0]:  # a very long word: keep the match itself in view
        end = min(len(text), spans[best][1] + size // 2)
    body = _render(text, spans, start, end).strip()
    return mark_safe(f"{'… ' if start > 0 else ''}{body}{' …' if end < len(text) else ''}")


def _lead(text: str, size: int = SNIPPET_CHARS) -> SafeString:
    end = _snap_end(text, min(len(text), size))
    return mark_safe(escape(text[:end]) + (" …" if end < len(text) else ""))


def make_hit(story: Story, query: SearchQuery) -> SearchHit:
    """Headline and a snippet for one result: body text around the matches, else the standfirst."""
    body = html_to_text(story.body)
    text = snippet(body, query)
    if not text:
        text = highlight(story.standfirst, query) if story.standfirst else _lead(body)
    return SearchHit(story=story, headline_html=highlight(story.headline, query), snippet_html=text)
