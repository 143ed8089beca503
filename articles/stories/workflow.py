"""The editorial workflow: save, submit, publish (or schedule), withdraw, back to draft.

Nothing else flips a status (DESIGN.md rule 2). Each service checks permission
(PermissionDenied), validates (ValidationError naming the problem), stamps who and when,
raises the story's version, records a django-reversion revision with a comment, and sends
`signals.story_changed` once the transaction commits. The admin, management commands and
tests call these; they all take keyword arguments only.

The workflow: draft → submitted → published (live, or scheduled while its publish time is
ahead) → withdrawn. A submitted, scheduled or withdrawn story can go back to draft.
"""

from datetime import datetime

import reversion
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import formats, timezone

from articles import richtext
from articles.dates import desk_time, person_name
from articles.models import Byline, Photo, Placement, Story, StoryStatus
from articles.stories import signals
from articles.stories.permissions import require_editable, require_publisher
from articles.stories.placements import placements_sync

HEADLINE_MAX_LENGTH = Story._meta.get_field("headline").max_length

# Set only by the workflow services below; an edit never changes them.
STAMPED_FIELDS = (
    "status",
    "first_published_at",
    "submitted_at",
    "published_by",
    "withdrawn_at",
    "created",
    "created_by",
)
# Restoring an old revision brings back its words, bylines, photos and tags, never
# its place in the workflow: these stay as they are now.
WORKFLOW_FIELDS = (*STAMPED_FIELDS, "publish_at", "embargo_until")

# --- Checks ---------------------------------------------------------------------


def photo_problems(photo: Photo, *, on_date=None) -> list[str]:
    """What keeps a photo out of a story going to readers: alt text, credit, rights."""
    label = f"Photo “{photo}” (no. {photo.pk})"
    problems = []
    if not photo.alt_text.strip():
        problems.append(f"{label} has no alt text. Describe what it shows on the photo before publishing.")
    if not photo.credit_line.strip():
        problems.append(f"{label} has no credit. Add a credit, photographer or source on the photo.")
    on_date = on_date or timezone.localdate()
    if not photo.rights_cover(on_date):
        expired = formats.date_format(photo.rights_expire_on, "j M Y")
        problems.append(f"{label}: our rights to use it end on {expired}. Remove it or choose another photo.")
    return problems


def story_publish_problems(story: Story, *, publish_at: datetime | None = None) -> dict[str, list[str]]:
    """What stops this story from going to readers, by form field, in words an editor can act on.

    Keys are form field names, or NON_FIELD_ERRORS for what has no single field
    (bylines, photos in the body).
    """
    problems: dict[str, list[str]] = {}

    def add(field, message):
        problems.setdefault(field, []).append(message)

    if not story.headline.strip():
        add("headline", "The story needs a headline.")
    elif len(story.headline) > HEADLINE_MAX_LENGTH:
        add(
            "headline",
            f"The headline is {len(story.headline)} characters long; the limit is {HEADLINE_MAX_LENGTH}. Shorten it.",
        )
    if not story.section_id:
        add("section", "Choose a section before publishing.")
    # Fresh queries, not story.bylines: a prefetched cache may predate the form that just saved.
    if story.pk is None or not Byline.objects.filter(story=story).exists():
        add(NON_FIELD_ERRORS, "Add at least one byline before publishing.")
    if richtext.word_count(story.body) == 0:
        add("body", "The body is empty. Write the story before publishing it.")
    on_date = timezone.localdate(publish_at) if publish_at else None
    photos = [story.lead_photo] if story.lead_photo_id else []
    if story.pk is not None:
        photos += [placement.photo for placement in Placement.objects.filter(story=story).select_related("photo")]
    seen = set()
    for photo in photos:
        if photo.pk not in seen:
            seen.add(photo.pk)
            for message in photo_problems(photo, on_date=on_date):
                add("lead_photo" if photo.pk == story.lead_photo_id else NON_FIELD_ERRORS, message)
    return problems


