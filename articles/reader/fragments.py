"""Rendered pieces of public pages kept between renders, dropped by the page cache's surrogate keys.

A page that is not in the page cache still reuses what has not changed: a story page's metadata,
its article and its related stories, and each story card (one entry per story, holding the card in
each way a page shows it), are kept in Django's cache under keys of their own
(``fragment:<kind>:<story id>``), each with the surrogate keys of what it shows (its story, the
related stories, ``site``). They follow the page cache's rules (articles/reader/cache.py, keys
mode), so the purge that drops a page drops its fragments too:

- a fragment is used only when every one of its keys has a purge time before its render began
  and none of them is waiting in the invalidation outbox; a change committed while it was being
  rendered keeps it out of the cache;
- none outlives the page timeout or the next scheduled change (a story going live, an embargo
  ending, a photo's rights running out): what a fragment shows may depend on the day.

Only readers' renders use them: the page cache middleware opens a session for a request that
may be served from a cache (no staff session, no share link, no credentials) and stores what was
rendered only when the response may be given to anyone; previews never read or write one. The
cache failing (newsroom/redis_cache.py answers as a miss) means rendering everything, as before.
NEWSROOM_FRAGMENT_CACHE turns them on (as NEWSROOM_PAGE_CACHE by default); the site-wide
``generation`` mode does not use them.
"""

import time

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache

from articles.reader import invalidation, surrogate
from articles.reader.surrogate import SITE, story_key

PREFIX = "fragment:"
STORY_PARTS = ("meta", "article", "related")

_local = Local()


def enabled() -> bool:
    return settings.NEWSROOM_FRAGMENT_CACHE and settings.NEWSROOM_PAGE_CACHE_MODE != "generation"


class Session:
    """One reader's render: when it began, the keys pending then, and the fragments it rendered."""

    def __init__(self, started: float, pending: frozenset):
        self.started = started
        self.pending = pending
        # fragment name -> (stamp, keys, payload)
        self.rendered: dict[str, tuple[float, frozenset, object]] = {}

    def lookup(self, names) -> dict[str, tuple]:
        """The entries (stamp, expires, keys, payload) of ``names`` that may be used now."""
        names = list(names)
        found = cache.get_many([PREFIX + name for name in names])
        now = time.time()
        candidates = {}
        for name in names:
            entry = found.get(PREFIX + name)
            if not isinstance(entry, tuple) or len(entry) != 4:
                continue
            _stamp, expires, keys, _payload = entry
            if now < expires and not keys & self.pending:
                candidates[name] = entry
        if not candidates:
            return {}
        times = _purge_times(set().union(*(entry[2] for entry in candidates.values())))
        return {
            name: entry
            for name, entry in candidates.items()
            if all(times.get(key) is not None and times[key] < entry[0] for key in entry[2])
        }

    def keep(self, name: str, keys, payload, stamp: float | None = None) -> None:
        """Store ``payload`` under ``name`` when the request ends (``stamp``: when its oldest part was rendered)."""
        self.rendered[name] = (min(stamp or self.started, self.started), frozenset(keys), payload)

    def store(self) -> None:
        """Write what was rendered, unless one of its keys was purged (or is pending) since it was rendered."""
        rendered = {name: item for name, item in self.rendered.items() if not item[1] & self.pending}
        if not rendered:
            return
        from articles.reader.cache import KEY_PREFIX, lifetime  # the page cache imports this module

        keys = set().union(*(item[1] for item in rendered.values()))
        times = _purge_times(keys)
        # A key never purged (or evicted) gets a purge time just before this render began, as the page
        # cache does: what was stored with it before is then unknown, so it is no longer used.
        before = self.started - 1e-6
        added = {key for key in keys - times.keys() if cache.add(KEY_PREFIX + key, before, timeout=None)}
        times.update(dict.fromkeys(added, before))
        lasts = lifetime(self.started)
        timeout = settings.NEWSROOM_PAGE_CACHE_TIMEOUT if lasts is None else lasts
        if timeout <= 0:
            return
        expires = self.started + timeout
        entries = {
            PREFIX + name: (stamp, expires, item_keys, payload)
            for name, (stamp, item_keys, payload) in rendered.items()
            if all(times.get(key) is not None and times[key] < stamp for key in item_keys)
        }
        if entries:
            cache.set_many(entries, timeout)


def _purge_times(keys) -> dict[str, float]:
    from articles.reader.cache import KEY_PREFIX  # the page cache imports this module

    found = cache.get_many([KEY_PREFIX + key for key in keys])
    return {name.removeprefix(KEY_PREFIX): value for name, value in found.items()}


def open_session(started: float) -> None:
    """Begin a reader's render (the page cache middleware calls this before the view runs)."""
    if not enabled():
        _local.session = None
        return
    pending = invalidation.pending_keys()
    if pending:
        invalidation.replay_soon()
    _local.session = Session(started, pending)


def close_session(*, store: bool) -> None:
    """End the render; store its fragments when the response may be given to any reader."""
    session = getattr(_local, "session", None)
    _local.session = None
    if session is not None and store and session.rendered:
        session.store()


def current() -> Session | None:
    return getattr(_local, "session", None)


# --- The story page -------------------------------------------------------------------------------


class StoryParts:
    """A story page's metadata, article and related block: the ones found, and a place for the rest.

    The template's ``{% fragment %}`` tag takes a part from here, or renders it and hands it back.
    """

    def __init__(self, story_id: int, session: Session | None):
        self.story_id = story_id
        self.session = session
        self.found: dict[str, str] = {}
        self.related_ids: list[int] = []
        if session is not None:
            entries = session.lookup(f"{part}:{story_id}" for part in STORY_PARTS)
            for name, (_stamp, _expires, keys, html) in entries.items():
                self.found[name.split(":", 1)[0]] = html
                surrogate.add(*keys)

    @property
    def complete(self) -> bool:
        return len(self.found) == len(STORY_PARTS)

    def get(self, part: str) -> str | None:
        return self.found.get(part)

    def rendered(self, part: str, html: str) -> None:
        if self.session is None:
            return
        keys = {story_key(self.story_id), SITE}
        if part == "related":
            keys.update(story_key(pk) for pk in self.related_ids)
        self.session.keep(f"{part}:{self.story_id}", keys, str(html))


def story_parts(story_id: int) -> StoryParts:
    """The story page's parts found for this render (none outside a reader's render)."""
    return StoryParts(story_id, current())


# --- Story cards ------------------------------------------------------------------------------------


class Cards:
    """One story's cards, by the way a page shows it (heading, size, photo...)."""

    def __init__(self, story_id: int, session: Session, entry: tuple | None):
        self.story_id = story_id
        self.session = session
        self.stamp = entry[0] if entry else None
        self.variants: dict[tuple, str] = dict(entry[3]) if entry else {}

    def get(self, variant: tuple) -> str | None:
        return self.variants.get(variant)

    def rendered(self, variant: tuple, html: str) -> None:
        self.variants[variant] = str(html)
        keys = {story_key(self.story_id), SITE}
        self.session.keep(f"card:{self.story_id}", keys, dict(self.variants), stamp=self.stamp)


def attach_cards(stories) -> None:
    """Give each story ``card_fragments`` (its cached cards), in one lookup; nothing outside a reader's render."""
    session = current()
    if session is None or not stories:
        return
    found = session.lookup(f"card:{story.pk}" for story in stories)
    for story in stories:
        story.card_fragments = Cards(story.pk, session, found.get(f"card:{story.pk}"))
