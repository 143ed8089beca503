"""The full-page cache for anonymous readers, and its invalidation by surrogate key.

Readers without a staff session get public pages (home, stories, sections, tags, authors,
archive, search, corrections, feeds, sitemaps, robots.txt) from Django's cache: Redis when
REDIS_URL is set, local memory otherwise. A signed-in user always gets a fresh page marked
``private, no-store``, and so does a share-link holder (articles/reader/cache_requests.py decides
who, and strips the query parameters a view does not read). A response is stored only when it is a
200 or a 301, sets no cookie, used no CSRF token and does not forbid caching itself (previews send
``no-store``), so nothing personal can ever be stored.

Every public response names what it shows in surrogate keys (articles/reader/surrogate.py), sent
as ``xkey`` and ``Surrogate-Key`` for the edge. Invalidation (NEWSROOM_PAGE_CACHE_MODE):

- ``keys`` (the default): each key has a purge time in the cache (``page-cache:key:<key>``). A
  stored page keeps the time its render started and its keys; it is a hit only when every one of
  its keys is in the cache with a purge time before that (one MGET of the page's keys per hit), and
  none of them is waiting in the invalidation outbox (articles/reader/invalidation.py). A page
  rendered while a change committed is older than the purge and never served; a key evicted from
  the cache makes its pages a miss, never stale ones.
- ``generation``: the old way, kept to measure against: one site-wide generation that every
  change replaces, throwing away every page.

Time changes what readers see too: a scheduled story goes live, an embargo ends, a photo's
rights run out. No page is kept, here or at the edge (``s-maxage``), past the next such moment.

The local-memory cache belongs to one process: several app servers (or gunicorn workers) need
REDIS_URL so that one invalidation reaches all of them.
"""

import hashlib
import re
import secrets
import threading
import time
from collections import OrderedDict
from datetime import datetime
from functools import cache as memoize

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.csp import CSP
from django.utils.http import http_date, quote_etag

from articles.models import Photo, Story
from articles.reader import cache_requests, fragments, invalidation, surrogate

GENERATION_KEY = "page-cache:generation"
PAGE_KEY_PREFIX = "page-cache:page:"
KEY_PREFIX = "page-cache:key:"
NEXT_CHANGE_KEY = "page-cache:next-change"
# Query parameters that mean "not a reader's page": a share link opens a preview.
PRIVATE_PARAMETERS = ("share",)
CACHEABLE_STATUSES = frozenset({200, 301})
# Headers a cached response must not carry: a page that varies on anything else is not stored.
STORABLE_VARY = frozenset({"cookie", "accept-encoding"})
_NO_STORE_DIRECTIVES = re.compile(r"\b(private|no-store|no-cache)\b")
# Not stored with a page: made again for each response served from the cache.
_PER_RESPONSE_HEADERS = frozenset({"set-cookie", "content-length"})
_MAX_AGES = re.compile(r"\b(max-age|s-maxage)=(\d+)")


# --- The generation --------------------------------------------------------------------------


def _new_token() -> str:
    return secrets.token_hex(8)


def next_scheduled_change(now: datetime | None = None) -> float | None:
    """When readers' pages next change with no one saving anything, as a Unix time (None: never).

    The models say when: a scheduled story reaching its publish time or an embargo ending
    (StoryQuerySet.next_visibility_change, beside the gate), a photo's rights running out
    (PhotoQuerySet.next_rights_expiry, beside the rights rule).
    """
    now = now or timezone.now()
    moments = [
        moment
        for moment in (Story.objects.next_visibility_change(now), Photo.objects.next_rights_expiry(now))
        if moment is not None
    ]
    return min(moments).timestamp() if moments else None


def bump_generation() -> bool:
    """Start a new generation: every page stored so far becomes a miss, everywhere the cache is shared.

    False when the cache did not take it (it is down)."""
    return cache.set(GENERATION_KEY, (_new_token(), next_scheduled_change()), timeout=None) is not False


def _start_generation() -> str | None:
    """Make a generation where there is none (a cold cache, an eviction, a scheduled change passed).

    Returns its token, or None when another process made one first (this request then stores nothing).
    """
    token = _new_token()
    if cache.add(GENERATION_KEY, (token, next_scheduled_change()), timeout=None):
        return token
    return None


