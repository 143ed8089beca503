"""The desk overview (/admin/desk/): what is scheduled, waiting for an editor, and published lately."""

from datetime import timedelta

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.db.models.functions import Coalesce, Greatest
from django.template.response import TemplateResponse
from django.utils import timezone

from articles.models import Story, StoryStatus

OVERVIEW_DAYS_AHEAD = 7
# Each list on the overview shows at most this many stories, so the page stays quick on a busy day.
OVERVIEW_LIST_LIMIT = 100


def overview_lists(now=None) -> list[dict]:
    """The desk's three lists, each in one query plus one for the bylines, whatever its length."""
    now = now or timezone.now()
    start_of_day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    horizon = now + timedelta(days=OVERVIEW_DAYS_AHEAD)
    # Scheduled: live at the horizon but not yet; the visibility gate decides both.
    scheduled = (
        Story.objects.live(now=horizon)
        .exclude(pk__in=Story.objects.live(now=now).values("pk"))
        .for_listing()
        # An embargo later than the publish time is when the story really goes live.
        .annotate(goes_live_at=Greatest("publish_at", Coalesce("embargo_until", "publish_at")))
        .order_by("goes_live_at", "pk")
    )
    waiting = (
        Story.objects.filter(status=StoryStatus.SUBMITTED)
        .for_listing()
        .order_by(F("submitted_at").asc(nulls_last=True), "modified", "pk")
    )
    today = Story.objects.live(now=now).filter(publish_at__gte=start_of_day).for_listing()
    lists = [
        {
            "key": "scheduled",
            "title": f"Scheduled for the next {OVERVIEW_DAYS_AHEAD} days",
            "time_label": "Goes live",
            "stories": scheduled,
            "empty": "Nothing is scheduled.",
        },
        {
            "key": "waiting",
            "title": "Submitted and waiting for an editor",
            "time_label": "Submitted",
            "stories": waiting,
            "empty": "No story is waiting.",
        },
        {
            "key": "today",
            "title": "Published today",
            "time_label": "Published",
            "stories": today,
            "empty": "Nothing has been published today yet.",
        },
    ]
    for entry in lists:
        stories = list(entry["stories"][: OVERVIEW_LIST_LIMIT + 1])
        entry["more"] = len(stories) > OVERVIEW_LIST_LIMIT
        entry["stories"] = stories[:OVERVIEW_LIST_LIMIT]
        for story in entry["stories"]:
            story.desk_time = _desk_time(entry["key"], story)
    return lists


def _desk_time(key: str, story: Story):
    if key == "scheduled":
        return story.goes_live_at
    if key == "waiting":
        return story.submitted_at or story.modified
    return story.publish_at


def desk_overview(request):
    if not request.user.has_perm("articles.view_story"):
        raise PermissionDenied
    context = {
        **admin.site.each_context(request),  # the default site: NewsroomAdminSite
        "title": "Desk overview",
        "lists": overview_lists(),
        "can_preview": request.user.has_perm("articles.change_story"),
    }
    return TemplateResponse(request, "admin/desk_overview.html", context)