def story_timing_problems(*, publish_at: datetime | None, embargo_until: datetime | None) -> dict[str, list[str]]:
    """An embargo that ends after the publish time: the story would carry a time it was not shown at."""
    if publish_at and embargo_until and embargo_until > publish_at:
        return {
            "embargo_until": [
                f"The embargo ends at {desk_time(embargo_until)}, after the publish time {desk_time(publish_at)}. "
                "Move the publish time to the end of the embargo or later, or clear the embargo."
            ]
        }
    return {}


# --- Bookkeeping shared by the services -------------------------------------------


def locked_copy(story: Story) -> Story:
    """A fresh copy of the row, locked until the transaction ends, so two desks cannot interleave."""
    return Story.objects.select_for_update().get(pk=story.pk)


def commit_change(*, story: Story, locked: Story, user, comment: str, reason: str) -> Story:
    """Stamp, raise the version, save with a revision comment, announce; refresh the caller's copy."""
    locked.modified_by = user
    locked.version += 1
    locked.save()
    reversion.set_user(user)
    reversion.set_comment(comment)
    signals.send_story_changed(story_id=locked.pk, reason=reason)
    if story is not locked:
        story.refresh_from_db()
    return story


# --- Workflow -----------------------------------------------------------------------


def _locked_unless_live(story: Story, refusal: str) -> tuple[Story, datetime]:
    """The locked row and the time now, refusing a story readers can already see ("{story}" in `refusal`)."""
    locked = locked_copy(story)
    now = timezone.now()
    if locked.is_live(now):
        raise ValidationError(refusal.format(story=locked))
    return locked, now


# The words readers read: a change to one of these on a live story is an update readers are told of.
READER_TEXT_FIELDS = ("headline", "standfirst", "body")


def _text_changed(story: Story, stored: Story) -> bool:
    return (
        story.headline != stored.headline
        or story.standfirst != stored.standfirst
        or richtext.sanitize(story.body) != stored.body
    )


def story_save(*, story: Story, user, minor: bool = False) -> Story:
    """Save an edit made in a form (the admin calls this from save_model).

    The caller has already checked that the form was not stale (StoryAdminForm).
    Content only: the status is never touched here. A change to the headline, standfirst or
    body of a live story stamps its updated time (readers see "Updated"), unless it is `minor`
    (a typo) or the caller set an updated time of its own.
    """
    require_editable(story, user)
    with reversion.create_revision():
        if story.pk is None:
            for field in STAMPED_FIELDS:
                setattr(story, Story._meta.get_field(field).attname, None)
            story.status = StoryStatus.DRAFT
            story.created_by = user
            comment = f"Created by {person_name(user)}."
        else:
            # Whatever the caller did to the copy, the workflow's own fields stay as stored.
            current = locked_copy(story)
            for field in STAMPED_FIELDS:
                attname = Story._meta.get_field(field).attname
                setattr(story, attname, getattr(current, attname))
            story.version = current.version + 1
            comment = f"Edited by {person_name(user)}."
            now = timezone.now()
            if (
                not minor
                and current.is_live(now)
                and story.updated_at == current.updated_at
                and _text_changed(story, current)
            ):
                story.updated_at = now
                comment = f"Edited by {person_name(user)}; readers are shown it was updated."
        story.modified_by = user
        # The placements follow the body in the same transaction, and before the story's own save when
        # they can, so the revision (which follows them) records them as the body now has them.
        if story.pk is not None:
            story.derive_body()
            placements_sync(story=story)
            story.save()
        else:
            story.save()
            if placements_sync(story=story):
                reversion.add_to_revision(story)
        reversion.set_user(user)
        reversion.set_comment(comment)
    signals.send_story_changed(story_id=story.pk, reason="edited")
    return story