def _current_generation(value) -> str | None:
    """The token of a valid generation read from the cache, making a new one when needed."""
    if value is not None:
        token, next_change = value
        if next_change is None or time.time() < next_change:
            return token
        # A scheduled change is due. Deleting first means that a bump racing with us wins:
        # add() below then fails and this request simply stores nothing.
        cache.delete(GENERATION_KEY)
    return _start_generation()


# --- Which requests and responses ------------------------------------------------------------


@memoize
def _skipped_prefixes() -> tuple[str, ...]:
    # NEWSROOM_PAGE_CACHE_SKIP_PATHS: more prefixes, e.g. the benchmark's bare-view floor.
    extra = getattr(settings, "NEWSROOM_PAGE_CACHE_SKIP_PATHS", ())
    return (reverse("admin:index"), settings.STATIC_URL, settings.MEDIA_URL, *extra)


def is_reader_page(request) -> bool:
    """A GET or HEAD of a public page (not the admin, static or media files)."""
    return request.method in ("GET", "HEAD") and not request.path.startswith(_skipped_prefixes())


def may_use_cache(request) -> bool:
    """No staff session, no credentials, no share link: a reader who sees what every reader sees."""
    return not cache_requests.bypasses_cache(request)


def is_storable(request, response) -> bool:
    """Whether this response may be given to any other anonymous reader."""
    if response.status_code not in CACHEABLE_STATUSES or response.streaming:
        return False
    if response.cookies or response.has_header("Content-Encoding"):
        return False
    if request.META.get("CSRF_COOKIE_USED"):
        return False  # the page holds a token derived from this visitor's CSRF cookie
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if _NO_STORE_DIRECTIVES.search(response.get("Cache-Control", "")):
        return False
    vary = {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}
    return vary <= STORABLE_VARY


def page_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return PAGE_KEY_PREFIX + hashlib.md5(address.encode(), usedforsecurity=False).hexdigest()


# --- Storing and serving -----------------------------------------------------------------------


def _used_nonce(request) -> str | None:
    nonce = getattr(request, "_csp_nonce", None)
    return str(nonce) if nonce else None  # a LazyNonce is false until something has used it


def _capped_cache_control(value: str, seconds: int) -> str:
    """``value`` with its max-age and s-maxage no longer than ``seconds``."""

    def cap(match):
        return f"{match.group(1)}={min(int(match.group(2)), seconds)}"

    return _MAX_AGES.sub(cap, value)


def _mark_public(response, nonce: str | None, lifetime: int | None = None) -> None:
    """Cache-Control for shared caches, ETag and Last-Modified, unless the view set its own.

    ``lifetime``: seconds until the next scheduled change, which no cache may keep the page past.
    """
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = settings.NEWSROOM_PAGE_CACHE_CONTROL
    if lifetime is not None:
        response["Cache-Control"] = _capped_cache_control(response["Cache-Control"], max(lifetime, 0))
    if not response.has_header("ETag"):
        digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        # Pages with a CSP nonce get a fresh nonce on every hit: equivalent bytes, hence a weak ETag.
        response["ETag"] = f"W/{quote_etag(digest)}" if nonce else quote_etag(digest)
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(time.time())


def _entry(stamp, response, nonce: str | None, keys: frozenset = frozenset(), expires: float = 0.0) -> tuple:
    """What is stored: (generation token or render start time, status, headers, body, nonce, keys, expiry)."""
    headers = [(name, value) for name, value in response.items() if name.lower() not in _PER_RESPONSE_HEADERS]
    return (stamp, response.status_code, headers, response.content, nonce, keys, expires)


def _response_from(entry) -> HttpResponse:
    _stamp, status, headers, content, nonce, _keys, expires = entry
    fresh_nonce = secrets.token_urlsafe(16) if nonce else None
    if nonce:
        # A nonce must never repeat: swap the stored one for a new one, in the page and the policy.
        content = content.replace(nonce.encode(), fresh_nonce.encode())
    response = HttpResponse(content, status=status)
    for name, value in headers:
        if nonce and name in (CSP.HEADER_ENFORCE, CSP.HEADER_REPORT_ONLY):
            value = value.replace(nonce, fresh_nonce)
        response[name] = value
    if expires and "max-age" in response.get("Cache-Control", ""):
        # Downstream caches get no more than what is left of the page's life here.
        response["Cache-Control"] = _capped_cache_control(response["Cache-Control"], int(expires - time.time()))
    response["Content-Length"] = str(len(content))
    response["X-Cache"] = "HIT"
    return response


