"""State changes of stories. Nothing else flips a status (DESIGN.md rule 2).

Each service checks permission (PermissionDenied), validates (ValidationError
naming the problem), stamps who and when, raises the story's version, records a
django-reversion revision with a comment, and sends `signals.story_changed`
once the transaction commits. The admin, management commands and tests call
these; they all take keyword arguments only.

The workflow: draft → submitted → published (live, or scheduled while its
publish time is ahead) → withdrawn. A submitted, scheduled or withdrawn story
can go back to draft.
"""

from datetime import datetime, timedelta

import reversion
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from reversion.errors import RevertError
from reversion.models import Version

from articles import richtext, signals
from articles.models import Byline, EditPresence, Photo, Placement, Story, StoryStatus, TaggedStory

PUBLISH_PERMISSION = "articles.publish_story"
HEADLINE_MAX_LENGTH = Story._meta.get_field("headline").max_length
PRESENCE_WINDOW = timedelta(minutes=10)

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


# --- Who may do what ----------------------------------------------------------


def user_can_publish(user) -> bool:
    """Editors and chiefs: publish, schedule, withdraw and edit any story."""
    return user is not None and user.is_active and user.has_perm(PUBLISH_PERMISSION)


def story_is_own(*, story: Story, user) -> bool:
    """The user created the story or carries its byline."""
    if user is None or user.pk is None:
        return False
    if story.created_by_id == user.pk:
        return True
    return story.pk is not None and Byline.objects.filter(story=story, author__user=user).exists()


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


def _require(user, permission: str) -> None:
    if user is None or not user.has_perm(permission):
        raise PermissionDenied("You do not have permission to do that.")


def _require_publisher(user) -> None:
    if not user_can_publish(user):
        raise PermissionDenied("Only an editor can publish, schedule or withdraw a story.")


def _require_editable(story: Story, user) -> None:
    if not story_can_edit(story=story, user=user):
        raise PermissionDenied("You cannot change this story.")


# --- Checks ---------------------------------------------------------------------


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user is not None else "someone"


def _when(moment: datetime) -> str:
    return formats.date_format(timezone.localtime(moment), "j M Y, H:i")


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
                f"The embargo ends at {_when(embargo_until)}, after the publish time {_when(publish_at)}. "
                "Move the publish time to the end of the embargo or later, or clear the embargo."
            ]
        }
    return {}


# --- Bookkeeping shared by the services -------------------------------------------


def _locked(story: Story) -> Story:
    """A fresh copy of the row, locked until the transaction ends, so two desks cannot interleave."""
    return Story.objects.select_for_update().get(pk=story.pk)


def _commit(*, story: Story, locked: Story, user, comment: str, reason: str) -> Story:
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


def story_save(*, story: Story, user) -> Story:
    """Save an edit made in a form (the admin calls this from save_model).

    The caller has already checked that the form was not stale (StoryAdminForm).
    Content only: the status is never touched here.
    """
    _require_editable(story, user)
    with reversion.create_revision():
        if story.pk is None:
            for field in STAMPED_FIELDS:
                setattr(story, Story._meta.get_field(field).attname, None)
            story.status = StoryStatus.DRAFT
            story.created_by = user
            comment = f"Created by {_name(user)}."
        else:
            # Whatever the caller did to the copy, the workflow's own fields stay as stored.
            current = _locked(story)
            for field in STAMPED_FIELDS:
                attname = Story._meta.get_field(field).attname
                setattr(story, attname, getattr(current, attname))
            story.version = current.version + 1
            comment = f"Edited by {_name(user)}."
        story.modified_by = user
        story.save()
        reversion.set_user(user)
        reversion.set_comment(comment)
    signals.send_story_changed(story_id=story.pk, reason="edited")
    return story


def story_submit(*, story: Story, user) -> Story:
    """A reporter hands a draft to the desk for editing; after this only editors change it."""
    with reversion.create_revision():
        locked = _locked(story)
        _require_editable(locked, user)
        if locked.status != StoryStatus.DRAFT:
            raise ValidationError(
                f"Only a draft can be submitted; “{locked}” is {locked.get_status_display().lower()}."
            )
        if richtext.word_count(locked.body) == 0:
            raise ValidationError({"body": ["The body is empty. Write the story before submitting it."]})
        locked.status = StoryStatus.SUBMITTED
        locked.submitted_at = timezone.now()
        return _commit(
            story=story,
            locked=locked,
            user=user,
            comment=f"Submitted for editing by {_name(user)}.",
            reason="submitted",
        )


