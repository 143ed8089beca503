"""Addresses: reverse(), remembered, and the one rule for an absolute URL.

A path depends only on the view, its arguments, the URLconf and the script prefix, so it is worked
out once for each of those and kept (the most recently used 20,000). The memory is dropped when
ROOT_URLCONF changes, as tests do.

Absolute URLs (canonical links, feeds, sitemaps, structured data, share links) are made from
settings.NEWSROOM_SITE_URL, never from the request's Host header.
"""

from functools import lru_cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse


@lru_cache(maxsize=20_000)
def _path(viewname: str, urlconf, script_prefix: str, kwargs: tuple) -> str:
    return reverse(viewname, kwargs=dict(kwargs), urlconf=urlconf)


def path_to(viewname: str, **kwargs) -> str:
    """reverse(viewname, kwargs=kwargs), from memory when it has been worked out before."""
    return _path(viewname, get_urlconf(), get_script_prefix(), tuple(sorted(kwargs.items())))


@receiver(setting_changed)
def _forget_paths(*, setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _path.cache_clear()


def absolute_url(path: str) -> str:
    """The configured site URL plus a path; a URL that is already absolute is returned unchanged.

    A protocol-relative URL (some storages hand them out) gets the site's scheme.
    """
    if urlsplit(path).scheme in {"http", "https"}:
        return path
    if path.startswith("//"):
        return f"{urlsplit(settings.NEWSROOM_SITE_URL).scheme}:{path}"
    return settings.NEWSROOM_SITE_URL + (path if path.startswith("/") else f"/{path}")
