"""Reading results: the newest matching live stories, ranked, counted and listed."""

import math
from collections.abc import Sequence
from datetime import datetime

from django.db import DEFAULT_DB_ALIAS
from django.utils import timezone

from articles.models import Story
from articles.search.backends import get_backend
from articles.search.highlight import SearchHit, make_hit
from articles.search.query import SearchQuery, parse_query

# The newest matching live stories that a search ranks, counts and lists (see SearchResults).
MAX_RESULTS = 1000

# --- Reading results ----------------------------------------------------------------------------


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
