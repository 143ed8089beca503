"""Fixtures every test folder shares: a clean cache, one user per role and logged-in clients.

A test asks for `editor`, `reporter`, `photodesk` or `chief` (users in the desk's roles) or for
`editor_client` and friends (Django test clients logged in as them). Each test folder adds only
what is its own.
"""

import pytest
from django.core.cache import cache
from django.test import Client

from tests import one_at_a_time
from tests.factories import UserFactory

one_at_a_time.install()


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return UserFactory(username="eda", first_name="Eda", last_name="Editor", role="Editor")


@pytest.fixture
def reporter(db):
    return UserFactory(username="remi", role="Reporter")


@pytest.fixture
def photodesk(db):
    return UserFactory(username="pd", role="Photo desk")


@pytest.fixture
def chief(db):
    return UserFactory(username="chief", first_name="Cleo", last_name="Chief", role="Chief")


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, editor):
    """pytest-django's `client`, logged in as the editor (so a test may use either name)."""
    client.force_login(editor)
    return client


@pytest.fixture
def reporter_client(reporter):
    return _logged_in(reporter)


@pytest.fixture
def photodesk_client(photodesk):
    return _logged_in(photodesk)
