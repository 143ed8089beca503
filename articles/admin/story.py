"""The story admin: where reporters write and editors run the desk.

Roles are enforced here and again in the services: a reporter edits their own
drafts only, and every workflow button or bulk action a user may not use
answers 403, hand-made POSTs included. The buttons save the form and then call
one service; when the service refuses, the whole save is rolled back and the
form comes back with the user's text and the service's message.
"""

from dataclasses import asdict, dataclass
from datetime import timedelta

import reversion
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import BooleanField, Case, Exists, OuterRef, Prefetch, Q, Value, When
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version

from articles import richtext
from articles.admin.common import BookkeepingAdmin, thumbnail
from articles.admin.desk import CorrectionInline, ShareLinkInline
from articles.forms import StoryAdminForm
from articles.models import Author, Byline, Placement, Story, StoryStatus, TaggedStory
from articles.pagination import CappedCountPaginator
from articles.stories import permissions, presence, revisions, textdiff, workflow

TEXT_FIELDS = ("headline", "standfirst", "body")


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "j M Y, H:i")


def desk_state(story: Story, now=None) -> str:
    """The story's place in the workflow as the desk says it: Live, Scheduled for …, Embargoed until …"""
    now = now or timezone.now()
    if story.status != StoryStatus.PUBLISHED:
        return story.get_status_display()
    if story.is_live(now):
        return "Live"
    if story.publish_at and story.publish_at > now:
        return f"Scheduled for {_when(story.publish_at)}"
    return f"Embargoed until {_when(story.embargo_until)}"


# --- Workflow buttons ----------------------------------------------------------------


class _WorkflowRefused(Exception):
    """A service refused the button's transition; carries its ValidationError out of the transaction."""

    def __init__(self, error: ValidationError):
        super().__init__(error)
        self.error = error


@dataclass(frozen=True)
class WorkflowButton:
    name: str  # the POST key
    label: str
    publisher_only: bool
    confirm: str = ""


SUBMIT = WorkflowButton("_submit_story", "Submit for editing", publisher_only=False)
PUBLISH_NOW = WorkflowButton("_publish_now", "Publish now", publisher_only=True)
SCHEDULE = WorkflowButton("_schedule", "Schedule for the publish time", publisher_only=True)
BACK_TO_DRAFT = WorkflowButton("_back_to_draft", "Back to draft", publisher_only=True)
UNSCHEDULE = WorkflowButton("_back_to_draft", "Unschedule (back to draft)", publisher_only=True)
WITHDRAW = WorkflowButton(
    "_withdraw",
    "Withdraw",
    publisher_only=True,
    confirm="Withdraw this story? It disappears from every page, feed and list at once.",
)
WORKFLOW_BUTTONS = {button.name: button for button in (SUBMIT, PUBLISH_NOW, SCHEDULE, BACK_TO_DRAFT, WITHDRAW)}


def _run_workflow(name: str, story: Story, user) -> str:
    """Call the service behind a button; return the message for the desk."""
    if name == SUBMIT.name:
        workflow.story_submit(story=story, user=user)
        return f"“{story}” was submitted for editing. The desk takes it from here."
    if name == PUBLISH_NOW.name:
        workflow.story_publish(story=story, user=user)
        return f"“{story}” is published and live."
    if name == SCHEDULE.name:
        if story.publish_at is None:
            raise ValidationError({"publish_at": ["Set a publish time in the future to schedule the story."]})
        workflow.story_publish(story=story, user=user, publish_at=story.publish_at)
        return f"“{story}” is scheduled for {_when(story.publish_at)}."
    if name == WITHDRAW.name:
        workflow.story_withdraw(story=story, user=user)
        return f"“{story}” was withdrawn. It is off the site and stays here in the admin."
    workflow.story_return_to_draft(story=story, user=user)
    return f"“{story}” is a draft again."


# --- Inlines -------------------------------------------------------------------------


class StoryPartInline(admin.TabularInline):
    """Bylines, photos and tags can be changed exactly when their story can."""

    def _story_editable(self, request, obj) -> bool:
        return obj is None or permissions.story_can_edit(story=obj, user=request.user)

    def has_add_permission(self, request, obj):
        return super().has_add_permission(request, obj) and self._story_editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._story_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._story_editable(request, obj)


