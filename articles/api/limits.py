"""Fixed-window counters in Django's cache: request rates per address and per token, bad tokens per address.

A window is a whole number of seconds since the epoch divided by its length, so every process
agrees on where it starts and ends; its counter expires with it. A cache that fails lets the
request through (the site's cache fails open elsewhere too).
"""

import logging
import math
import time

from django.core.cache import cache

logger = logging.getLogger(__name__)


def _key(scope: str, ident: str, window: int, now: float) -> tuple[str, int]:
    start = int(now // window) * window
    return f"api-limit:{scope}:{ident}:{start}", start + window


def hit(scope: str, ident: str, *, limit: int, window: int = 60, now: float | None = None) -> int | None:
    """Count one request; None when it is within `limit`, else the seconds until the window ends."""
    now = time.time() if now is None else now
    key, ends = _key(scope, ident, window, now)
    try:
        cache.add(key, 0, timeout=window + 1)
        count = cache.incr(key)
    except Exception:
        logger.warning("API rate limit counter unavailable", exc_info=True)
        return None
    if count > limit:
        return max(1, math.ceil(ends - now))
    return None


def peek(scope: str, ident: str, *, limit: int, window: int, now: float | None = None) -> int | None:
    """Like hit(), without counting: the seconds to wait when the window is already full, else None."""
    now = time.time() if now is None else now
    key, ends = _key(scope, ident, window, now)
    try:
        count = cache.get(key, 0)
    except Exception:
        return None
    if count >= limit:
        return max(1, math.ceil(ends - now))
    return None
