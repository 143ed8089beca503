"""Surrogate keys: which stories, sections, tags and authors a public response shows.

Every public response carries its keys in ``xkey`` (Varnish) and ``Surrogate-Key`` (a CDN),
space-separated: ``story-<id>`` for each story shown (the page's own, cards, related stories,
feed items), ``section-<id>``, ``tag-<id>`` and ``author-<id>`` for their list pages and feeds,
and ``home``, ``archive``, ``feeds``, ``sitemaps``, ``search``, ``corrections`` for the pages of
those names. ``site`` is on every page: it goes when something every page shows changes (the
sections in the navigation, an author's or a tag's name).

Keys are collected while the page renders, at no query's cost: the page cache middleware opens a
collector for each request, and views, feeds and the card template tag add to it what they show.
"""

from asgiref.local import Local

SITE = "site"
# What a page is, by URL name: keys no view needs to add itself.
_KEYS_BY_URL_NAME = {
    "home": ("home",),
    "archive": ("archive",),
    "archive_year": ("archive",),
    "archive_month": ("archive",),
    "corrections": ("corrections",),
    "search": ("search",),
    "feed_rss": ("feeds",),
    "feed_atom": ("feeds",),
    "sitemap_index": ("sitemaps",),
    "sitemap_section": ("sitemaps",),
    "robots_txt": ("sitemaps",),
}
# Varnish refuses request headers over 8 KB: a purge of more keys goes in several requests.
HEADER_LIMIT = 4000

_local = Local()


def start() -> None:
    """Open a collector for this request (the page cache middleware does, before the view)."""
    _local.keys = set()


def stop() -> set[str]:
    keys = getattr(_local, "keys", None) or set()
    _local.keys = None
    return keys


def add(*keys: str) -> None:
    """Note keys the response being rendered shows; a no-op outside a collected request."""
    collected = getattr(_local, "keys", None)
    if collected is not None:
        collected.update(keys)


def add_stories(stories) -> None:
    collected = getattr(_local, "keys", None)
    if collected is not None:
        collected.update(f"story-{story.pk}" for story in stories)


def story_key(story_id: int) -> str:
    return f"story-{story_id}"


def keys_for_url_name(url_name: str | None) -> tuple[str, ...]:
    if url_name is None:
        return ()
    if url_name.endswith(("_feed_rss", "_feed_atom")):
        return ("feeds",)
    return _KEYS_BY_URL_NAME.get(url_name, ())


def header_values(keys) -> list[str]:
    """The keys as one or more space-separated header values, each under HEADER_LIMIT characters."""
    values, current = [], ""
    for key in sorted(keys):
        if current and len(current) + 1 + len(key) > HEADER_LIMIT:
            values.append(current)
            current = key
        else:
            current = f"{current} {key}" if current else key
    if current:
        values.append(current)
    return values


def set_headers(response, keys) -> set[str]:
    """``xkey`` and ``Surrogate-Key`` on the response (one header each: a page shows at most a few
    hundred stories, well under Varnish's 8 KB per header; purges are split, see header_values).

    Returns every key the response now names: the page cache stores the page under these, so a
    purge of a key only the view named (the API names its own) reaches the app's copy too.
    """
    # Keys the view named itself (the API sets its own) are kept beside the collected ones.
    keys = set(keys) | set(response.get("xkey", "").split())
    if keys:
        value = " ".join(sorted(keys))
        response["xkey"] = value
        response["Surrogate-Key"] = value
    return keys
