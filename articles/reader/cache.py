"""The full-page cache for anonymous readers, and its invalidation.

Readers without a session get public pages (home, stories, sections, tags, authors, archive,
search, corrections, feeds, sitemaps, robots.txt) from Django's cache: Redis when REDIS_URL is
set, local memory otherwise. Anyone carrying the session cookie (the desk) always gets a fresh
page marked ``private, no-store``, and so does a share-link holder. A response is stored only
when it is a 200 or a 301, sets no cookie, used no CSRF token and does not forbid caching
itself (previews send ``no-store``), so nothing personal can ever be stored.

Invalidation is one "generation" value in the cache. Every stored page records the generation
it was rendered under; a page from any other generation is a miss. The generation is replaced
after every transaction that changes what readers can see commits (``story_changed`` from the
services, and post_save/post_delete of stories, photos, corrections, sections, authors, tags,
bylines, placements and tags on stories as a safety net), so the next request after a publish,
edit, correction or withdrawal renders afresh on every page at once. A page rendered while a
change was being committed carries the old generation and is never served.

Time changes what readers see too: a scheduled story goes live, an embargo ends, a photo's
rights run out. The generation carries the time of the next such change, computed when it is
made, and is replaced once that time has passed: a scheduled story appears on its minute.

Pages from before a change can still be served by a CDN or browser for as long as the
Cache-Control header allows (``NEWSROOM_PAGE_CACHE_CONTROL``). The local-memory cache belongs
to one process: several app servers (or gunicorn workers) need REDIS_URL so that one
invalidation reaches all of them.
"""

import hashlib
import re
import secrets
import threading
import time
from collections import OrderedDict
from datetime import datetime
from functools import cache as memoize
from functools import partial

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.csp import CSP
from django.utils.http import http_date, quote_etag

from articles.models import Author, Byline, Correction, Photo, Placement, Section, Story, StoryStatus, TaggedStory
from articles.stories.signals import story_changed

GENERATION_KEY = "page-cache:generation"
PAGE_KEY_PREFIX = "page-cache:page:"
# Query parameters that mean "not a reader's page": a share link opens a preview.
PRIVATE_PARAMETERS = ("share",)
CACHEABLE_STATUSES = frozenset({200, 301})
# Headers a cached response must not carry: a page that varies on anything else is not stored.
STORABLE_VARY = frozenset({"cookie", "accept-encoding"})
_NO_STORE_DIRECTIVES = re.compile(r"\b(private|no-store|no-cache)\b")
# Not stored with a page: made again for each response served from the cache.
_PER_RESPONSE_HEADERS = frozenset({"set-cookie", "content-length"})


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


