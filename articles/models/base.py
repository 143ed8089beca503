from django.conf import settings
from django.db import models


def _desk_user():
    """A desk user a row remembers; kept (as empty) when the account is deleted."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )


class Bookkeeping(models.Model):
    """Who created and last changed a row, and when. The admin fills in the users."""

    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)
    created_by = _desk_user()
    modified_by = _desk_user()

    class Meta:
        abstract = True
