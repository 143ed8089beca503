"""The wire desk: incoming agency items newest first, a reader view of each, "Make a draft", uploads, and
what the agency changed since a story was made. The services live in articles/wire/.

Reporters and editors see it and make drafts; the photo desk sees items and pictures but makes no draft.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.admin.common import thumbnail
from articles.admin.photo_bulk import MultipleFileField
from articles.dates import desk_time
from articles.models import Photo, WireEntry, WireRejection, WireStoryLink
from articles.wire.drafts import user_can_make_draft, wire_changes, wire_make_draft
from articles.wire.ingest import wire_ingest_batch
from articles.wire.record import story_text

UPLOAD_PERMISSION = "articles.add_wireentry"
KILLED = '<strong class="wire-flag wire-killed">Killed by the agency</strong>'
UPDATED = '<strong class="wire-flag wire-updated">Updated by the agency</strong>'


class WireUploadForm(forms.Form):
    files = MultipleFileField(
        label="Wire files",
        help_text="NITF, NewsML-G2 or ninjs files with the pictures they name, or a zip of them.",
    )


class HasStoryFilter(admin.SimpleListFilter):
    title = "story made"
    parameter_name = "has_story"

    def lookups(self, request, model_admin):
        return [("yes", "Story made"), ("no", "No story yet")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(has_story=self.value() == "yes")
        return queryset


@admin.register(WireEntry)
class WireEntryAdmin(admin.ModelAdmin):
    # Slugline above and flags under the headline, so the list fits a laptop screen beside the filters.
    list_display = ["headline_link", "received_at", "provider", "urgency", "embargo", "story"]
    actions = None
    list_display_links = None  # the headline cell holds its own link
    list_filter = ["provider", "urgency", "pub_status", HasStoryFilter, "format"]
    search_fields = ["headline", "slugline", "guid", "provider"]
    ordering = ["-updated", "-pk"]
    list_per_page = 50
    change_list_template = "admin/articles/wire/change_list.html"

    class Media:
        css = {"all": ["articles/admin/wire.css"]}

    def get_queryset(self, request):
        links = WireStoryLink.objects.filter(entry=OuterRef("pk"))
        return (
            super()
            .get_queryset(request)
            .defer("data")
            .annotate(
                has_story=Exists(links),
                story_updated=Exists(links.filter(agency_updated=True)),
            )
        )

    def has_add_permission(self, request):
        return False  # Items come in by upload, command or inbox, never typed.

    def has_change_permission(self, request, obj=None):
        return False  # What the agency sent is kept as sent.

    @admin.display(description="received", ordering="updated")
    def received_at(self, obj):
        return desk_time(obj.updated)

    @admin.display(description="headline", ordering="headline")
    def headline_link(self, obj):
        url = reverse("admin:articles_wireentry_change", args=[obj.pk])
        return format_html(
            '<span class="wire-slugline">{}</span><a href="{}">{}</a><br>{}',
            obj.slugline,
            url,
            obj.headline,
            self.flags(obj),
        )

    @admin.display(description="embargo", ordering="embargoed")
    def embargo(self, obj):
        return desk_time(obj.embargoed) if obj.embargoed else "—"

    @admin.display(description="story", boolean=True, ordering="has_story")
    def story(self, obj):
        return obj.has_story

    def flags(self, obj):
        if obj.is_kill:
            return mark_safe(KILLED)
        if obj.story_updated:
            return mark_safe(UPDATED)
        return format_html('<span class="wire-version">v{}</span>', obj.version)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_upload": request.user.has_perm(UPLOAD_PERMISSION),
            "rejections": WireRejection.objects.order_by("-received", "-pk")[:5],
            "rejection_count": WireRejection.objects.count(),
        }
        return super().changelist_view(request, extra_context)

    # --- The desk's own views

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("upload/", view(self.upload_view), name="articles_wireentry_upload"),
            path("<int:pk>/draft/", view(self.draft_view), name="articles_wireentry_draft"),
            path("changes/<int:link_pk>/", view(self.changes_view), name="articles_wireentry_changes"),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The reader view of an item: its text as the agency sent it, its pictures, and the stories from it."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        entry = get_object_or_404(WireEntry, pk=object_id)
        photo_ids = [picture["photo_id"] for picture in entry.pictures if picture.get("photo_id")]
        photos = Photo.objects.in_bulk(photo_ids)
        pictures = [
            {
                **picture,
                "photo": photos.get(picture.get("photo_id")),
                "thumb": thumbnail(photos.get(picture.get("photo_id")), 240),
            }
            for picture in entry.pictures
        ]
        text = story_text(entry.data)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": entry.headline,
            "entry": entry,
            "data": entry.data,
            "body": text["body"],
            "pictures": pictures,
            "links": entry.story_links.select_related("story", "made_by"),
            "versions": entry.versions.only("version", "pub_status", "received"),
            "rejections": entry.rejections.all(),
            "can_draft": user_can_make_draft(request.user),
        }
        return TemplateResponse(request, "admin/articles/wire/item.html", context)

    def draft_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not user_can_make_draft(request.user):
            raise PermissionDenied
        entry = get_object_or_404(WireEntry, pk=pk)
        try:
            story = wire_make_draft(item=entry, user=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:articles_wireentry_change", args=[pk]))
        self.message_user(request, f"Draft made from the wire: “{story.headline}”. Edit it below.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:articles_story_change", args=[story.pk]))

    def upload_view(self, request):
        if not request.user.has_perm(UPLOAD_PERMISSION):
            raise PermissionDenied
        outcomes = []
        form = WireUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            files = [(upload.name, upload.read()) for upload in form.cleaned_data["files"]]
            outcomes = wire_ingest_batch(files, source="upload")
            refused = sum(outcome.rejected for outcome in outcomes)
            level = messages.WARNING if refused else messages.SUCCESS
            self.message_user(request, f"{len(outcomes)} items read; {refused} need attention below.", level)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Upload wire files",
            "form": form,
            "outcomes": outcomes,
        }
        return TemplateResponse(request, "admin/articles/wire/upload.html", context)

    def changes_view(self, request, link_pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        link = get_object_or_404(WireStoryLink.objects.select_related("entry", "story"), pk=link_pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"What the agency changed: {link.entry.headline}",
            "link": link,
            "diffs": wire_changes(link),
        }
        return TemplateResponse(request, "admin/articles/wire/changes.html", context)


@admin.register(WireRejection)
class WireRejectionAdmin(admin.ModelAdmin):
    list_display = ["received", "name", "reason", "source", "entry"]
    list_filter = ["source"]
    search_fields = ["name", "reason"]
    readonly_fields = ["name", "reason", "source", "size_bytes", "entry", "received", "raw_file"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class WireLinkInline(admin.StackedInline):
    """On the story's page: where it came from on the wire, and whether the agency updated or killed it."""

    model = WireStoryLink
    fk_name = "story"
    extra = 0
    max_num = 0
    can_delete = False
    verbose_name = verbose_name_plural = "From the wire"
    fields = ["source_item", "agency_news"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        # Whoever may see the story sees where it came from; a story not from the wire has no such part
        # (and so its form posts no formset for it).
        if obj is None or obj.pk is None:
            return False
        cache = request.__dict__.setdefault("_wire_linked_stories", {})
        if obj.pk not in cache:
            cache[obj.pk] = WireStoryLink.objects.filter(story=obj).exists()
        return cache[obj.pk]

    def get_queryset(self, request):
        # Not InlineModelAdmin's, which asks for the view permission without the story and so finds none.
        return WireStoryLink.objects.select_related("entry")

    def get_formset(self, request, obj=None, **kwargs):
        if obj is not None and request.method == "GET":
            link = WireStoryLink.objects.filter(story=obj).select_related("entry").first()
            if link and link.agency_killed:
                messages.error(
                    request,
                    f"The agency killed the wire item this story was made from ({link.entry.provider} "
                    f"{link.entry.guid}). Decide whether to withdraw or correct it.",
                )
            elif link and link.agency_updated:
                messages.warning(request, "The agency has updated the wire item this story was made from.")
        return super().get_formset(request, obj, **kwargs)

    @admin.display(description="Agency item")
    def source_item(self, link):
        url = reverse("admin:articles_wireentry_change", args=[link.entry_id])
        return format_html(
            'From the wire: <a href="{}">{} {} v{}</a>', url, link.entry.provider, link.entry.guid, link.version
        )

    @admin.display(description="Since then")
    def agency_news(self, link):
        if link.agency_killed:
            return mark_safe(KILLED + " — the editor decides: nothing was withdrawn automatically.")
        if link.agency_updated:
            url = reverse("admin:articles_wireentry_changes", args=[link.pk])
            return format_html(
                UPDATED + ': the agency has updated this item (now v{}): <a href="{}">see what changed</a>.',
                link.entry.version,
                url,
            )
        return "No change from the agency."
