"""Django's Redis cache backend, keeping one redis-py client per connection pool, and failing open.

One client per pool: Django's RedisCacheClient.get_client() builds a new ``redis.Redis`` for every
cache call; its constructor fills a table of some 170 response callbacks each time, which costs more
than the network round trip itself (about 100 of the 160 microseconds of a ``cache.get`` measured
here). The page cache makes one call per reader request, so this is most of a cache hit's cost. A
redis-py client is safe to share between threads, so one per pool is kept and reused.

Failing open: the cache only ever saves work, so Redis being down, refusing connections, too slow
or out of memory must never turn a reader's page into an error or a long wait. Every call is
bounded by the socket timeouts in OPTIONS (``socket_connect_timeout``, ``socket_timeout``) and
answers as a miss when Redis fails: ``get`` gives the default, ``get_many`` nothing, writes store
nothing and return False (so ``add`` tells its caller the value was not stored). After a connection
failure or timeout a circuit breaker stops calling Redis for ``CIRCUIT_SECONDS`` (an OPTIONS key of
ours), so a dead server costs one timeout per window, not one per request; then one call tries
again. Failures are logged on the ``newsroom.cache`` logger at most once a minute per server.
Everything else is Django's.
"""

import logging
import re
import threading
import time
from functools import partial
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import OutOfMemoryError, ReadOnlyError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger("newsroom.cache")

# The server is unreachable or too slow: stop calling it for a while.
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
# The server answers but refuses writes (full without an eviction policy, a read-only replica):
# that call fails, reads keep working, so the breaker stays closed.
REFUSED = (OutOfMemoryError, ReadOnlyError)
DEFAULT_CIRCUIT_SECONDS = 5.0
LOG_INTERVAL_SECONDS = 60.0


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class CircuitBreaker:
    """Whether to call a server now, shared by every thread that uses it.

    Closed, every call goes through. A failure opens it for ``seconds``: calls are skipped. When
    the window has passed, the first call through claims the next window before trying, so one
    call probes the server while the others keep skipping; its success closes the breaker.
    """

    def __init__(self, name: str, seconds: float):
        self.name = name
        self.seconds = seconds
        self._open_until = 0.0  # 0: closed
        self._lock = threading.Lock()
        self._last_logged = float("-inf")
        self._unlogged = 0

    @property
    def is_open(self) -> bool:
        return self._open_until != 0.0

    def allows(self) -> bool:
        if not self._open_until:
            return True
        with self._lock:
            now = time.monotonic()
            if self._open_until and now < self._open_until:
                return False
            if self._open_until:
                self._open_until = now + self.seconds
            return True

    def succeeded(self) -> None:
        if not self._open_until:
            return
        with self._lock:
            was_open, self._open_until = bool(self._open_until), 0.0
        if was_open:
            logger.warning("Cache %s answers again; the circuit is closed.", self.name)

    def failed(self, error: Exception, *, trip: bool) -> None:
        with self._lock:
            if trip:
                self._open_until = time.monotonic() + self.seconds
            now = time.monotonic()
            if now - self._last_logged < LOG_INTERVAL_SECONDS:
                self._unlogged += 1
                return
            unlogged, self._unlogged, self._last_logged = self._unlogged, 0, now
        consequence = f"answering as a miss, no call for {self.seconds:g} s" if trip else "the value was not stored"
        quiet = f" ({unlogged} more failures since the last report)" if unlogged else ""
        logger.error("Cache %s failed (%s: %s): %s%s.", self.name, type(error).__name__, error, consequence, quiet)


_breakers: dict[tuple[str, float], CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(location: str, seconds: float) -> CircuitBreaker:
    """One breaker per server and window, whichever thread's cache instance asks.

    Django gives every thread its own cache backend object; the server's health is one fact.
    """
    with _breakers_lock:
        key = (location, seconds)
        if key not in _breakers:
            _breakers[key] = CircuitBreaker(without_credentials(location), seconds)
        return _breakers[key]


def without_credentials(location: str) -> str:
    """The servers' addresses for the logs, without any user name or password in them."""
    addresses = []
    for server in re.split("[;,]", location):
        parts = urlsplit(server.strip())
        addresses.append(parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl())
    return ",".join(addresses)


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        seconds = float(options.pop("CIRCUIT_SECONDS", DEFAULT_CIRCUIT_SECONDS))
        super().__init__(server, {**params, "OPTIONS": options})
        self._class = ReusingRedisCacheClient
        self.breaker = breaker_for(server if isinstance(server, str) else ",".join(server), seconds)

    def _guarded(self, call, fallback):
        """``call()``, or ``fallback`` when the breaker is open or Redis fails."""
        if not self.breaker.allows():
            return fallback
        try:
            result = call()
        except UNREACHABLE as error:
            self.breaker.failed(error, trip=True)
            return fallback
        except REFUSED as error:
            self.breaker.succeeded()  # it answered: reachable
            self.breaker.failed(error, trip=False)
            return fallback
        self.breaker.succeeded()
        return result

    def get(self, key, default=None, version=None):
        return self._guarded(partial(super().get, key, default, version), default)

    def get_many(self, keys, version=None):
        return self._guarded(partial(super().get_many, keys, version), {})

    def has_key(self, key, version=None):
        return self._guarded(partial(super().has_key, key, version), False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(partial(super().add, key, value, timeout, version), False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(partial(super().set, key, value, timeout, version), False)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that could not be stored.
        return self._guarded(partial(super().set_many, data, timeout, version), list(data))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded(partial(super().touch, key, timeout, version), False)

    def delete(self, key, version=None):
        return self._guarded(partial(super().delete, key, version), False)

    def delete_many(self, keys, version=None):
        return self._guarded(partial(super().delete_many, keys, version), None)

    def incr(self, key, delta=1, version=None):
        # Django raises ValueError for a key that is not there; with Redis failing, none is.
        missing = object()
        result = self._guarded(partial(super().incr, key, delta, version), missing)
        if result is missing:
            raise ValueError(f"Key {key!r} not found: the cache is unavailable.")
        return result

    def clear(self):
        return self._guarded(super().clear, False)
