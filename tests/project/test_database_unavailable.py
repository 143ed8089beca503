"""With the database unreachable, readers get the site's own 503 with Retry-After (newsroom/middleware.py)."""

import logging
import socket
from contextlib import contextmanager

import pytest
from bs4 import BeautifulSoup
from django.db import connections
from django.db.backends.postgresql.base import DatabaseWrapper
from django.template.loader import get_template

from articles.reader import invalidation
from tests.factories import StoryFactory


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def database_at(port: int):
    """Within the block, the default connection is a PostgreSQL one to ``port``; the real one after.

    The test's own connection (and its transaction) is only set aside, never closed.
    """
    settings_dict = connections.configure_settings(
        {"default": {"ENGINE": "django.db.backends.postgresql", "HOST": "127.0.0.1", "PORT": port, "NAME": "gone"}}
    )["default"]
    real = connections["default"]
    connections["default"] = DatabaseWrapper(settings_dict, alias="default")
    try:
        yield
    finally:
        connections["default"].close()
        connections["default"] = real


def test_a_page_needing_the_database_answers_503_with_retry_after_and_the_sites_page(
    client, db, settings, closed_port, caplog
):
    settings.NEWSROOM_DATABASE_RETRY_AFTER = 45
    story = StoryFactory(headline="Council votes on the harbour plan")
    caplog.set_level(logging.ERROR, logger="newsroom.database")
    client.raise_request_exception = True  # any exception that escaped would fail the test

    with database_at(closed_port):
        response = client.get(story.get_absolute_url())

    assert response.status_code == 503
    assert response["Retry-After"] == "45"
    assert response["Cache-Control"] == "no-store"
    html = response.content.decode()
    assert BeautifulSoup(html, "html.parser").h1.get_text() == "We’ll be back in a moment"
    assert "Traceback" not in html
    assert "OperationalError" not in html
    [record] = [r for r in caplog.records if r.name == "newsroom.database"]
    assert "503" in record.getMessage()
    assert story.get_absolute_url() in record.getMessage()
    assert record.exc_info is None


def test_a_cached_page_is_still_served_while_the_database_is_down(client, db, settings, closed_port):
    settings.NEWSROOM_PAGE_CACHE = True
    story = StoryFactory(headline="Lighthouse keeper retires")
    invalidation.flush()  # as the commit would: nothing waits to be purged
    assert client.get(story.get_absolute_url()).status_code == 200

    with database_at(closed_port):
        cached = client.get(story.get_absolute_url())
        uncached = client.get("/archive/")

    assert cached.status_code == 200
    assert cached["X-Cache"] == "HIT"
    assert "Lighthouse keeper retires" in cached.content.decode()
    assert uncached.status_code == 503


def test_a_lost_connection_is_a_503_too_and_other_errors_are_left_to_the_500_page(client, db, settings):
    settings.ROOT_URLCONF = "tests.project.urls_failing_database"
    client.raise_request_exception = False
    lost = client.get("/ops-test/lost-connection/")
    assert lost.status_code == 503
    assert lost["Retry-After"] == "30"
    broken = client.get("/ops-test/broken/")
    assert broken.status_code == 500
    assert not broken.has_header("Retry-After")
    assert "Something went wrong on our side" in broken.content.decode()


def test_the_503_page_renders_without_the_database():
    # No db fixture: pytest-django fails any query made here.
    page = BeautifulSoup(get_template("503.html").render(), "html.parser")
    assert page.find("p", class_="kicker").get_text() == "Error 503"
    assert page.find("link", rel="stylesheet")["href"] == "/static/css/site.css"
    assert page.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None


def test_the_api_answers_503_with_retry_after_too(client, db, settings, closed_port, caplog):
    settings.NEWSROOM_DATABASE_RETRY_AFTER = 45
    story = StoryFactory(headline="Council votes on the harbour plan")
    caplog.set_level(logging.ERROR)
    client.raise_request_exception = True

    with database_at(closed_port):
        response = client.get(f"/api/v1/stories/{story.pk}")

    assert response.status_code == 503
    assert response["Retry-After"] == "45"
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 503
    [record] = [r for r in caplog.records if r.name == "newsroom.database"]
    assert not record.exc_info  # one line, not a traceback per request
    assert not [r for r in caplog.records if r.exc_info]
