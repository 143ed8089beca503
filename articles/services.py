"""State changes of stories. Nothing else flips a status (DESIGN.md rule 2).

Each function checks permission, validates, stamps times and returns the
story. The admin, management commands and tests call these.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from articles.models import Story, StoryStatus

PUBLISH_PERMISSION = "articles.publish_story"


def _require(user, permission: str) -> None:
    if user is None or not user.has_perm(permission):
        raise PermissionDenied("You do not have permission to do that.")


def story_publish_problems(story: Story) -> list[str]:
    """What stops this story from going to readers, in words an editor can act on."""
    problems = []
    if not story.headline.strip():
        problems.append("The story needs a headline.")
    if not story.section_id:
        problems.append("Choose a section before publishing.")
    if story.pk is None or not story.bylines.exists():
        problems.append("Add at least one byline before publishing.")
    if not story.body_blocks:
        problems.append("The story has no body text.")
    return problems


@transaction.atomic
def story_publish(*, story: Story, user, publish_at=None) -> Story:
    """Publish now, or schedule when publish_at is in the future."""
    _require(user, PUBLISH_PERMISSION)
    problems = story_publish_problems(story)
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    story.publish_at = publish_at or story.publish_at or now
    story.status = StoryStatus.PUBLISHED
    if story.first_published_at is None:
        story.first_published_at = story.publish_at
    story.modified_by = user
    story.save()
    return story


@transaction.atomic
def story_withdraw(*, story: Story, user) -> Story:
    """Take a published story off every public surface; it stays in the admin."""
    _require(user, PUBLISH_PERMISSION)
    if story.status != StoryStatus.PUBLISHED:
        raise ValidationError("Only a published story can be withdrawn.")
    story.status = StoryStatus.WITHDRAWN
    story.modified_by = user
    story.save()
    return story


@transaction.atomic
def story_submit(*, story: Story, user) -> Story:
    """A reporter hands a draft to the desk for editing."""
    _require(user, "articles.change_story")
    if story.status != StoryStatus.DRAFT:
        raise ValidationError("Only a draft can be submitted for editing.")
    story.status = StoryStatus.SUBMITTED
    story.modified_by = user
    story.save()
    return story
