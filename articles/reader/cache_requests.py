"""Which requests the page cache may answer, and under which key: nobody can switch it off or
make it grow by inventing cookies or query strings.

- **Query parameters.** Each public URL name declares the parameters its view reads
  (READ_PARAMETERS); every other one (tracking parameters such as ``utm_*``, ``fbclid`` and
  ``gclid``, and anything unknown) is dropped from the request before the view sees it, so it is
  neither in the cache key nor able to change the page. What is kept is sorted.
- **Sessions.** Only a valid staff session bypasses the cache. A ``sessionid`` cookie is looked up
  (one query) and the answer "no such session" is kept for a minute per process, so a made-up
  cookie costs one query a minute, not one per request.
- **Share links.** ``?share=`` bypasses the cache only when its signature is ours
  (sharelinks.sharelink_signature_is_valid, no query); otherwise a reader gets the cached page, the
  forged token dropped, while a signed-in user still gets the view's refusal.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from importlib import import_module

from django.conf import settings
from django.db import DatabaseError
from django.http import QueryDict
from django.urls import Resolver404, resolve

from articles.stories.sharelinks import SHARE_PARAMETER, sharelink_signature_is_valid

# The parameters each public view reads; every other one is left out of the request and the key.
_LISTS = ("section", "tag", "author", "archive", "archive_year", "archive_month", "corrections")
READ_PARAMETERS: dict[str, frozenset[str]] = {
    **{name: frozenset({"page"}) for name in _LISTS},
    "search": frozenset({"q", "page"}),
    "sitemap_section": frozenset({"p"}),
    "story": frozenset({SHARE_PARAMETER}),
    "story_no_slug": frozenset({SHARE_PARAMETER}),
    # The read API (articles/api/read.py): its lists page with a cursor; stories also filter.
    "story_list": frozenset({"section", "tag", "author", "updated_since", "cursor", "limit"}),
    "photo_list": frozenset({"cursor", "limit"}),
    "correction_list": frozenset({"cursor", "limit"}),
}
NOT_A_SESSION_SECONDS = 60.0
NOT_A_SESSION_ENTRIES = 10_000


def url_name(request) -> str | None:
    """The reader URL's name (e.g. "story", "section"), or None where nothing matches (a 404)."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return None
    return match.url_name


def clean_query(request, name: str | None) -> None:
    """Keep only the parameters the view reads, sorted; the rest never reach the view or the key."""
    if not request.META.get("QUERY_STRING"):
        return
    allowed = READ_PARAMETERS.get(name, frozenset())
    kept = QueryDict(mutable=True)
    for key in sorted(request.GET):
        if key in allowed:
            kept.setlist(key, request.GET.getlist(key))
    _set_query(request, kept)


def _set_query(request, query: QueryDict) -> None:
    encoded = query.urlencode()
    request.META["QUERY_STRING"] = encoded
    request.GET = QueryDict(encoded)


def drop_forged_share(request) -> None:
    """A reader's ``?share=`` we did not sign: the page every reader gets, under the same key."""
    if SHARE_PARAMETER in request.GET:
        kept = request.GET.copy()
        del kept[SHARE_PARAMETER]
        _set_query(request, kept)


class NotSessions:
    """Session cookies recently found to be no staff session: bounded, per process."""

    def __init__(self):
        self._entries: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def __contains__(self, value: str) -> bool:
        with self._lock:
            until = self._entries.get(value)
            if until is None:
                return False
            if until < time.monotonic():
                del self._entries[value]
                return False
            return True

    def add(self, value: str) -> None:
        with self._lock:
            self._entries[value] = time.monotonic() + NOT_A_SESSION_SECONDS
            self._entries.move_to_end(value)
            while len(self._entries) > NOT_A_SESSION_ENTRIES:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


not_sessions = NotSessions()


def has_staff_session(request) -> bool:
    """Whether the request's session cookie belongs to a signed-in user (the desk).

    The database is asked only when the cookie is there and not already known to be no session;
    a database that cannot answer counts as "no": the reader gets the public page.
    """
    value = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not value:
        return False
    digest = hashlib.sha256(value.encode()).hexdigest()
    if digest in not_sessions:
        return False
    store = import_module(settings.SESSION_ENGINE).SessionStore(session_key=value)
    try:
        signed_in = "_auth_user_id" in store.load()
    except DatabaseError:
        return False
    if not signed_in:
        not_sessions.add(digest)
    return signed_in


def bypasses_cache(request) -> bool:
    """A signed-in user, credentials, or a share link we signed: a fresh, private page."""
    signed_share = SHARE_PARAMETER in request.GET and sharelink_signature_is_valid(request.GET[SHARE_PARAMETER])
    return "HTTP_AUTHORIZATION" in request.META or signed_share or has_staff_session(request)
