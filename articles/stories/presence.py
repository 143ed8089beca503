"""Who else has a story's edit page open, so two people do not rewrite the same story unawares."""

from datetime import timedelta

from django.utils import timezone

from articles.models import EditPresence, Story

PRESENCE_WINDOW = timedelta(minutes=10)


def edit_presence_record(*, story: Story, user) -> list[EditPresence]:
    """Note that `user` has the story's edit page open; return the others seen there within the window."""
    now = timezone.now()
    EditPresence.objects.update_or_create(story=story, user=user, defaults={"last_seen": now})
    return list(
        EditPresence.objects.filter(story=story, last_seen__gte=now - PRESENCE_WINDOW)
        .exclude(user=user)
        .select_related("user")
        .order_by("-last_seen")
    )
