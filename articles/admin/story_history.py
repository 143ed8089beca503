"""A story's history on the desk: every revision with what it changed, restore, and recovery after deletion."""

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from reversion.errors import RevertError
from reversion.models import Version

from articles.dates import desk_time
from articles.models import Author, Byline, Story
from articles.stories import permissions, revisions, textdiff

TEXT_FIELDS = ("headline", "standfirst", "body")


class StoryHistoryMixin:
    """For StoryAdmin (with reversion's VersionAdmin): history, one revision, restore, recover."""

    def history_view(self, request, object_id, extra_context=None):
        story = self.get_object(request, unquote(object_id))
        context = {"story_history": self._history(story) if story else [], **(extra_context or {})}
        return super().history_view(request, object_id, context)

    def _history(self, story: Story) -> list[dict]:
        """Each revision of the story, newest first, with what it changed in the text."""
        versions = Version.objects.get_for_object(story).select_related("revision__user").order_by("pk")
        entries, previous = [], None
        for version in versions:
            text = _version_text(version)
            entries.append(
                {
                    "revision": version.revision,
                    "url": reverse("admin:articles_story_revision", args=[story.pk, version.pk]),
                    "diffs": textdiff.story_text_diffs(previous, text) if previous is not None else [],
                    "first": previous is None,
                }
            )
            previous = text
        entries.reverse()
        return entries

    def revision_view(self, request, object_id, version_id, extra_context=None):
        """One revision against the story as it is now, with a button that restores it (through the service)."""
        story = self.get_object(request, unquote(object_id))
        if story is None:
            raise Http404("No such story.")
        if not self.has_view_or_change_permission(request, story):
            raise PermissionDenied
        version = get_object_or_404(
            Version.objects.get_for_object(story).select_related("revision__user"), pk=version_id
        )
        can_restore = self.has_change_permission(request, story)
        if request.method == "POST":
            if not can_restore:
                raise PermissionDenied
            try:
                revisions.story_restore_revision(story=story, version=version, user=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return HttpResponseRedirect(request.path)
            self.message_user(
                request,
                f"Restored the revision of {desk_time(version.revision.date_created)}. It is now the latest revision.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:articles_story_change", args=[story.pk]))
        old = _version_text(version)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": story,
            "title": f"Revision of {desk_time(version.revision.date_created)}",
            "subtitle": str(story),
            "revision": version.revision,
            "old": {**old, "body_text": textdiff.body_text(old["body"])},
            "bylines": _version_bylines(version, story.pk),
            "diffs": textdiff.story_text_diffs({field: getattr(story, field) for field in TEXT_FIELDS}, old),
            "can_restore": can_restore,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/articles/story/revision.html", context)

    def recoverlist_view(self, request, extra_context=None):
        if not permissions.user_can_publish(request.user):
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        """A deleted story's last revision, with a button that brings it back as a draft."""
        if not (permissions.user_can_publish(request.user) and self.has_add_permission(request)):
            raise PermissionDenied
        version = get_object_or_404(Version.objects.get_deleted(Story).select_related("revision__user"), pk=version_id)
        if request.method == "POST":
            try:
                story = revisions.story_recover_deleted(version=version, user=request.user)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                return HttpResponseRedirect(request.path)
            self.message_user(request, f"“{story}” was recovered as a draft.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_story_change", args=[story.pk]))
        old = _version_text(version)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Recover “{version.object_repr}”",
            "revision": version.revision,
            "old": {**old, "body_text": textdiff.body_text(old["body"])},
            "bylines": _version_bylines(version, int(version.object_id)),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/articles/story/recover_form.html", context)


def _version_text(version: Version) -> dict:
    try:
        fields = version.field_dict
    except RevertError:
        fields = {}
    return {field: fields.get(field) or "" for field in TEXT_FIELDS}


def _version_bylines(version: Version, story_pk: int) -> list[str]:
    """The byline names a revision held, in order (authors deleted since are left out)."""
    rows = [
        v.field_dict
        for v in revisions.revision_story_versions(version.revision, story_pk)
        if v.content_type.model_class() is Byline
    ]
    rows.sort(key=lambda row: (row["order"], row["id"]))
    names = dict(Author.objects.filter(pk__in=[row["author_id"] for row in rows]).values_list("pk", "name"))
    return [names[row["author_id"]] for row in rows if row["author_id"] in names]
