"""Corrections and clarifications: appended by editors to stories readers can see, shown at once."""

from django.core.exceptions import ValidationError
from django.db import transaction
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
    correction = Correction.objects.create(
        story=story, kind=kind, text=text, published_at=timezone.now(), created_by=user
    )
    signals.send_story_changed(story_id=story.pk, reason="corrected")
    return correction