def story_submit(*, story: Story, user) -> Story:
    """A reporter hands a draft to the desk for editing; after this only editors change it."""
    with reversion.create_revision():
        locked = locked_copy(story)
        require_editable(locked, user)
        if locked.status != StoryStatus.DRAFT:
            raise ValidationError(
                f"Only a draft can be submitted; “{locked}” is {locked.get_status_display().lower()}."
            )
        if richtext.word_count(locked.body) == 0:
            raise ValidationError({"body": ["The body is empty. Write the story before submitting it."]})
        locked.status = StoryStatus.SUBMITTED
        locked.submitted_at = timezone.now()
        comment = f"Submitted for editing by {person_name(user)}."
        return commit_change(story=story, locked=locked, user=user, comment=comment, reason="submitted")


def story_publish(*, story: Story, user, publish_at: datetime | None = None, backdate: bool = False) -> Story:
    """Publish now (publish_at None), or schedule for a future publish_at.

    A publish time in the past is refused, unless `backdate` is set by a command
    that imports old stories.
    """
    require_publisher(user)
    with reversion.create_revision():
        locked, now = _locked_unless_live(story, "“{story}” is already live.")
        if locked.status == StoryStatus.WITHDRAWN:
            raise ValidationError(f"“{locked}” was withdrawn. Return it to draft before publishing it again.")
        problems: dict[str, list[str]] = {}
        if publish_at is not None and publish_at <= now and not backdate:
            problems["publish_at"] = [
                f"The publish time {desk_time(publish_at)} is in the past. "
                "Choose a future time to schedule the story, or use Publish now."
            ]
        when = publish_at or now
        # Every problem at once, so the desk fixes them in one go.
        for found in (
            story_timing_problems(publish_at=when, embargo_until=locked.embargo_until),
            story_publish_problems(locked, publish_at=when),
        ):
            for field, messages in found.items():
                problems.setdefault(field, []).extend(messages)
        if problems:
            raise ValidationError(problems)
        locked.status = StoryStatus.PUBLISHED
        locked.publish_at = when
        locked.published_by = user
        locked.withdrawn_at = None
        if locked.first_published_at is None:
            locked.first_published_at = when
        if when > now:
            comment, reason = f"Scheduled by {person_name(user)} for {desk_time(when)}.", "scheduled"
        else:
            comment, reason = f"Published by {person_name(user)}.", "published"
        return commit_change(story=story, locked=locked, user=user, comment=comment, reason=reason)


def story_withdraw(*, story: Story, user) -> Story:
    """Kill a published (or scheduled) story: off every public surface at once, kept in the admin."""
    require_publisher(user)
    with reversion.create_revision():
        locked = locked_copy(story)
        if locked.status != StoryStatus.PUBLISHED:
            raise ValidationError(
                f"Only a published story can be withdrawn; “{locked}” is {locked.get_status_display().lower()}."
            )
        locked.status = StoryStatus.WITHDRAWN
        locked.withdrawn_at = timezone.now()
        comment = f"Withdrawn by {person_name(user)}."
        return commit_change(story=story, locked=locked, user=user, comment=comment, reason="withdrawn")


def story_return_to_draft(*, story: Story, user) -> Story:
    """Send a submitted story back to its reporter, unschedule a story not yet live, or rework a withdrawn one."""
    require_publisher(user)
    with reversion.create_revision():
        locked, now = _locked_unless_live(story, "“{story}” is live. Withdraw it to take it off the site.")
        if locked.status == StoryStatus.DRAFT:
            raise ValidationError(f"“{locked}” is already a draft.")
        if locked.status == StoryStatus.PUBLISHED:
            comment = f"Unscheduled by {person_name(user)}; back to draft."
            if locked.first_published_at and locked.first_published_at > now:
                # It never went out: forget the first publication it was due to have.
                locked.first_published_at = None
        else:
            comment = f"Returned to draft by {person_name(user)}."
        locked.status = StoryStatus.DRAFT
        locked.submitted_at = None
        return commit_change(story=story, locked=locked, user=user, comment=comment, reason="returned_to_draft")