def story_publish(*, story: Story, user, publish_at: datetime | None = None, backdate: bool = False) -> Story:
    """Publish now (publish_at None), or schedule for a future publish_at.

    A publish time in the past is refused, unless `backdate` is set by a command
    that imports old stories.
    """
    _require_publisher(user)
    with reversion.create_revision():
        locked = _locked(story)
        now = timezone.now()
        if locked.status == StoryStatus.WITHDRAWN:
            raise ValidationError(f"“{locked}” was withdrawn. Return it to draft before publishing it again.")
        if locked.is_live(now):
            raise ValidationError(f"“{locked}” is already live.")
        problems: dict[str, list[str]] = {}
        if publish_at is not None and publish_at <= now and not backdate:
            problems["publish_at"] = [
                f"The publish time {_when(publish_at)} is in the past. "
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
            comment, reason = f"Scheduled by {_name(user)} for {_when(when)}.", "scheduled"
        else:
            comment, reason = f"Published by {_name(user)}.", "published"
        return _commit(story=story, locked=locked, user=user, comment=comment, reason=reason)


def story_withdraw(*, story: Story, user) -> Story:
    """Kill a published (or scheduled) story: off every public surface at once, kept in the admin."""
    _require_publisher(user)
    with reversion.create_revision():
        locked = _locked(story)
        if locked.status != StoryStatus.PUBLISHED:
            raise ValidationError(
                f"Only a published story can be withdrawn; “{locked}” is {locked.get_status_display().lower()}."
            )
        locked.status = StoryStatus.WITHDRAWN
        locked.withdrawn_at = timezone.now()
        return _commit(
            story=story, locked=locked, user=user, comment=f"Withdrawn by {_name(user)}.", reason="withdrawn"
        )


def story_return_to_draft(*, story: Story, user) -> Story:
    """Send a submitted story back to its reporter, unschedule a story not yet live, or rework a withdrawn one."""
    _require_publisher(user)
    with reversion.create_revision():
        locked = _locked(story)
        now = timezone.now()
        if locked.status == StoryStatus.DRAFT:
            raise ValidationError(f"“{locked}” is already a draft.")
        if locked.is_live(now):
            raise ValidationError(f"“{locked}” is live. Withdraw it to take it off the site.")
        if locked.status == StoryStatus.PUBLISHED:
            comment = f"Unscheduled by {_name(user)}; back to draft."
            if locked.first_published_at and locked.first_published_at > now:
                # It never went out: forget the first publication it was due to have.
                locked.first_published_at = None
        else:
            comment = f"Returned to draft by {_name(user)}."
        locked.status = StoryStatus.DRAFT
        locked.submitted_at = None
        return _commit(story=story, locked=locked, user=user, comment=comment, reason="returned_to_draft")


# --- Revisions ----------------------------------------------------------------------


# The rows that belong to one story in a revision; restoring touches these and nothing else.
_STORY_CHILDREN = {Byline: "story_id", Placement: "story_id", TaggedStory: "content_object_id"}


def revision_story_versions(revision, story_pk) -> list[Version]:
    """This story's versions in a revision (the story first, then its bylines, photos and tags)."""
    story_versions, child_versions = [], []
    for version in revision.version_set.all():
        model = version._model
        if model is Story and version.object_id == str(story_pk):
            story_versions.append(version)
        elif model in _STORY_CHILDREN and version.field_dict[_STORY_CHILDREN[model]] == story_pk:
            child_versions.append(version)
    return story_versions + child_versions


def _unresolved_references(deserialized, story_pk: int) -> list[str]:
    """Point references to rows deleted since at nothing where allowed; name the ones that cannot be.

    The story itself counts as present: it is saved first.
    """
    obj = deserialized.object
    missing = []
    for field in obj._meta.concrete_fields:
        value = getattr(obj, field.attname)
        if not field.many_to_one or value is None or (field.related_model is Story and value == story_pk):
            continue
        if not field.related_model._base_manager.filter(pk=value).exists():
            if field.null:
                setattr(obj, field.attname, None)
            else:
                missing.append(f"the {field.related_model._meta.verbose_name} no. {value}")
    for name, pks in (deserialized.m2m_data or {}).items():
        related_model = obj._meta.get_field(name).related_model
        deserialized.m2m_data[name] = list(related_model._base_manager.filter(pk__in=pks).values_list("pk", flat=True))
    return missing


def _revert_story(story_pk: int, revision) -> None:
    """Put one story, its bylines, photos in the body and tags back as they were in `revision`."""
    versions = revision_story_versions(revision, story_pk)
    if not versions or versions[0]._model is not Story:
        raise ValidationError("That revision does not hold this story.")
    try:
        objects = [version._object_version for version in versions]
    except RevertError as error:
        raise ValidationError(f"That revision can no longer be read: {error}") from error
    missing = [name for deserialized in objects for name in _unresolved_references(deserialized, story_pk)]
    if missing:
        raise ValidationError(f"That revision uses {', '.join(missing)}, which has since been deleted.")
    kept = {model: set() for model in _STORY_CHILDREN}
    for deserialized in objects[1:]:
        kept[type(deserialized.object)].add(deserialized.object.pk)
    # Remove what was added since first, so a restored byline cannot collide with its later twin.
    for model, story_field in _STORY_CHILDREN.items():
        model.objects.filter(**{story_field: story_pk}).exclude(pk__in=kept[model]).delete()
    for deserialized in objects:
        deserialized.save()
    # Revisions do not keep the bylines' and tags' copies of the story's publish time (raw saves leave
    # them empty): copy the time as restored. A later change of the time is copied by Story.save().
    objects[0].object.copy_publish_time()


def story_restore_revision(*, story: Story, version: Version, user) -> Story:
    """Bring back the words, bylines, photos and tags of an earlier revision, as a new revision.

    The workflow fields (status, times, who published) stay as they are now, so a
    restore never publishes or unpublishes anything. A published story must still
    meet the publishing rules after the restore.
    """
    if version.object_id != str(story.pk) or version._model is not Story:
        raise ValidationError("That revision belongs to another story.")
    with reversion.create_revision():
        locked = _locked(story)
        _require_editable(locked, user)
        kept = {field: getattr(locked, field) for field in WORKFLOW_FIELDS}
        current_version = locked.version
        _revert_story(story.pk, version.revision)
        restored = Story.objects.get(pk=story.pk)
        for field, value in kept.items():
            setattr(restored, field, value)
        restored.version = current_version
        if restored.status == StoryStatus.PUBLISHED:
            problems = story_publish_problems(restored)
            if problems:
                problems.setdefault(NON_FIELD_ERRORS, []).insert(
                    0, "This story is published, and that revision does not meet the publishing rules."
                )
                raise ValidationError(problems)
        saved_at = _when(version.revision.date_created)
        return _commit(
            story=story,
            locked=restored,
            user=user,
            comment=f"Restored by {_name(user)} to the revision of {saved_at}.",
            reason="restored",
        )


def story_delete(*, story: Story, user) -> None:
    """Delete a story, keeping a last revision so it can be recovered from the admin."""
    if user is None or not user.has_perm("articles.delete_story"):
        raise PermissionDenied("You cannot delete stories.")
    story_id = story.pk
    with transaction.atomic():
        # The revision is written when its block ends, and only for rows that still exist:
        # so close it before deleting.
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(f"Deleted by {_name(user)}.")
            reversion.add_to_revision(story)
        story.delete()
        signals.send_story_changed(story_id=story_id, reason="deleted")


def story_recover_deleted(*, version: Version, user) -> Story:
    """Bring a deleted story back from its last revision, as a draft: it goes nowhere until published again."""
    _require_publisher(user)
    if not user.has_perm("articles.add_story"):
        raise PermissionDenied("You cannot add stories.")
    if not Version.objects.get_deleted(Story).filter(pk=version.pk).exists():
        raise ValidationError("That story is not deleted, or this is not its last revision.")
    with reversion.create_revision():
        _revert_story(int(version.object_id), version.revision)
        story = Story.objects.select_for_update().get(pk=version.object_id)
        story.status = StoryStatus.DRAFT
        story.submitted_at = None
        story.withdrawn_at = None
        return _commit(
            story=story,
            locked=story,
            user=user,
            comment=f"Recovered by {_name(user)} after deletion; back as a draft.",
            reason="recovered",
        )


# --- Who else has a story open ----------------------------------------------------


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


# --- Corrections and share links
# Imports kept with this section while several people edit the file; the lead may hoist them.
from articles.models import Correction, CorrectionKind, ShareLink, ShareLinkUse  # noqa: E402

SHARELINK_DEFAULT_HOURS = 48
SHARELINK_MAX_HOURS = 7 * 24


@transaction.atomic
def story_correct(*, story: Story, user, text: str, kind: str = CorrectionKind.CORRECTION) -> Correction:
    """Append a correction or clarification to a story readers can see. It is shown at once."""
    _require(user, PUBLISH_PERMISSION)
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


@transaction.atomic
def sharelink_create(*, story: Story, user, hours: int = SHARELINK_DEFAULT_HOURS, note: str = "") -> ShareLink:
    """A preview link for someone without an account, valid for `hours` (1 hour to 7 days)."""
    _require(user, PUBLISH_PERMISSION)
    if story.pk is None:
        raise ValidationError("Save the story before making a share link.")
    if story.status == StoryStatus.WITHDRAWN:
        raise ValidationError("A withdrawn story cannot be shared.")
    if isinstance(hours, bool) or not isinstance(hours, int) or not 1 <= hours <= SHARELINK_MAX_HOURS:
        raise ValidationError(f"A share link lasts from 1 hour to {SHARELINK_MAX_HOURS // 24} days.")
    link = ShareLink(
        story=story,
        note=(note or "").strip(),
        created_by=user,
        expires_at=timezone.now() + timedelta(hours=hours),
    )
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def sharelink_revoke(*, link: ShareLink, user) -> ShareLink:
    """Stop a share link working at once. Revoking a revoked link keeps the first revocation."""
    _require(user, PUBLISH_PERMISSION)
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.revoked_by = user
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link


def sharelink_record_use(*, link: ShareLink, ip_address: str | None, user_agent: str) -> ShareLinkUse:
    """Log one opening of a share link: when, from which address, with which browser."""
    limit = ShareLinkUse._meta.get_field("user_agent").max_length
    return ShareLinkUse.objects.create(link=link, ip_address=ip_address, user_agent=(user_agent or "")[:limit])
