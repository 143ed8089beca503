"""What a reader typed, reduced to the words searched for (the same on both databases)."""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_CHARS = 200
MAX_TERMS = 20

# Han (with extensions and compatibility ideographs), kana and Hangul syllables.
CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
CJK_CHAR = re.compile(f"[{CJK_RANGES}]")
# A term is a run of CJK characters, or a run of other letters and digits.
_TERM = re.compile(f"[{CJK_RANGES}]+|[^\\W_{CJK_RANGES}]+")
NOT_CJK_WORD = re.compile(f"[^\\W_{CJK_RANGES}]+")
# Control characters, and the bidirectional overrides that could flip the query when shown back.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]+")

# Words too common to narrow a search. PostgreSQL's English configuration drops these (and a few
# more) from documents and queries; dropping them from queries on SQLite too keeps both alike.
STOP_WORDS = frozenset(
    """
    a an and are as at be been but by for from had has have he her his i if in into is it its me
    my no not of on or our she so than that the their them then there these they this those to
    was we were what when where which who will with you your
    """.split()  # noqa: SIM905 - a word list reads best as text
)


def is_cjk(term: str) -> bool:
    return bool(CJK_CHAR.match(term))


# --- Queries -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchQuery:
    """A reader's query, reduced to words we chose to keep.

    ``text`` is the cleaned input to show back to the reader; ``terms`` are the words searched
    for, casefolded, at most ``MAX_TERMS``. A query with text but no terms is made only of
    stop words or punctuation: it matches nothing and runs no database query.
    """

    text: str
    terms: tuple[str, ...]

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(raw: str | None) -> SearchQuery:
    """Turn anything a reader types into a SearchQuery. Never raises."""
    text = _CONTROL.sub(" ", str(raw or ""))[: MAX_QUERY_CHARS * 2]
    text = " ".join(unicodedata.normalize("NFKC", text).split())[:MAX_QUERY_CHARS]
    terms: list[str] = []
    for match in _TERM.finditer(text):
        term = match.group().casefold()
        if term in STOP_WORDS or term in terms:
            continue
        terms.append(term)
        if len(terms) == MAX_TERMS:
            break
    return SearchQuery(text=text, terms=tuple(terms))
