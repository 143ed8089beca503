"""Corrections and clarifications: appended by editors to stories readers can see, shown at once."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles.models import Correction, CorrectionKind, Story
from articles.stories import signals
from articles.stories.permissions import PUBLISH_PERMISSION, require


@transaction.atomic
def story_correct(*, story: Story, user, text: str, kind: str = CorrectionKind.CORRECTION) -> Correction:
    """Append a correction or clarification to a story readers can see. It is shown at once."""
    require(user, PUBLISH_PERMISSION)
    text = (text or "").strip()
    if not text:
        raise ValidationError("Write what was wrong and what is right: a correction cannot be empty.")
    if kind not in CorrectionKind.values:
        raise ValidationError(f"“{kind}” is not a kind of correction; choose correction or clarification.")
    if story.pk is None or not Story.objects.live().filter(pk=story.pk).exists():
        raise ValidationError(
            "Only a story readers can see can be corrected. Before it goes out, edit the story itself."
        )
    now = timezone.now()
    correction = Correction.objects.create(story=story, kind=kind, text=text, published_at=now, created_by=user)
    # A correction changes what readers read: the story shows "Updated" with this time. The version
    # goes up too, so an edit form opened before the correction cannot put the old time back.
    Story.objects.filter(pk=story.pk).update(updated_at=now, version=F("version") + 1)
    story.updated_at = now
    story.version = Story.objects.values_list("version", flat=True).get(pk=story.pk)
    signals.send_story_changed(story_id=story.pk, reason="corrected")
    return correction
