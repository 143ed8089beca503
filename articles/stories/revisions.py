"""Revisions of a story: restore an earlier one, delete a story and recover it from its last revision.

A restore brings back words, bylines, photos and tags, never the story's place in the workflow.
"""

import reversion
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from reversion.errors import RevertError
from reversion.models import Version

from articles.dates import desk_time, person_name
from articles.models import Byline, Placement, Story, StoryStatus, TaggedStory
from articles.stories import signals
from articles.stories.permissions import require_editable, require_publisher
from articles.stories.workflow import STAMPED_FIELDS, commit_change, locked_copy, story_publish_problems

# Restoring an old revision brings back its words, bylines, photos and tags, never
# its place in the workflow: these stay as they are now.
WORKFLOW_FIELDS = (*STAMPED_FIELDS, "publish_at", "embargo_until")


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
        locked = locked_copy(story)
        require_editable(locked, user)
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
        comment = f"Restored by {person_name(user)} to the revision of {desk_time(version.revision.date_created)}."
        return commit_change(story=story, locked=restored, user=user, comment=comment, reason="restored")


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
            reversion.set_comment(f"Deleted by {person_name(user)}.")
            reversion.add_to_revision(story)
        story.delete()
        signals.send_story_changed(story_id=story_id, reason="deleted")


def story_recover_deleted(*, version: Version, user) -> Story:
    """Bring a deleted story back from its last revision, as a draft: it goes nowhere until published again."""
    require_publisher(user)
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
        comment = f"Recovered by {person_name(user)} after deletion; back as a draft."
        return commit_change(story=story, locked=story, user=user, comment=comment, reason="recovered")
