"""With Redis down or hanging, reader pages come from the database in normal time (newsroom/redis_cache.py).

Nothing here touches the shared Redis: the cache points at a port that was bound and closed again
(connection refused), or at a server of the test's own that accepts and never answers.
"""

import logging
import socket
import threading
import time

import pytest
import redis.connection
from django.core.cache import cache

from newsroom.redis_cache import RedisCache
from tests.factories import StoryFactory

CIRCUIT_SECONDS = 30.0


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def silent_server():
    """A server that accepts connections and never says a word; yields its port."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    held = []
    stop = threading.Event()

    def accept_and_sleep():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept_and_sleep, daemon=True)
    thread.start()
    yield listener.getsockname()[1]
    stop.set()
    thread.join()
    for sock in held:
        sock.close()
    listener.close()


@pytest.fixture
def connection_attempts(monkeypatch) -> list:
    """Every socket connection redis-py opens, counted."""
    attempts = []
    original = redis.connection.Connection._connect

    def counting(self):
        attempts.append((self.host, self.port))
        return original(self)

    monkeypatch.setattr(redis.connection.Connection, "_connect", counting)
    return attempts


def use_redis_at(settings, port: int, *, timeout: float = 0.25) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/5",
            "KEY_PREFIX": f"fails-open-{port}",
            "OPTIONS": {
                "socket_connect_timeout": timeout,
                "socket_timeout": timeout,
                "CIRCUIT_SECONDS": CIRCUIT_SECONDS,
            },
        }
    }
    settings.NEWSROOM_PAGE_CACHE = True


def cache_failure_logs(caplog) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.name == "newsroom.cache" and record.levelno >= logging.ERROR]


def test_with_redis_refusing_reader_pages_answer_from_the_database_and_the_breaker_stops_retrying(
    client, db, settings, closed_port, connection_attempts, caplog
):
    story = StoryFactory(headline="Harbour bridge reopens")
    use_redis_at(settings, closed_port)
    caplog.set_level(logging.WARNING, logger="newsroom.cache")

    started = time.monotonic()
    first = client.get(story.get_absolute_url())
    assert first.status_code == 200
    assert "Harbour bridge reopens" in first.content.decode()
    assert len(connection_attempts) == 1  # the first call failed and opened the breaker

    for path in ("/", story.get_absolute_url(), story.section.get_absolute_url()):
        assert client.get(path).status_code == 200
    elapsed = time.monotonic() - started

    assert len(connection_attempts) == 1, "the breaker called Redis again within its window"
    assert elapsed < 3, f"four pages took {elapsed:.2f} s with Redis down"
    assert len(cache_failure_logs(caplog)) == 1
    assert "ConnectionError" in cache_failure_logs(caplog)[0].getMessage()


def test_an_open_breaker_answers_every_call_as_a_miss(settings, closed_port, connection_attempts):
    use_redis_at(settings, closed_port)
    assert cache.get("generation", "fallback") == "fallback"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.add("lock", 1) is False  # "not stored": a caller must not think it holds the key
    assert cache.set("page", b"html") is False
    assert cache.delete("page") is False
    assert cache.has_key("page") is False
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.get_or_set("computed", 42) == 42
    with pytest.raises(ValueError, match="unavailable"):
        cache.incr("counter")
    assert len(connection_attempts) == 1


def test_after_its_window_the_breaker_tries_once_and_closes_when_redis_answers(closed_port, caplog):
    backend = RedisCache(f"redis://127.0.0.1:{closed_port}/5", {"OPTIONS": {"CIRCUIT_SECONDS": 0.2}})
    assert backend.get("key", "miss") == "miss"
    assert backend.breaker.is_open
    assert not backend.breaker.allows()
    time.sleep(0.25)
    assert backend.breaker.allows()  # this caller probes...
    assert not backend.breaker.allows()  # ...and the others keep missing meanwhile
    caplog.set_level(logging.WARNING, logger="newsroom.cache")
    backend.breaker.succeeded()
    assert not backend.breaker.is_open
    assert backend.breaker.allows()
    assert "answers again" in caplog.text


def test_a_server_that_never_answers_costs_one_read_timeout_then_nothing(
    client, db, settings, silent_server, connection_attempts
):
    story = StoryFactory(headline="Storm closes the ferry")
    use_redis_at(settings, silent_server, timeout=0.3)

    started = time.monotonic()
    assert client.get(story.get_absolute_url()).status_code == 200
    first = time.monotonic() - started
    assert 0.3 <= first < 1.5, f"the first page waited {first:.2f} s"

    started = time.monotonic()
    assert client.get(story.get_absolute_url()).status_code == 200
    second = time.monotonic() - started
    assert second < 0.3, f"the second page waited {second:.2f} s: the breaker did not hold"
    assert len(connection_attempts) == 1


def test_out_of_memory_fails_the_write_but_keeps_the_breaker_closed(settings, closed_port, monkeypatch, caplog):
    backend = RedisCache(f"redis://127.0.0.1:{closed_port}/5", {"OPTIONS": {"CIRCUIT_SECONDS": 60}})

    def full(*args, **kwargs):
        raise redis.exceptions.OutOfMemoryError("command not allowed when used memory > 'maxmemory'")

    monkeypatch.setattr(backend._cache, "set", full)
    caplog.set_level(logging.WARNING, logger="newsroom.cache")
    assert backend.set("page", b"html") is False
    assert backend.set("page", b"html") is False
    assert not backend.breaker.is_open
    assert len(cache_failure_logs(caplog)) == 1  # once a minute, not once a call
    assert "not stored" in cache_failure_logs(caplog)[0].getMessage()


def test_sessions_are_kept_in_the_database_not_the_cache(settings):
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_logs_name_the_server_without_its_password(closed_port, caplog):
    backend = RedisCache(f"redis://newsroom:s3cret-pass@127.0.0.1:{closed_port}/5", {})
    caplog.set_level(logging.WARNING, logger="newsroom.cache")
    assert backend.get("key") is None
    assert f"redis://127.0.0.1:{closed_port}/5" in caplog.text
    assert "s3cret-pass" not in caplog.text
