"""Bearer tokens for the write API (articles.models.ApiToken), with wrong tokens throttled by address.

Like the admin's login limits: NEWSROOM_API_BAD_TOKEN_LIMIT wrong tokens from one address within
NEWSROOM_API_BAD_TOKEN_WINDOW seconds, and that address's token requests answer 429 until the
window ends, right token or not.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from ninja.security import HttpBearer

from articles.api import limits
from articles.api.problems import ApiProblem
from articles.models import ApiToken
from newsroom.logins import client_address

# last_used is written at most this often per token: a busy script should not write on every request.
LAST_USED_GRANULARITY = timedelta(minutes=1)


def find_token(text: str) -> ApiToken | None:
    """The active token this text names, with its user, or None."""
    parts = ApiToken.split(text)
    if parts is None:
        return None
    key_id, secret = parts
    token = ApiToken.objects.active().select_related("user").filter(key_id=key_id).first()
    if token is None or not token.matches(secret):
        return None
    return token


def _touch(token: ApiToken) -> None:
    now = timezone.now()
    if token.last_used is None or now - token.last_used >= LAST_USED_GRANULARITY:
        ApiToken.objects.filter(pk=token.pk).update(last_used=now)
        token.last_used = now


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        address = client_address(request) or "unknown"
        limit, window = settings.NEWSROOM_API_BAD_TOKEN_LIMIT, settings.NEWSROOM_API_BAD_TOKEN_WINDOW
        wait = limits.peek("bad-token", address, limit=limit, window=window)
        if wait is not None:
            raise ApiProblem(
                429,
                f"Too many wrong tokens from this address. Try again in {wait} seconds.",
                headers={"Retry-After": str(wait)},
            )
        found = find_token(token)
        if found is None:
            limits.hit("bad-token", address, limit=limit, window=window)
            raise ApiProblem(
                401,
                "The token is wrong, revoked or belongs to an inactive account. Make a new one in the admin "
                "under API tokens.",
                headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
            )
        _touch(found)
        request.user = found.user
        request.api_token = found
        return found.user
