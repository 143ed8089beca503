"""Who else has a story's edit form open now, so two people do not rewrite the same story unawares.

The edit form records a visit when it is shown and then every HEARTBEAT while its tab is open
(a small fetch from story_form/presence.js); closing or hiding the tab says "left". So "now" is a short
window: a name drops within PRESENCE_WINDOW of its last sign of life, at once when the tab says so.
Only people who may edit the story are recorded: a read-only viewer is not editing.
"""

from datetime import timedelta

from django.utils import timezone

from articles.models import EditPresence, Story
from articles.stories.permissions import story_can_edit

HEARTBEAT = timedelta(seconds=20)
PRESENCE_WINDOW = timedelta(seconds=60)


def edit_presence_others(*, story: Story, user, now=None) -> list[EditPresence]:
    """The others seen on the story's edit form within the window, most recent first."""
    now = now or timezone.now()
    return list(
        EditPresence.objects.filter(story=story, last_seen__gte=now - PRESENCE_WINDOW)
        .exclude(user=user)
        .select_related("user")
        .order_by("-last_seen")
    )


def edit_presence_record(*, story: Story, user) -> list[EditPresence]:
    """Note that `user` has the story's edit form open; return the others there now.

    Nothing is recorded for a user who may not edit the story: they are only reading it.
    """
    now = timezone.now()
    if story_can_edit(story=story, user=user):
        EditPresence.objects.update_or_create(story=story, user=user, defaults={"last_seen": now})
    return edit_presence_others(story=story, user=user, now=now)


def edit_presence_leave(*, story: Story, user) -> None:
    """The user closed or left the edit form: drop their name at once."""
    EditPresence.objects.filter(story=story, user=user).delete()
