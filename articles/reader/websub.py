"""WebSub: tell the hub (NEWSROOM_WEBSUB_HUB) which feeds changed after a publish, withdrawal or correction.

Listens to `story_changed`, which is sent only after the change committed. The feeds a story
appears in are worked out then (one query), and the pings run in a background thread: a form POST
of hub.mode=publish and hub.url=<feed> for each, with a short timeout, tried up to
NEWSROOM_WEBSUB_ATTEMPTS times with a growing pause, each failure logged. The editor's request
never waits for the hub. A thread rather than a queue the site does not have: a ping lost to a
restart costs a subscriber a few minutes (hubs and readers also poll), not a story.
"""

import logging
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings
from django.urls import reverse

from articles.models import Story
from articles.paths import absolute_url
from articles.stories.signals import story_changed

logger = logging.getLogger(__name__)

PING_REASONS = frozenset({"published", "withdrawn", "corrected"})
FORMATS = ("rss", "atom", "json")


def feed_urls(story: Story) -> list[str]:
    """Every feed the story appears (or appeared) in: the site's, its section's, its tags' and its authors'."""
    urls = []
    for feed_format in FORMATS:
        urls.append(absolute_url(reverse(f"articles:feed_{feed_format}")))
        urls.append(absolute_url(reverse(f"articles:section_feed_{feed_format}", kwargs={"slug": story.section.slug})))
        for tagged in story.tagged_items.all():
            urls.append(absolute_url(reverse(f"articles:tag_feed_{feed_format}", kwargs={"slug": tagged.tag.slug})))
        for byline in story.bylines.all():
            urls.append(
                absolute_url(reverse(f"articles:author_feed_{feed_format}", kwargs={"slug": byline.author.slug}))
            )
    return urls


def ping_once(hub: str, url: str, timeout: float) -> None:
    """One POST to the hub; raises on a network error or an answer other than 2xx."""
    body = urllib.parse.urlencode({"hub.mode": "publish", "hub.url": url}).encode()
    request = urllib.request.Request(
        hub, data=body, method="POST", headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        if not 200 <= response.status < 300:
            raise urllib.error.HTTPError(hub, response.status, "hub refused the ping", response.headers, None)


def ping(hub: str, urls: list[str], *, attempts: int, timeout: float, pause: float = 1.0) -> list[str]:
    """Ping the hub for each URL, retrying each failure; returns the URLs the hub never accepted."""
    failed = []
    for url in urls:
        for attempt in range(1, attempts + 1):
            try:
                ping_once(hub, url, timeout)
                break
            except (OSError, ValueError) as error:
                logger.warning(
                    "WebSub ping %s for %s failed (attempt %d of %d): %s", hub, url, attempt, attempts, error
                )
                if attempt < attempts:
                    time.sleep(pause * attempt)
        else:
            failed.append(url)
    return failed


def ping_in_background(urls: list[str]) -> threading.Thread:
    thread = threading.Thread(
        target=ping,
        args=(settings.NEWSROOM_WEBSUB_HUB, urls),
        kwargs={"attempts": settings.NEWSROOM_WEBSUB_ATTEMPTS, "timeout": settings.NEWSROOM_WEBSUB_TIMEOUT},
        name="websub-ping",
        daemon=True,
    )
    thread.start()
    return thread


def _on_story_changed(sender, story_id, reason, **kwargs):
    if not settings.NEWSROOM_WEBSUB_HUB or reason not in PING_REASONS:
        return None
    story = (
        Story.objects.select_related("section")
        .prefetch_related("tagged_items__tag", "bylines__author")
        .filter(pk=story_id)
        .first()
    )
    if story is None:
        return None
    return ping_in_background(list(dict.fromkeys(feed_urls(story))))


def connect_signals() -> None:
    story_changed.connect(_on_story_changed, dispatch_uid="articles.reader.websub")
