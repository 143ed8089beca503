"""Full-text search over stories: one interface, a PostgreSQL backend and a SQLite backend.

What is indexed: the headline, standfirst, tag names, byline author names and the body's text
(HTML stripped) of every story, whatever its status. The index lives in a table of its own,
``articles_search_index``, keyed by story id and made by migration 0004: a weighted tsvector with a
GIN index on PostgreSQL, an FTS5 virtual table on SQLite. No model has a search field, so the ORM
schema is the same on both databases.

Who may see a hit is decided at query time, by joining the index with ``Story.objects.live()``
(the one visibility gate). A scheduled story becomes findable at its time with no job; a withdrawn
one disappears at once, before anything is reindexed.

User input is never passed to the database as query syntax. ``parse_query`` keeps only runs of
letters and digits, and each backend builds its own query from those words: every word must match,
English words are stemmed (snowball on PostgreSQL, porter on SQLite), ranking favours the headline,
then the standfirst, then tags and bylines, then the body.

Chinese, Japanese and Korean are written without spaces, and neither database's tokenizer splits
them, so 港口 inside 港口城市 would never match. We index each CJK character as a word of its own
and search a run of CJK characters as a phrase of adjacent characters ("港 口"). Unlike FTS5's
trigram tokenizer this also finds one- and two-character words, and it keeps stemming and word
ranking for everything else; the same trick works on both databases.

Many hits: a search ranks, counts and lists only the ``MAX_RESULTS`` newest matching live stories,
so that a common word costs milliseconds, not the hundreds it takes to rank every hit (see
``SearchResults`` for what that trades away).

Keeping it current: receivers (connected in ``ArticlesConfig.ready``) reindex a story after the
transaction that changed it, its tags, its bylines or the name of one of its authors or tags
commits. ``QuerySet.update()``, ``bulk_create()`` and raw SQL send no signals: call
``schedule_reindex`` or run ``manage.py reindex_search`` after those.
"""

import bisect
import math
import re
import unicodedata
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache, partial
from html.parser import HTMLParser
from itertools import batched, chain, pairwise

from asgiref.local import Local
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, NotSupportedError, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_init, post_save
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.views.generic import ListView

from articles.models import Author, Byline, Story, TaggedStory

INDEX_TABLE = "articles_search_index"
MAX_QUERY_CHARS = 200
MAX_TERMS = 20
SNIPPET_CHARS = 240
# The newest matching live stories that a search ranks, counts and lists (see SearchResults).
MAX_RESULTS = 1000
BATCH_SIZE = 500

# Han (with extensions and compatibility ideographs), kana and Hangul syllables.
_CJK_RANGES = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f"
_CJK_CHAR = re.compile(f"[{_CJK_RANGES}]")
# A term is a run of CJK characters, or a run of other letters and digits.
_TERM = re.compile(f"[{_CJK_RANGES}]+|[^\\W_{_CJK_RANGES}]+")
_NOT_CJK_WORD = re.compile(f"[^\\W_{_CJK_RANGES}]+")
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
    return bool(_CJK_CHAR.match(term))


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


# --- Documents -----------------------------------------------------------------------------------


