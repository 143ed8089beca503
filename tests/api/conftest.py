"""What the API tests share: a token per desk user, and a client that sends it."""

import pytest
from django.test import Client

from articles.models import ApiToken


class TokenClient(Client):
    """A test client that sends Authorization: Bearer <token> on every request."""

    def __init__(self, token: str | None = None, **defaults):
        if token:
            defaults["HTTP_AUTHORIZATION"] = f"Bearer {token}"
        super().__init__(**defaults)


def token_for(user) -> str:
    return ApiToken.issue(user=user, name="tests")[1]


@pytest.fixture
def api_client_for(db):
    def make(user=None):
        return TokenClient(token_for(user) if user is not None else None)

    return make
