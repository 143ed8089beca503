"""API tokens: one per script or app a desk user lets write through the API in their name.

The secret is shown once, when the token is made, and stored only as a SHA-256 digest. A token
reads ``nr_<key id>_<secret>``: the key id finds the row, and the digests are compared in constant
time, so a lookup never depends on the secret itself.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone

TOKEN_PREFIX = "nr"


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True)


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What uses it, e.g. “mobile app on my phone”.")
    key_id = models.CharField(max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    last_used = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = "API token"
        ordering = ["-created"]

    def __str__(self):
        return f"{self.name} ({self.key_id})"

    @classmethod
    def issue(cls, *, user, name: str) -> tuple["ApiToken", str]:
        """A new token for `user`, and its full text: the only time the secret exists in the clear."""
        secret = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_id=secrets.token_hex(6), secret_hash=_digest(secret))
        return token, f"{TOKEN_PREFIX}_{token.key_id}_{secret}"

    def set_secret(self) -> str:
        """Give an unsaved token its id and secret; returns the full text to show once."""
        secret = secrets.token_urlsafe(32)
        self.key_id = secrets.token_hex(6)
        self.secret_hash = _digest(secret)
        return f"{TOKEN_PREFIX}_{self.key_id}_{secret}"

    @staticmethod
    def split(text: str) -> tuple[str, str] | None:
        """(key id, secret) of a token's text, or None when it is not shaped like one."""
        parts = text.split("_", 2)
        if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not parts[1] or not parts[2]:
            return None
        return parts[1], parts[2]

    def matches(self, secret: str) -> bool:
        return hmac.compare_digest(self.secret_hash, _digest(secret))

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
