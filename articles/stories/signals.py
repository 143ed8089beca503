"""Signals the rest of the site listens to (caches, search), sent by the story services.

`story_changed` is sent once the transaction that changed a story has committed,
with the keyword arguments `story_id` and `reason` ("published", "withdrawn",
"edited", "deleted", ...). A rolled-back change sends nothing.
"""

from django.db import transaction
from django.dispatch import Signal

from articles.models import Story

story_changed = Signal()


def send_story_changed(*, story_id: int, reason: str) -> None:
    transaction.on_commit(lambda: story_changed.send(sender=Story, story_id=story_id, reason=reason))