class _TextExtractor(HTMLParser):
    """Text of sanitized HTML, with a space wherever a block or line break ended."""

    INLINE = frozenset({"a", "em", "strong", "b", "i", "span", "code", "sub", "sup", "small", "mark"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag not in self.INLINE:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of a story body: tags dropped, entities decoded, whitespace collapsed."""
    if not html:
        return ""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def _tokenizable(text: str) -> str:
    """Text as the index sees it: NFKC-normalised, each CJK character a word of its own."""
    return _CJK_CHAR.sub(r" \g<0> ", unicodedata.normalize("NFKC", text or ""))


@dataclass(frozen=True)
class Document:
    """What the index holds for one story, by field (field weights: headline highest, body lowest)."""

    story_id: int
    headline: str
    standfirst: str
    names: str  # tag names and byline author names
    body: str

    def fields(self) -> tuple[str, str, str, str]:
        return tuple(_tokenizable(value) for value in (self.headline, self.standfirst, self.names, self.body))


def build_documents(story_ids: Iterable[int], *, using: str = DEFAULT_DB_ALIAS) -> list[Document]:
    """Documents for the stories that exist among story_ids, in three queries."""
    ids = list(story_ids)
    names: defaultdict[int, list[str]] = defaultdict(list)
    for story_id, name in (
        Byline.objects.using(using)
        .filter(story_id__in=ids)
        .order_by("story_id", "order", "pk")
        .values_list("story_id", "author__name")
    ):
        names[story_id].append(name)
    for story_id, name in (
        TaggedStory.objects.using(using)
        .filter(content_object_id__in=ids)
        .order_by("content_object_id", "pk")
        .values_list("content_object_id", "tag__name")
    ):
        names[story_id].append(name)
    stories = (
        Story.objects.using(using).filter(pk__in=ids).order_by("pk").values_list("pk", "headline", "standfirst", "body")
    )
    return [
        Document(
            story_id=pk,
            headline=headline,
            standfirst=standfirst,
            names=" · ".join(names[pk]),
            body=html_to_text(body),
        )
        for pk, headline, standfirst, body in stories
    ]


# --- Backends ------------------------------------------------------------------------------------


class SearchBackend(ABC):
    """The index behind one database connection. Subclasses speak one vendor's SQL."""

    def __init__(self, connection):
        self.connection = connection

    @abstractmethod
    def write(self, documents: Sequence[Document]) -> None:
        """Insert or replace the index rows of these documents."""

    @abstractmethod
    def delete(self, story_ids: Iterable[int]) -> None:
        """Remove the index rows of these stories."""

    @abstractmethod
    def delete_orphans(self) -> int:
        """Remove rows whose story no longer exists; return how many went."""

    @abstractmethod
    def optimize(self) -> None:
        """Tidy the index after a bulk rebuild."""

    @abstractmethod
    def newest_hits(self, query: SearchQuery, live: tuple[str, Sequence], limit: int) -> list[int]:
        """Ids of the ``limit`` newest live stories that match, newest first.

        ``live`` is the compiled SQL of the visibility gate, selecting ``id`` and ``publish_at``.
        """

    @abstractmethod
    def scores(self, query: SearchQuery, story_ids: Sequence[int]) -> dict[int, float]:
        """How well each of these stories matches, higher is better. Ids that do not match are left out."""

    def _run(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall() if cursor.description else []


class PostgresSearchBackend(SearchBackend):
    """A weighted tsvector per story (headline A, standfirst B, tags and bylines C, body D), GIN-indexed."""

    config = "english"

    def write(self, documents):
        if not documents:
            return
        vector = " || ".join(
            f"setweight(to_tsvector('{self.config}', {column}), '{weight}')"
            for column, weight in (("headline", "A"), ("standfirst", "B"), ("names", "C"), ("body", "D"))
        )
        # One statement per batch: the texts travel as arrays and PostgreSQL builds the vectors.
        columns = [list(column) for column in zip(*((d.story_id, *d.fields()) for d in documents), strict=True)]
        self._run(
            f"INSERT INTO {INDEX_TABLE} (story_id, document) SELECT story_id, {vector} "
            "FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::text[], %s::text[]) "
            "AS doc(story_id, headline, standfirst, names, body) "
            "ON CONFLICT (story_id) DO UPDATE SET document = EXCLUDED.document",
            columns,
        )

    def delete(self, story_ids):
        ids = list(story_ids)
        if ids:
            self._run(f"DELETE FROM {INDEX_TABLE} WHERE story_id = ANY(%s)", [ids])

    def delete_orphans(self):
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {INDEX_TABLE} AS i WHERE NOT EXISTS "
                "(SELECT 1 FROM articles_story AS s WHERE s.id = i.story_id)"
            )
            return cursor.rowcount

    def optimize(self):
        self._run(f"ANALYZE {INDEX_TABLE}")

    def _tsquery(self, query: SearchQuery) -> tuple[str, list[str]]:
        # phraseto_tsquery reads its argument as plain text, never as operators; a CJK term arrives
        # spaced out ("港 口") and becomes a phrase of adjacent characters.
        sql = " && ".join([f"phraseto_tsquery('{self.config}', %s)"] * len(query.terms))
        return sql, [_tokenizable(term) for term in query.terms]

    # How newest_hits chooses its plan; class attributes so that tests can try every plan on a few
    # stories. A sample of the newest live stories estimates how many match: at least one in five
    # and walking is cheapest, at most one in fifty and looking the hits up is.
    sample_size = 500
    dense_matches = 100
    sparse_matches = 10
    walk_window = 10_000

    def newest_hits(self, query, live, limit):
        """The newest matching live stories, by one of three plans chosen at run time.

        The GIN index finds matching rows of the index table, but a row's story id (and so its
        publish time) costs a heap visit, and checking one story's document costs a detoast. So:

        - walk: check the newest live stories one by one (at most ``walk_window``), and stop at
          ``limit`` matches. Cheap when many stories match.
        - filter: put every hit's story id in a hash table, then walk the newest live stories
          against it, stopping at ``limit``. The middle ground. ``IS TRUE`` keeps PostgreSQL from
          turning ``IN`` into a join, which would sort every hit instead of stopping early. The
          table must fit in hash_mem (some 250,000 hits with PostgreSQL 15's default work_mem), or
          PostgreSQL scans the hits for every story walked: raise work_mem well before a word
          that is rare in recent stories matches that many.
        - lookup: join the hits to the gate and sort them. Cheap when few stories match.

        Checking the newest ``sample_size`` live stories (about a millisecond) picks the plan; if
        the walk runs out of window, the filter plan answers. Each arm runs only when chosen (its
        one-time filter is false otherwise), and every arm returns the same stories. At 100,000
        stories each costs 2 to 15 ms, where ranking every hit cost 200 to 500 ms.
        """
        live_sql, live_params = live
        tsquery, tsquery_params = self._tsquery(query)
        match = f"i.document @@ ({tsquery})"
        probe = f"(SELECT {match} FROM {INDEX_TABLE} AS i WHERE i.story_id = story.id)"
        rows = self._run(
            f"""
            WITH recent AS NOT MATERIALIZED (
                SELECT live.id, live.publish_at FROM ({live_sql}) AS live
                ORDER BY live.publish_at DESC, live.id DESC
            ),
            sample AS MATERIALIZED (
                SELECT count(*) AS matched FROM (SELECT id FROM recent LIMIT %s) AS story WHERE {probe}
            ),
            walked AS MATERIALIZED (
                SELECT story.id, story.publish_at FROM (SELECT * FROM recent LIMIT %s) AS story
                WHERE {probe} LIMIT %s
            ),
            chosen AS MATERIALIZED (
                SELECT CASE
                    WHEN matched >= %s AND (SELECT count(*) FROM walked) >= %s THEN 'walk'
                    WHEN matched <= %s THEN 'lookup'
                    ELSE 'filter'
                END AS plan FROM sample
            )
            SELECT id FROM (
                SELECT id, publish_at FROM walked WHERE (SELECT plan FROM chosen) = 'walk'
                UNION ALL (
                    SELECT id, publish_at FROM recent
                    WHERE (SELECT plan FROM chosen) = 'filter'
                    AND (id IN (SELECT i.story_id FROM {INDEX_TABLE} AS i WHERE {match})) IS TRUE
                    LIMIT %s
                )
                UNION ALL (
                    SELECT live.id, live.publish_at
                    FROM (SELECT i.story_id FROM {INDEX_TABLE} AS i WHERE {match} OFFSET 0) AS hits
                    JOIN ({live_sql}) AS live ON live.id = hits.story_id
                    WHERE (SELECT plan FROM chosen) = 'lookup'
                    ORDER BY live.publish_at DESC, live.id DESC LIMIT %s
                )
            ) AS newest
            ORDER BY publish_at DESC, id DESC
            """,
            [
                *live_params,
                self.sample_size,
                *tsquery_params,
                self.walk_window,
                *tsquery_params,
                limit,
                self.dense_matches,
                limit,
                self.sparse_matches,
                *tsquery_params,
                limit,
                *tsquery_params,
                *live_params,
                limit,
            ],
        )
        return [row[0] for row in rows]

    def scores(self, query, story_ids):
        tsquery, tsquery_params = self._tsquery(query)
        rows = self._run(
            f"SELECT story_id, ts_rank(document, {tsquery}) FROM {INDEX_TABLE} "
            f"WHERE story_id = ANY(%s) AND document @@ ({tsquery})",
            [*tsquery_params, list(story_ids), *tsquery_params],
        )
        return dict(rows)


class SQLiteSearchBackend(SearchBackend):
    """An FTS5 table (porter stemming over unicode61) ranked by bm25 with per-column weights."""

    # bm25 weights, in column order: headline, standfirst, names, body.
    weights = (10.0, 4.0, 2.0, 1.0)

    def write(self, documents):
        self.delete(document.story_id for document in documents)
        with self.connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {INDEX_TABLE} (rowid, headline, standfirst, names, body) VALUES (%s, %s, %s, %s, %s)",
                [(document.story_id, *document.fields()) for document in documents],
            )

    def delete(self, story_ids):
        for batch in batched(story_ids, BATCH_SIZE):
            placeholders = ", ".join(["%s"] * len(batch))
            self._run(f"DELETE FROM {INDEX_TABLE} WHERE rowid IN ({placeholders})", batch)

    def delete_orphans(self):
        with self.connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {INDEX_TABLE} WHERE rowid NOT IN (SELECT id FROM articles_story)")
            return cursor.rowcount

    def optimize(self):
        self._run(f"INSERT INTO {INDEX_TABLE} ({INDEX_TABLE}) VALUES ('optimize')")

    @staticmethod
    def _match(query: SearchQuery) -> str:
        # Every term becomes an FTS5 string (implicit AND between them). Terms hold only letters
        # and digits, so no operator, column filter or quote can reach FTS5; doubling quotes is a
        # second line of defence.
        return " ".join('"{}"'.format(_tokenizable(term).strip().replace('"', '""')) for term in query.terms)

    # Below this many full-text hits, newest_hits looks the hits up rather than walking.
    lookup_below = 2000

    def newest_hits(self, query, live, limit):
        """The newest matching live stories, by one of two plans.

        - walk: FTS5 gives the hits' rowids (the story ids) without reading any document, SQLite
          keeps them in a temporary b-tree, then walks the gate's covering index (newest first)
          and stops at ``limit``. The unary ``+`` keeps the planner from choosing the lookup
          plan, which for a common word sorts tens of thousands of hits.
        - lookup: look each hit up in the gate and sort them. Cheaper when hits are few, since
          the walk would read the whole index to find them.

        Counting the first ``lookup_below`` hits is cheap, and decides. SQLite evaluates a LIMIT
        once, before the loop, so a LIMIT of 0 switches the other arm off without running it (a
        WHERE condition would be tested on every row).
        """
        live_sql, live_params = live
        match = self._match(query)
        hits = f"SELECT rowid FROM {INDEX_TABLE} WHERE {INDEX_TABLE} MATCH %s"
        many = f"(SELECT count(*) >= %s FROM ({hits} LIMIT %s))"
        rows = self._run(
            f"""
            SELECT id FROM (
                SELECT * FROM (
                    SELECT live.id, live.publish_at FROM ({live_sql}) AS live WHERE +live.id IN ({hits})
                    ORDER BY live.publish_at DESC, live.id DESC LIMIT (CASE WHEN {many} THEN %s ELSE 0 END)
                )
                UNION ALL
                SELECT * FROM (
                    SELECT live.id, live.publish_at FROM ({hits}) AS hits
                    CROSS JOIN ({live_sql}) AS live WHERE live.id = hits.rowid
                    ORDER BY live.publish_at DESC, live.id DESC LIMIT (CASE WHEN {many} THEN 0 ELSE %s END)
                )
            )
            ORDER BY publish_at DESC, id DESC
            """,
            [
                *live_params,
                match,
                self.lookup_below,
                match,
                self.lookup_below,
                limit,
                match,
                *live_params,
                self.lookup_below,
                match,
                self.lookup_below,
                limit,
            ],
        )
        return [row[0] for row in rows]

    # bm25 needs each term's document count over the whole index, which FTS5 recounts on every
    # scan of the table: scoring stories one by one costs a scan each (seconds for 1,000 stories
    # and a common word), scoring every hit reads every hit. One scan per rowid range is cheap,
    # and story ids mostly rise with publish time, so a few ranges cover the newest stories.
    max_spans = 8
    min_gap = 2000

    def scores(self, query, story_ids):
        spans = id_spans(story_ids, max_spans=self.max_spans, min_gap=self.min_gap)
        if not spans:
            return {}
        weights = ", ".join(str(weight) for weight in self.weights)
        values = ", ".join(["(%s, %s)"] * len(spans))
        # CROSS JOIN keeps the spans outside, so FTS5 gets each range as rowid bounds.
        rows = self._run(
            f"WITH span(low, high) AS (VALUES {values}) "
            f"SELECT {INDEX_TABLE}.rowid, bm25({INDEX_TABLE}, {weights}) FROM span CROSS JOIN {INDEX_TABLE} "
            f"WHERE {INDEX_TABLE} MATCH %s AND {INDEX_TABLE}.rowid BETWEEN span.low AND span.high",
            [*chain.from_iterable(spans), self._match(query)],
        )
        wanted = set(story_ids)
        return {story_id: -bm25 for story_id, bm25 in rows if story_id in wanted}  # bm25: lower is better


def id_spans(ids: Iterable[int], *, max_spans: int, min_gap: int) -> list[tuple[int, int]]:
    """At most ``max_spans`` (low, high) ranges covering ids, split at the widest gaps over ``min_gap``."""
    ordered = sorted(set(ids))
    if not ordered:
        return []
    widest = sorted(range(1, len(ordered)), key=lambda n: ordered[n] - ordered[n - 1], reverse=True)
    cuts = sorted(n for n in widest[: max_spans - 1] if ordered[n] - ordered[n - 1] > min_gap)
    bounds = [0, *cuts, len(ordered)]
    return [(ordered[start], ordered[stop - 1]) for start, stop in pairwise(bounds)]


BACKENDS = {"postgresql": PostgresSearchBackend, "sqlite": SQLiteSearchBackend}


def get_backend(using: str = DEFAULT_DB_ALIAS) -> SearchBackend:
    connection = connections[using]
    try:
        return BACKENDS[connection.vendor](connection)
    except KeyError:
        raise NotSupportedError(f"Story search supports PostgreSQL and SQLite, not {connection.vendor}.") from None


# --- Indexing ------------------------------------------------------------------------------------


def reindex_stories(story_ids: Iterable[int], *, using: str = DEFAULT_DB_ALIAS, batch_size: int = BATCH_SIZE) -> int:
    """Bring these stories' index rows up to date now; a story that no longer exists loses its row.

    Idempotent. Returns how many stories were written.
    """
    backend = get_backend(using)
    written = 0
    for batch in batched(sorted({int(pk) for pk in story_ids}), batch_size):
        documents = build_documents(batch, using=using)
        with transaction.atomic(using=using):
            backend.delete(set(batch) - {document.story_id for document in documents})
            backend.write(documents)
        written += len(documents)
    return written


def rebuild_index(
    *,
    using: str = DEFAULT_DB_ALIAS,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[int, int]:
    """Reindex every story in batches (each its own transaction, so search keeps working meanwhile).

    Calls progress(done, total) after each batch. Returns (stories indexed, stale rows removed).
    """
    backend = get_backend(using)
    ids = list(Story.objects.using(using).order_by("pk").values_list("pk", flat=True))
    done = 0
    for batch in batched(ids, batch_size):
        reindex_stories(batch, using=using, batch_size=batch_size)
        done += len(batch)
        if progress:
            progress(done, len(ids))
    with transaction.atomic(using=using):
        removed = backend.delete_orphans()
    backend.optimize()
    return done, removed


_pending = Local()


def _pending_ids(using: str) -> set[int]:
    by_alias = getattr(_pending, "by_alias", None)
    if by_alias is None:
        by_alias = _pending.by_alias = defaultdict(set)
    return by_alias[using]


def schedule_reindex(story_ids: Iterable[int], *, using: str = DEFAULT_DB_ALIAS) -> None:
    """Reindex these stories once the current transaction commits (at once outside a transaction).

    Ids are gathered per connection, so a story saved, retagged and rebylined in one transaction is
    indexed once. If a transaction rolls back, its ids stay pending and ride along with the next
    commit: reindexing reads the database, so an extra pass is harmless.
    """
    ids = {pk for pk in story_ids if pk is not None}
    if not ids:
        return
    _pending_ids(using).update(ids)
    # robust: a failure is logged, and never turns an editor's committed save into an error page.
    transaction.on_commit(partial(_flush_pending, using), using=using, robust=True)


def _flush_pending(using: str) -> None:
    pending = _pending_ids(using)
    ids = set(pending)
    pending.clear()
    if ids:
        reindex_stories(ids, using=using)


# --- Reading results ----------------------------------------------------------------------------


@dataclass
class SearchHit:
    story: Story
    headline_html: SafeString
    snippet_html: SafeString


class SearchResults:
    """The best matches among the newest live stories for a query; works with Django's Paginator.

    Only the ``MAX_RESULTS`` newest matching live stories are ranked and listed: a common word
    matches tens of thousands of stories, and ranking or counting them all takes hundreds of
    milliseconds. Within those, the best matches come first, newer first among equals. What is
    traded away: an older story is found only when the query is specific enough that fewer than
    ``MAX_RESULTS`` newer stories match it, and the count stops there too (``capped`` then says
    that more stories match).

    ``count()`` costs one query (the newest hits), a page three more (their scores, the page's
    stories, their bylines), whatever the number of hits. An empty query runs none.
    """

    def __init__(self, query: SearchQuery, *, now: datetime | None = None, using: str = DEFAULT_DB_ALIAS):
        self.query = query
        self.using = using
        # One clock reading, so the count and the page agree on what is live.
        self.now = now or timezone.now()
        self._newest: list[int] | None = None
        self._capped = False
        self._ranked: list[int] | None = None

    def _live(self) -> tuple[str, Sequence]:
        gate = Story.objects.using(self.using).live(now=self.now).order_by().values("id", "publish_at")
        return gate.query.get_compiler(using=self.using).as_sql()

    def newest_ids(self) -> list[int]:
        """Ids of the newest matching live stories, newest first, at most MAX_RESULTS."""
        if self._newest is None:
            ids = []
            if self.query:
                ids = get_backend(self.using).newest_hits(self.query, self._live(), limit=MAX_RESULTS + 1)
            self._capped = len(ids) > MAX_RESULTS
            self._newest = ids[:MAX_RESULTS]
        return self._newest

    def ranked_ids(self) -> list[int]:
        """newest_ids, best match first; the newer story first among equals. Ranked once."""
        if self._ranked is None:
            ids = self.newest_ids()
            scores = get_backend(self.using).scores(self.query, ids) if ids else {}
            order = sorted(range(len(ids)), key=lambda n: (-scores.get(ids[n], -math.inf), n))
            self._ranked = [ids[n] for n in order]
        return self._ranked

    @property
    def capped(self) -> bool:
        """True when more live stories match than the MAX_RESULTS counted and listed."""
        self.newest_ids()
        return self._capped

    def count(self) -> int:
        return len(self.newest_ids())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item: slice) -> list[SearchHit]:
        if not isinstance(item, slice) or item.step is not None:
            raise TypeError("SearchResults supports plain slices only.")
        ids = self.ranked_ids()[item]
        if not ids:
            return []
        stories = Story.objects.using(self.using).live(now=self.now).for_listing().in_bulk(ids)
        return [make_hit(stories[pk], self.query) for pk in ids if pk in stories]


def search_stories(raw_query: str | None, *, now: datetime | None = None) -> SearchResults:
    """Search live stories for whatever a reader typed. Never raises on odd input."""
    return SearchResults(parse_query(raw_query), now=now)


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
        spans += [m.span() for m in _NOT_CJK_WORD.finditer(text) if _word_key(m.group()) in word_keys]
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


# --- Keeping the index current -------------------------------------------------------------------


def _story_changed(sender, instance, using, **kwargs):
    schedule_reindex([instance.pk], using=using)


def _byline_or_tag_changed(sender, instance, using, **kwargs):
    story_id = instance.story_id if isinstance(instance, Byline) else instance.content_object_id
    schedule_reindex([story_id], using=using)


def _authors_changed(sender, instance, action, reverse, pk_set, using, **kwargs):
    """story.authors.add()/remove()/clear() and author.stories.add()...: bulk writes, no post_save."""
    if action not in {"post_add", "post_remove", "pre_clear"}:
        return
    if not reverse:
        schedule_reindex([instance.pk], using=using)
    elif action == "pre_clear":
        ids = Byline.objects.using(using).filter(author=instance).values_list("story_id", flat=True)
        schedule_reindex(list(ids), using=using)
    else:
        schedule_reindex(pk_set or (), using=using)


def _remember_name(sender, instance, **kwargs):
    # The name as loaded, to tell a rename (which changes many stories' documents) from other edits.
    instance._search_indexed_name = instance.__dict__.get("name")


def _author_saved(sender, instance, created, using, **kwargs):
    if not created and instance.name != getattr(instance, "_search_indexed_name", None):
        ids = Byline.objects.using(using).filter(author_id=instance.pk).values_list("story_id", flat=True)
        schedule_reindex(list(ids), using=using)
    instance._search_indexed_name = instance.name


def _tag_saved(sender, instance, created, using, **kwargs):
    if not created and instance.name != getattr(instance, "_search_indexed_name", None):
        ids = TaggedStory.objects.using(using).filter(tag_id=instance.pk).values_list("content_object_id", flat=True)
        schedule_reindex(list(ids), using=using)
    instance._search_indexed_name = instance.name


def connect_signals() -> None:
    """Connect the receivers that keep the index current. Called from ArticlesConfig.ready()."""
    tag_model = TaggedStory.tag_model()
    post_save.connect(_story_changed, sender=Story, dispatch_uid="search_story_saved")
    post_delete.connect(_story_changed, sender=Story, dispatch_uid="search_story_deleted")
    for model in (Byline, TaggedStory):
        post_save.connect(_byline_or_tag_changed, sender=model, dispatch_uid=f"search_{model.__name__}_saved")
        post_delete.connect(_byline_or_tag_changed, sender=model, dispatch_uid=f"search_{model.__name__}_deleted")
    m2m_changed.connect(_authors_changed, sender=Story.authors.through, dispatch_uid="search_authors_changed")
    for model, receiver in ((Author, _author_saved), (tag_model, _tag_saved)):
        post_init.connect(_remember_name, sender=model, dispatch_uid=f"search_{model.__name__}_init")
        post_save.connect(receiver, sender=model, dispatch_uid=f"search_{model.__name__}_renamed")


# --- The search page -----------------------------------------------------------------------------


class SearchView(ListView):
    """/search/?q=…: ranked live stories with highlighted snippets, paged like every other list.

    An empty query shows the form and runs no search. A malformed or out-of-range ?page= is a 404.
    """

    template_name = "articles/search.html"
    context_object_name = "hits"

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_STORIES_PER_PAGE

    def get_queryset(self):
        self.query = parse_query(self.request.GET.get("q"))
        return SearchResults(self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        context["results_capped"] = self.object_list.capped  # counted by the paginator already
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        # Result pages are endless and thin; keep them out of search engines (the page says so too).
        response["X-Robots-Tag"] = "noindex"
        return response