def bump_generation() -> None:
    """Start a new generation: every page stored so far becomes a miss, everywhere the cache is shared."""
    cache.set(GENERATION_KEY, (_new_token(), next_scheduled_change()), timeout=None)


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
    """No session cookie, no credentials, no share link: a reader who sees what every reader sees."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "HTTP_AUTHORIZATION" not in request.META
        and not any(name in request.GET for name in PRIVATE_PARAMETERS)
    )


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


def _mark_public(response, nonce: str | None) -> None:
    """Cache-Control for shared caches, ETag and Last-Modified, unless the view set its own."""
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = settings.NEWSROOM_PAGE_CACHE_CONTROL
    if not response.has_header("ETag"):
        digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
        # Pages with a CSP nonce get a fresh nonce on every hit: equivalent bytes, hence a weak ETag.
        response["ETag"] = f"W/{quote_etag(digest)}" if nonce else quote_etag(digest)
    if not response.has_header("Last-Modified"):
        response["Last-Modified"] = http_date(time.time())


def _entry(generation: str, response, nonce: str | None) -> tuple:
    headers = [(name, value) for name, value in response.items() if name.lower() not in _PER_RESPONSE_HEADERS]
    return (generation, response.status_code, headers, response.content, nonce)


def _response_from(entry) -> HttpResponse:
    _generation, status, headers, content, nonce = entry
    fresh_nonce = secrets.token_urlsafe(16) if nonce else None
    if nonce:
        # A nonce must never repeat: swap the stored one for a new one, in the page and the policy.
        content = content.replace(nonce.encode(), fresh_nonce.encode())
    response = HttpResponse(content, status=status)
    for name, value in headers:
        if nonce and name in (CSP.HEADER_ENFORCE, CSP.HEADER_REPORT_ONLY):
            value = value.replace(nonce, fresh_nonce)
        response[name] = value
    response["Content-Length"] = str(len(content))
    response["X-Cache"] = "HIT"
    return response


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
            return self.get_response(request)
        if not may_use_cache(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-store"
            return response
        if not settings.NEWSROOM_PAGE_CACHE:
            response = self.get_response(request)
            if is_storable(request, response):
                _mark_public(response, _used_nonce(request))
            return response

        key = page_key(request)
        generation = _current_generation(cache.get(GENERATION_KEY))
        if generation is not None:
            entry = local_copies.get(key, generation) or self._shared_entry(key, generation)
            if entry is not None:
                return _response_from(entry)

        response = self.get_response(request)
        if is_storable(request, response):
            nonce = _used_nonce(request)
            _mark_public(response, nonce)
            if generation is not None:
                entry = _entry(generation, response, nonce)
                cache.set(key, entry, settings.NEWSROOM_PAGE_CACHE_TIMEOUT)
                local_copies.put(key, entry)
        response["X-Cache"] = "MISS"
        return response

    @staticmethod
    def _shared_entry(key: str, generation: str):
        """The page from the shared cache if it was stored under this generation (kept locally too), else None."""
        entry = cache.get(key)
        if entry is None or entry[0] != generation:
            return None
        local_copies.put(key, entry)
        return entry


class LocalCopies:
    """This process's copies of pages from the shared cache, so a hit need not fetch the page's bytes.

    Every request still reads the generation from the shared cache (a few bytes), and a copy is
    served only when it was stored under that very generation: a publish anywhere makes every copy
    in every process a miss at once, exactly as for the shared cache. What is saved is moving and
    unpickling the page itself (tens of kilobytes, megabytes for a sitemap) on every hit.
    Least recently used copies go first once there are NEWSROOM_PAGE_CACHE_LOCAL_ENTRIES of them
    (0 turns this off). Copies expire with the page's timeout, like the shared entry.
    """

    def __init__(self):
        self._entries: OrderedDict[str, tuple[float, tuple]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, generation: str):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            expires, entry = found
            if entry[0] != generation or expires < time.monotonic():
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


# --- Invalidation ------------------------------------------------------------------------------

_pending = Local()


def _pending_aliases() -> set[str]:
    aliases = getattr(_pending, "aliases", None)
    if aliases is None:
        aliases = _pending.aliases = set()
    return aliases


def invalidate(using: str = DEFAULT_DB_ALIAS) -> None:
    """Start a new generation once the current transaction commits (at once outside a transaction).

    Several changes in one transaction start one generation. After a rollback the request stays
    pending and goes with the next commit: one needless miss, never a stale page. ``robust``: a
    cache that is down is logged by Django and never turns an editor's committed save into an error.
    """
    _pending_aliases().add(using)
    transaction.on_commit(partial(_flush, using), using=using, robust=True)


def _flush(using: str) -> None:
    pending = _pending_aliases()
    if using in pending:
        pending.discard(using)
        bump_generation()


def _on_story_changed(sender, story_id, reason, **kwargs):
    """Sent by the services after their transaction committed.

    A publish, withdrawal, edit, restore or correction saves rows whose own signals below have
    already replaced the generation for that commit: acting again here would replace it twice.
    Only a story sent back to draft is a change those receivers skip (a draft is on no page, but
    the page it left, or the scheduled moment it no longer has, must be forgotten).
    """
    if reason == "returned_to_draft":
        bump_generation()


def _on_story_saved(sender, instance, using, **kwargs):
    # A draft or submitted story is on no reader's page; going back to draft is seen by
    # _on_story_changed.
    if instance.status not in (StoryStatus.DRAFT, StoryStatus.SUBMITTED):
        invalidate(using)


def _on_photo_saved(sender, instance, created, using, **kwargs):
    if not created:  # a new photo is on no page until a story uses it, which is a story change
        invalidate(using)


def _on_change(sender, using, **kwargs):
    # Bylines, photos in the body and tags are not checked against their story's status: one
    # query per row would cost more than the few misses a draft's edit causes.
    invalidate(using)


def connect_signals() -> None:
    """Connect the receivers that keep cached pages exact. Called from ArticlesConfig.ready()."""
    story_changed.connect(_on_story_changed, dispatch_uid="page_cache_story_changed")
    post_save.connect(_on_story_saved, sender=Story, dispatch_uid="page_cache_story_saved")
    post_delete.connect(_on_change, sender=Story, dispatch_uid="page_cache_story_deleted")
    post_save.connect(_on_photo_saved, sender=Photo, dispatch_uid="page_cache_photo_saved")
    post_delete.connect(_on_change, sender=Photo, dispatch_uid="page_cache_photo_deleted")
    for model in (Correction, Section, Author, Byline, Placement, TaggedStory, TaggedStory.tag_model()):
        name = model.__name__
        post_save.connect(_on_change, sender=model, dispatch_uid=f"page_cache_{name}_saved")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"page_cache_{name}_deleted")
    for through in (Story.related.through, Story.authors.through):
        m2m_changed.connect(_on_m2m_changed, sender=through, dispatch_uid=f"page_cache_{through.__name__}")


def _on_m2m_changed(sender, action, using, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        invalidate(using)