class BylineInline(StoryPartInline):
    model = Byline
    extra = 1
    autocomplete_fields = ["author"]
    verbose_name = "byline"
    verbose_name_plural = "Bylines (in order)"


class PlacementInline(StoryPartInline):
    model = Placement
    extra = 1
    autocomplete_fields = ["photo"]
    readonly_fields = ["thumb"]
    fields = ["thumb", "photo", "paragraph", "order", "caption"]
    verbose_name = "photo in the body"
    verbose_name_plural = "Photos in the body"

    @admin.display(description="")
    def thumb(self, obj):
        return thumbnail(obj.photo if obj.pk else None, 96)


class TaggedStoryInline(StoryPartInline):
    model = TaggedStory
    extra = 1
    autocomplete_fields = ["tag"]
    verbose_name = "tag"
    verbose_name_plural = "Tags"


# --- The story admin -------------------------------------------------------------------


@admin.register(Story)
class StoryAdmin(BookkeepingAdmin, VersionAdmin):
    form = StoryAdminForm
    list_display = ["headline", "section", "state", "publish_at", "byline_names", "modified"]
    list_filter = ["status", "section", "publish_at"]
    list_select_related = ["section"]
    search_fields = ["headline", "standfirst", "slug"]
    # No date_hierarchy: at 100,000 stories its SELECT DISTINCT over every publish year cost most of
    # the changelist's time; the publish-time filter does the same job. Counting the whole table
    # again for "N total" is skipped for the same reason.
    show_full_result_count = False
    # And the filtered count stops at 10,000 (templates/admin/articles/story/pagination.html says so).
    paginator = CappedCountPaginator
    prepopulated_fields = {"slug": ["headline"]}
    autocomplete_fields = ["section", "lead_photo", "related"]
    readonly_fields = ["status", "first_published_at", "created", "modified"]
    inlines = [BylineInline, PlacementInline, TaggedStoryInline, CorrectionInline, ShareLinkInline]
    actions = ["submit_selected", "publish_selected", "withdraw_selected"]
    fieldsets = [
        (None, {"fields": ["headline", "slug", "standfirst", "section", "body"]}),
        ("Credit and photo", {"fields": ["credit_line", "lead_photo", "related"]}),
        (
            "Publishing",
            {"fields": ["status", "publish_at", "embargo_until", "updated_at", "first_published_at", "modified"]},
        ),
    ]
    object_history_template = "admin/articles/story/object_history.html"
    change_list_template = "admin/articles/story/change_list.html"
    history_latest_first = True

    class Media:
        css = {"all": ["articles/admin/story.css"]}
        js = ["articles/admin/story_form.js"]

    # --- Who may do what

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or permissions.story_can_edit(story=obj, user=request.user)

    def has_publish_permission(self, request):
        return permissions.user_can_publish(request.user)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        # Read-only: show the body as readers will read it, not as a string of tags.
        return [
            (name, {**options, "fields": ["body_formatted" if f == "body" else f for f in options["fields"]]})
            for name, options in fieldsets
        ]

    @admin.display(description="Body")
    def body_formatted(self, obj):
        # Stored bodies are sanitized on save; sanitizing again here keeps mark_safe honest.
        return mark_safe(richtext.sanitize(obj.body))

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not permissions.user_can_publish(request.user):
            # Times decide what readers see: only editors set them.
            fields += ["publish_at", "embargo_until", "updated_at"]
        return fields

    # --- The list

    @staticmethod
    def _is_mine(request):
        """True for stories the user created or carries the byline of."""
        bylined = Exists(Byline.objects.filter(story=OuterRef("pk"), author__user=request.user.pk))
        # Case, not a bare condition: created_by IS NULL must read as False, never NULL, on every database.
        return Case(
            When(Q(created_by=request.user.pk) | Q(bylined), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(is_mine=self._is_mine(request))
            .prefetch_related(Prefetch("bylines", queryset=Byline.objects.select_related("author")))
        )

    def get_ordering(self, request):
        if permissions.user_can_publish(request.user):
            return super().get_ordering(request)
        # A reporter's own stories first, most recently changed first within each group.
        return [self._is_mine(request).desc(), "-modified"]

    def get_list_display(self, request):
        fields = list(super().get_list_display(request))
        if not permissions.user_can_publish(request.user):
            fields.insert(1, "mine")
        return fields

    @admin.display(description="Mine", boolean=True, ordering="is_mine")
    def mine(self, obj):
        return obj.is_mine

    @admin.display(description="State", ordering="status")
    def state(self, obj):
        return desk_state(obj)

    @admin.display(description="Bylines")
    def byline_names(self, obj):
        return ", ".join(b.author.name for b in obj.bylines.all()) or "—"

    def changelist_view(self, request, extra_context=None):
        if request.method == "POST":
            self._refuse_unavailable_actions(request)
        context = {
            "can_recover": permissions.user_can_publish(request.user) and self.has_add_permission(request),
            **(extra_context or {}),
        }
        # Skip VersionAdmin's wrapper: it would fold every story of a bulk action into one
        # revision. Each service records its own, one per story, with its own comment.
        return admin.ModelAdmin.changelist_view(self, request, context)

    def _refuse_unavailable_actions(self, request) -> None:
        """A hand-made POST naming an action this user is not offered is refused, not ignored."""
        known = {action if isinstance(action, str) else action.__name__ for action in self.actions or ()}
        known |= {name for name, _func in self.admin_site.actions}
        requested = set(request.POST.getlist("action"))
        if requested & (known - set(self.get_actions(request))):
            raise PermissionDenied

    # --- Bulk actions: the same services as the buttons

    def _run_bulk(self, request, queryset, service, done: str) -> None:
        succeeded = 0
        # One transaction: a story the user may not touch (403) undoes the whole batch.
        with transaction.atomic():
            for story in queryset:
                try:
                    service(story=story, user=request.user)
                except ValidationError as error:
                    self.message_user(request, f"“{story}”: {' '.join(error.messages)}", messages.ERROR)
                else:
                    succeeded += 1
        if succeeded:
            noun = "story" if succeeded == 1 else "stories"
            self.message_user(request, f"{succeeded} {noun} {done}.", messages.SUCCESS)

    @admin.action(description="Submit selected drafts for editing", permissions=["change"])
    def submit_selected(self, request, queryset):
        self._run_bulk(request, queryset, workflow.story_submit, "submitted for editing")

    @admin.action(description="Publish selected stories now", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._run_bulk(request, queryset, workflow.story_publish, "published")

    @admin.action(description="Withdraw selected stories", permissions=["publish"])
    def withdraw_selected(self, request, queryset):
        self._run_bulk(request, queryset, workflow.story_withdraw, "withdrawn")

    # --- The change form: buttons, locking, presence

    def _requested_button(self, request) -> WorkflowButton | None:
        if request.method != "POST":
            return None
        return next((button for name, button in WORKFLOW_BUTTONS.items() if name in request.POST), None)

    def add_view(self, request, form_url="", extra_context=None):
        return self._view_with_workflow(super().add_view, request, form_url=form_url, extra_context=extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self._view_with_workflow(
            super().change_view, request, object_id, form_url=form_url, extra_context=extra_context
        )

    def _view_with_workflow(self, view, request, *args, **kwargs):
        button = self._requested_button(request)
        if button and button.publisher_only and not permissions.user_can_publish(request.user):
            raise PermissionDenied
        request.story_workflow_button = button
        try:
            return view(request, *args, **kwargs)
        except _WorkflowRefused as refused:
            # Everything of the first pass was rolled back. Show the same POST again, with
            # the refusal on the form, so nothing is saved and nothing typed is lost.
            request.story_workflow_button = None
            request.story_workflow_refusal = refused.error
            return view(request, *args, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        refusal = getattr(request, "story_workflow_refusal", None)
        if refusal is not None:
            form = type(form.__name__, (form,), {"workflow_refusal": refusal})
        return form

    def save_model(self, request, obj, form, change):
        workflow.story_save(story=obj, user=request.user)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        story = form.instance
        button = getattr(request, "story_workflow_button", None)
        try:
            if button is not None:
                request.story_workflow_done = _run_workflow(button.name, story, request.user)
            elif story.status == StoryStatus.PUBLISHED:
                problems = workflow.story_publish_problems(story)
                if problems:
                    problems.setdefault(NON_FIELD_ERRORS, []).insert(
                        0, "This story is published, so every save must meet the publishing rules."
                    )
                    raise ValidationError(problems)
        except ValidationError as error:
            raise _WorkflowRefused(error) from error

    def log_addition(self, request, obj, message):
        return self._log_with_comment(super().log_addition, request, obj, message)

    def log_change(self, request, obj, message):
        return self._log_with_comment(super().log_change, request, obj, message)

    def _log_with_comment(self, log, request, obj, message):
        """Keep the services' words ("Published by …") in the revision comment, before the list of changes."""
        said = reversion.get_comment() if reversion.is_active() else ""
        entry = log(request, obj, message)
        if said and reversion.is_active():
            reversion.set_comment(f"{said} {entry.get_change_message()}".strip())
        return entry

    def response_add(self, request, obj, post_url_continue=None):
        done = getattr(request, "story_workflow_done", None)
        if done:
            self.message_user(request, done, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_story_change", args=[obj.pk]))
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        done = getattr(request, "story_workflow_done", None)
        if done:
            self.message_user(request, done, messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:articles_story_change", args=[obj.pk]))
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        can_edit = add or self.has_change_permission(request, obj)
        context.update(
            {
                "desk_state": desk_state(obj) if obj else "New story, not saved yet",
                "workflow_buttons": self._workflow_buttons(request, obj) if can_edit else [],
                "others_editing": self._others_editing(request, obj) if obj and can_edit else [],
                "presence_minutes": int(presence.PRESENCE_WINDOW.total_seconds() // 60),
                "story_conflict": self._conflict_context(form),
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _others_editing(self, request, obj) -> list[dict]:
        """Record this visit; name who else had the page open lately, and how long ago."""
        now = timezone.now()
        return [
            {
                "name": presence.user.get_full_name() or presence.user.get_username(),
                "ago": "just now"
                if now - presence.last_seen < timedelta(minutes=1)
                else f"{timesince(presence.last_seen, now)} ago",
            }
            for presence in presence.edit_presence_record(story=obj, user=request.user)
        ]

    def _workflow_buttons(self, request, obj) -> list[WorkflowButton]:
        publisher = permissions.user_can_publish(request.user)
        if obj is None or obj.status == StoryStatus.DRAFT:
            buttons = [SUBMIT, PUBLISH_NOW, SCHEDULE]
        elif obj.status == StoryStatus.SUBMITTED:
            buttons = [PUBLISH_NOW, SCHEDULE, BACK_TO_DRAFT]
        elif obj.status == StoryStatus.WITHDRAWN:
            buttons = [BACK_TO_DRAFT]
        elif obj.is_live():
            buttons = [WITHDRAW]
        else:
            buttons = [PUBLISH_NOW, SCHEDULE, UNSCHEDULE, WITHDRAW]
        return [button for button in buttons if publisher or not button.publisher_only]

    def _conflict_context(self, form) -> dict | None:
        conflict = getattr(form, "conflict", None)
        if conflict is None:
            return None
        theirs = asdict(conflict)
        yours = {field: form.data.get(form.add_prefix(field), "") for field in TEXT_FIELDS}
        return {
            "by": conflict.modified_by,
            "at": conflict.modified,
            "theirs": {**theirs, "body_text": textdiff.body_text(conflict.body)},
            "diffs": textdiff.story_text_diffs(theirs, yours),
        }

    # --- Deleting keeps a last revision, so the story can be recovered

    def delete_model(self, request, obj):
        revisions.story_delete(story=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for story in queryset:
                revisions.story_delete(story=story, user=request.user)

    # --- History, restore and recovery

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
                f"Restored the revision of {_when(version.revision.date_created)}. It is now the latest revision.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:articles_story_change", args=[story.pk]))
        old = _version_text(version)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": story,
            "title": f"Revision of {_when(version.revision.date_created)}",
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