def _keys_mode() -> bool:
    return settings.NEWSROOM_PAGE_CACHE_MODE != "generation"


def lifetime(now: float) -> int | None:
    """Seconds until the next scheduled change (None: none is due within the page timeout)."""
    moment = next_change_moment(now)
    if moment is None or moment - now >= settings.NEWSROOM_PAGE_CACHE_TIMEOUT:
        return None
    return int(moment - now)


def _caps_lifetimes() -> bool:
    # Asking for the next scheduled change costs queries (once per change or per page timeout): done
    # when a cache keeps the pages, the app's or an edge's.
    return settings.NEWSROOM_PAGE_CACHE or bool(invalidation.edge_urls())


class PageCacheMiddleware:
    """Serve and store anonymous readers' pages; mark everything else on public paths private.

    Goes above the session, CSRF and authentication middleware, so a hit costs no database query
    and no session lookup, and below ConditionalGetMiddleware, which answers If-None-Match and
    If-Modified-Since from the stored ETag and Last-Modified.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_reader_page(request):
            invalidation.set_current_request(request)  # an editor's change may warn through it
            try:
                return self.get_response(request)
            finally:
                invalidation.set_current_request(None)
        name = cache_requests.url_name(request)
        if not may_use_cache(request):
            # Staff, previews and API clients with a token: their request reaches the view as sent.
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-store"
            return response
        cache_requests.clean_query(request, name)
        cache_requests.drop_forged_share(request)
        if not settings.NEWSROOM_PAGE_CACHE:
            response, keys = self._render(request, name)
            if is_storable(request, response):
                _mark_public(response, _used_nonce(request), lifetime(time.time()) if _caps_lifetimes() else None)
                surrogate.set_headers(response, keys)
            return response
        if _keys_mode():
            return self._by_keys(request, name)
        return self._by_generation(request, name)

    def _render(self, request, name, started: float | None = None):
        """The view's response and its surrogate keys; ``started``: when the render began (now by default)."""
        surrogate.start()
        # The same start as the page's: a key the fragments first give a purge time keeps the page storable.
        fragments.open_session(started or time.time())
        response = None
        try:
            response = self.get_response(request)
        finally:
            keys = surrogate.stop()
            fragments.close_session(store=response is not None and is_storable(request, response))
        keys.update(surrogate.keys_for_url_name(name))
        keys.add(surrogate.SITE)
        return response, keys

    def _by_keys(self, request, name):
        key = page_key(request)
        pending = invalidation.pending_keys()
        if pending:
            invalidation.replay_soon()
        entry = local_copies.get(key) or self._shared_entry(key)
        if entry is not None and _still_valid(entry, pending):
            return _response_from(entry)

        started = time.time()
        response, keys = self._render(request, name, started)
        if is_storable(request, response):
            nonce = _used_nonce(request)
            lasts = lifetime(started)
            _mark_public(response, nonce, lasts)
            keys = surrogate.set_headers(response, keys)
            timeout = settings.NEWSROOM_PAGE_CACHE_TIMEOUT if lasts is None else lasts
            if timeout > 0 and _may_store(keys, started, pending):
                entry = _entry(started, response, nonce, frozenset(keys), started + timeout)
                cache.set(key, entry, timeout)
                local_copies.put(key, entry)
        response["X-Cache"] = "MISS"
        return response

    def _by_generation(self, request, name):
        key = page_key(request)
        generation = _current_generation(cache.get(GENERATION_KEY))
        if generation is not None:
            entry = local_copies.get(key) or self._shared_entry(key)
            if entry is not None and entry[0] == generation:
                return _response_from(entry)
        response, keys = self._render(request, name)
        if is_storable(request, response):
            nonce = _used_nonce(request)
            _mark_public(response, nonce)
            surrogate.set_headers(response, keys)
            if generation is not None:
                entry = _entry(generation, response, nonce)
                cache.set(key, entry, settings.NEWSROOM_PAGE_CACHE_TIMEOUT)
                local_copies.put(key, entry)
        response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _shared_entry(key: str):
        """The page from the shared cache (kept locally too), else None."""
        entry = cache.get(key)
        if entry is None or not isinstance(entry, tuple) or len(entry) != 7:
            return None
        local_copies.put(key, entry)
        return entry


