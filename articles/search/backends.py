"""The search index on each database: a weighted tsvector on PostgreSQL, an FTS5 table on SQLite.

Both take the same words from ``parse_query`` and never pass user input to the database as query
syntax. Who may see a hit is decided by the caller's live() SQL, joined in here.
"""

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence
from itertools import batched, chain, pairwise

from django.db import DEFAULT_DB_ALIAS, NotSupportedError, connections

from articles.search.documents import Document, tokenizable
from articles.search.query import SearchQuery

INDEX_TABLE = "articles_search_index"
BATCH_SIZE = 500

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
        return sql, [tokenizable(term) for term in query.terms]

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
        return " ".join('"{}"'.format(tokenizable(term).strip().replace('"', '""')) for term in query.terms)

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
