"""Who may do what to a story: the one ownership rule and the role checks every door uses.

Editors and chiefs (the publish permission) edit, publish, schedule and withdraw any story;
a reporter edits their own stories, and only while they are drafts. "Their own" means they
created the story or carry its byline (StoryQuerySet.owned_by states the same rule as a filter).
"""

from django.core.exceptions import PermissionDenied

from articles.models import Story, StoryStatus

PUBLISH_PERMISSION = "articles.publish_story"


def user_can_publish(user) -> bool:
    """Editors and chiefs: publish, schedule, withdraw and edit any story."""
    return user is not None and user.is_active and user.has_perm(PUBLISH_PERMISSION)


def story_is_own(*, story: Story, user) -> bool:
    """The user created the story or carries its byline.

    Uses the bylines already fetched with the story when there are any (the story page
    prefetches them), so asking costs no query there.
    """
    if user is None or user.pk is None:
        return False
    if story.created_by_id == user.pk:
        return True
    if story.pk is None:
        return False
    prefetched = getattr(story, "_prefetched_objects_cache", {}).get("bylines")
    if prefetched is not None:
        return any(byline.author.user_id == user.pk for byline in prefetched)
    return Story.objects.owned_by(user).filter(pk=story.pk).exists()


def story_can_edit(*, story: Story, user) -> bool:
    """Editors edit any story; a reporter edits their own, and only while it is a draft."""
    if user is None or not user.is_active:
        return False
    if story.pk is None:
        return user.has_perm("articles.add_story")
    if not user.has_perm("articles.change_story"):
        return False
    if user_can_publish(user):
        return True
    return story.status == StoryStatus.DRAFT and story_is_own(story=story, user=user)


def story_can_preview(*, story: Story, user) -> bool:
    """Editors preview any story; reporters preview the stories they own (any state)."""
    if not (user.is_authenticated and user.is_active and user.is_staff and user.has_perm("articles.change_story")):
        return False
    return user_can_publish(user) or story_is_own(story=story, user=user)


def require(user, permission: str) -> None:
    if user is None or not user.has_perm(permission):
        raise PermissionDenied("You do not have permission to do that.")


def require_publisher(user) -> None:
    if not user_can_publish(user):
        raise PermissionDenied("Only an editor can publish, schedule or withdraw a story.")


def require_editable(story: Story, user) -> None:
    if not story_can_edit(story=story, user=user):
        raise PermissionDenied("You cannot change this story.")