# --- Keys and their purge times ----------------------------------------------------------------


def _key_names(keys) -> list[str]:
    return [KEY_PREFIX + name for name in keys]


def _still_valid(entry, pending: frozenset) -> bool:
    """Whether a stored page may be served: unexpired, no key pending, every key purged before it."""
    stamp, *_rest, keys, expires = entry
    if not isinstance(stamp, float) or time.time() >= expires or keys & pending:
        return False
    times = cache.get_many(_key_names(keys))
    return len(times) == len(keys) and all(purged < stamp for purged in times.values())


def _may_store(keys, started: float, pending: frozenset) -> bool:
    """False when a key is pending or was purged since the render began.

    A key with no purge time (never purged, or evicted) gets one just before this render began:
    every page stored earlier with it becomes a miss, since what an evicted time said is unknown.
    """
    if keys & pending:
        return False
    names = _key_names(keys)
    times = cache.get_many(names)
    if any(purged >= started for purged in times.values()):
        return False
    # add() fails when another process wrote the key meanwhile (a purge, perhaps): store nothing.
    before = started - 1e-6
    return all(cache.add(name, before, timeout=None) for name in names if name not in times)


def purge_keys(keys) -> None:
    """Make every page carrying one of ``keys`` a miss, in every process. Raises when the cache did not
    take it (the outbox then keeps the keys for another try)."""
    keys = set(keys)
    if not _keys_mode():
        if not bump_generation():
            raise ConnectionError("the page cache did not take the new generation")
        return
    if surrogate.SITE in keys:
        keys = {surrogate.SITE}  # every page carries it
    now = time.time()
    # Kept until evicted (a few dozen bytes each); an evicted one makes its pages misses (_may_store).
    failed = cache.set_many(dict.fromkeys(_key_names(keys), now), timeout=None)
    if failed:
        raise ConnectionError(f"the page cache did not take {len(failed)} of {len(keys)} keys")
    cache.delete(NEXT_CHANGE_KEY)  # a change may move the next scheduled moment
    _next_change["at"] = float("-inf")


_next_change = {"at": float("-inf"), "moment": None}


def next_change_moment(now: float) -> float | None:
    """The next scheduled change (next_scheduled_change), kept in the cache until it passes or a
    purge, and per process for a second: two queries per change, not per page."""
    if now - _next_change["at"] < 1.0 and (_next_change["moment"] is None or now < _next_change["moment"]):
        return _next_change["moment"]
    value = cache.get(NEXT_CHANGE_KEY)
    if value is None or (value[0] is not None and value[0] <= now):
        value = (next_scheduled_change(),)
        cache.set(NEXT_CHANGE_KEY, value, settings.NEWSROOM_PAGE_CACHE_TIMEOUT)
    _next_change.update(at=now, moment=value[0])
    return value[0]


class LocalCopies:
    """This process's copies of pages from the shared cache, so a hit need not fetch the page's bytes.

    A copy is served only under the same rule as the shared entry (its keys' purge times, or the
    current generation), read from the shared cache on every request: a purge anywhere reaches
    every process at once. What is saved is moving and unpickling the page itself (tens of
    kilobytes, megabytes for a sitemap) on every hit. Least recently used copies go first once
    there are NEWSROOM_PAGE_CACHE_LOCAL_ENTRIES of them (0 turns this off). Copies expire with the
    page's timeout, like the shared entry.
    """

    def __init__(self):
        self._entries: OrderedDict[str, tuple[float, tuple]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            expires, entry = found
            if expires < time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple) -> None:
        limit = settings.NEWSROOM_PAGE_CACHE_LOCAL_ENTRIES
        if limit <= 0:
            return
        with self._lock:
            self._entries[key] = (time.monotonic() + settings.NEWSROOM_PAGE_CACHE_TIMEOUT, entry)
            self._entries.move_to_end(key)
            while len(self._entries) > limit:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


local_copies = LocalCopies()


def connect_signals() -> None:
    """Connect the receivers that keep cached pages exact. Called from ArticlesConfig.ready()."""
    invalidation.connect_signals()
