"""The story admin: where reporters write and editors run the desk.

Roles are enforced here and again in the services: a reporter edits their own
drafts only, and every workflow button or bulk action a user may not use
answers 403, hand-made POSTs included. The buttons save the form and then call
one service; when the service refuses, the whole save is rolled back and the
form comes back with the user's text and the service's message.
"""

from dataclasses import asdict

import reversion
from django.contrib import admin
from django.db import transaction
from django.db.models import BooleanField, Case, Prefetch, Value, When
from django.urls import reverse
from django.utils.safestring import mark_safe
from reversion.admin import VersionAdmin

from articles import richtext
from articles.admin.common import BookkeepingAdmin
from articles.admin.pagination import CappedCountPaginator
from articles.admin.story_form import StoryAdminForm
from articles.admin.story_history import TEXT_FIELDS, StoryHistoryMixin
from articles.admin.story_records import CorrectionInline, ShareLinkInline
from articles.admin.story_tools import StoryToolsMixin, presence_names
from articles.admin.story_workflow import StoryWorkflowMixin
from articles.admin.wire import WireLinkInline
from articles.dates import desk_time
from articles.models import Byline, Story
from articles.models.story import ownership_condition
from articles.stories import permissions, presence, revisions, textdiff, workflow


def desk_state(story: Story, now=None) -> str:
    """Story.state() as the desk's list says it: Live, Scheduled for …, Embargoed until …"""
    state = story.state(now)
    if state.status.startswith("Scheduled"):
        return f"Scheduled for {desk_time(story.publish_at)}"
    if state.status == "Embargoed":
        return f"Embargoed until {desk_time(story.embargo_until)}"
    return state.status


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
    """Bylines in order: story_form/bylines.js adds up/down buttons (they renumber `order`) and "New contributor"."""

    model = Byline
    extra = 1
    autocomplete_fields = ["author"]
    fields = ["author", "order"]
    verbose_name = "byline"
    verbose_name_plural = "Bylines (in order)"
    classes = ["story-bylines"]


# --- The story admin -------------------------------------------------------------------


@admin.register(Story)
class StoryAdmin(StoryToolsMixin, StoryWorkflowMixin, StoryHistoryMixin, BookkeepingAdmin, VersionAdmin):
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
    inlines = [WireLinkInline, BylineInline, CorrectionInline, ShareLinkInline]
    actions = ["submit_selected", "publish_selected", "withdraw_selected"]
    fieldsets = [
        (
            None,
            {"fields": ["headline", "short_headline", "standfirst", "section", "dateline", "body"]},
        ),
        ("Credits", {"fields": ["credit_line", "additional_reporting"], "classes": ["story-credits"]}),
        ("Tags, photo and related stories", {"fields": ["tags", "lead_photo", "related"]}),
        ("Note to the desk", {"fields": ["desk_note"]}),
        (
            "Publishing",
            {
                "fields": [
                    "status",
                    "publish_at",
                    "embargo_until",
                    "updated_at",
                    "minor_change",
                    "originally_published_at",
                    "first_published_at",
                    "slug",
                    "modified",
                ]
            },
        ),
    ]
    object_history_template = "admin/articles/story/object_history.html"
    change_list_template = "admin/articles/story/change_list.html"
    history_latest_first = True

    class Media:
        css = {"all": ["articles/admin/story.css", "articles/admin/body_editor.css", "articles/admin/phone.css"]}
        # One file per job of the form (common.js first, story_form.js last: it starts the others).
        js = [
            "articles/admin/story_form/common.js",
            "articles/admin/story_form/counts.js",
            "articles/admin/story_form/tags.js",
            "articles/admin/story_form/bylines.js",
            "articles/admin/story_form/drafts.js",
            "articles/admin/story_form/presence.js",
            "articles/admin/story_form.js",
        ]

    # --- Who may do what

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or permissions.story_can_edit(story=obj, user=request.user)

    def has_publish_permission(self, request):
        return permissions.user_can_publish(request.user)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        editable = obj is None or self.has_change_permission(request, obj)
        # "Minor change" only means something to an editor saving a story readers already see.
        editor_on_saved = obj is not None and editable and permissions.user_can_publish(request.user)
        drop = set() if editor_on_saved else {"minor_change"}
        # Read-only: show the body as readers will read it, not as a string of tags.
        shown = {} if editable else {"body": "body_formatted", "tags": "tag_names"}
        return [
            (name, {**options, "fields": [shown.get(f, f) for f in options["fields"] if f not in drop]})
            for name, options in fieldsets
        ]

    @admin.display(description="Body")
    def body_formatted(self, obj):
        # Stored bodies are sanitized on save; sanitizing again here keeps mark_safe honest.
        return mark_safe(richtext.sanitize(obj.body))

    @admin.display(description="Tags")
    def tag_names(self, obj):
        return ", ".join(tag.name for tag in obj.tags.all()) or "—"

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not permissions.user_can_publish(request.user):
            # Times decide what readers see: only editors set them.
            fields += ["publish_at", "embargo_until", "updated_at"]
        return fields

    # --- The list

    @staticmethod
    def _is_mine(request):
        """True for stories the user owns (the one ownership rule, StoryQuerySet.owned_by)."""
        # Case, not a bare condition: created_by IS NULL must read as False, never NULL, on every database.
        return Case(
            When(ownership_condition(request.user.pk), then=Value(True)),
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

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        refusal = getattr(request, "story_workflow_refusal", None)
        if refusal is not None:
            form = type(form.__name__, (form,), {"workflow_refusal": refusal})
        return form

    def save_model(self, request, obj, form, change):
        workflow.story_save(story=obj, user=request.user, minor=bool(form.cleaned_data.get("minor_change")))

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

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        can_edit = add or self.has_change_permission(request, obj)
        context.update(
            {
                "desk_state": desk_state(obj) if obj else "New story, not saved yet",
                "workflow_buttons": self._workflow_buttons(request, obj) if can_edit else [],
                "others_editing": self._others_editing(request, obj) if obj and can_edit else [],
                "story_conflict": self._conflict_context(form),
                "story_tools": self._tools_context(request, obj, can_edit),
            }
        )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _others_editing(self, request, obj) -> list[dict]:
        """Record this visit (editors of the story only); name who else has the form open now."""
        return presence_names(presence.edit_presence_record(story=obj, user=request.user))

    def _tools_context(self, request, obj, can_edit: bool) -> dict:
        """What story_form.js needs: where to send previews, heartbeats, new contributors and tag lookups."""
        return {
            "user": request.user.pk,
            "story": obj.pk if obj else "new",
            "version": obj.version if obj else 0,
            "can_edit": can_edit,
            "preview_url": reverse("admin:articles_story_preview", args=[obj.pk])
            if obj
            else reverse("admin:articles_story_preview_new"),
            "presence_url": reverse("admin:articles_story_presence", args=[obj.pk]) if obj and can_edit else "",
            "heartbeat_seconds": int(presence.HEARTBEAT.total_seconds()),
            "contributor_url": reverse("admin:articles_story_contributor"),
            "tags_url": reverse("admin:articles_story_tags"),
        }

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
