import mimetypes

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.storage import storages
from django.db.models import Exists, OuterRef, Q
from django.http import FileResponse, Http404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from articles.admin.common import BookkeepingAdmin, thumbnail
from articles.admin.locking import LockingAdminMixin, LockingFormMixin
from articles.admin.photo_bulk import bulk_upload_view
from articles.admin.photo_forms import RightsFieldsMixin
from articles.models import Photo, Placement, Story
from articles.photos import services as photo_services
from articles.photos.files import PhotoStorageError
from articles.stories.permissions import PUBLISH_PERMISSION


class PhotoAddForm(RightsFieldsMixin, forms.ModelForm):
    """The add form judges the file by its content and reads its metadata before anything is saved.

    The photo itself is stored once the form is otherwise valid (in `_post_clean`, inside the admin
    view's transaction), so a storage failure (disk full, read-only, unavailable) comes back as an
    error beside the file, not as a server error page.
    """

    # A plain file field: our inspector, not Django's ImageField check, decides and explains.
    image = forms.FileField(label="Photo", help_text="A JPEG, PNG or WebP file.")
    user = None  # set by PhotoAdmin.get_form
    created = None

    class Meta:
        model = Photo
        fields = [
            "image",
            "caption",
            "alt_text",
            "photographer",
            "source",
            "credit",
            "usage",
            "usage_terms",
            "rights_expire_on",
            "digital_source_type",
        ]

    def _post_clean(self):
        super()._post_clean()
        if self.errors or not hasattr(self, "inspected"):
            return
        upload = self.cleaned_data["image"]
        overrides = {field: self.cleaned_data.get(field) for field in self.Meta.fields if field != "image"}
        result = photo_services.photo_create(
            fileobj=upload, name=upload.name, user=self.user, overrides=overrides, checked=self.inspected
        )
        if result.photo is None:
            self.add_error("image", result.error)
        else:
            self.created = result.photo

    def clean_image(self):
        upload = self.cleaned_data["image"]
        try:
            self.inspected = photo_services.photo_check_upload(fileobj=upload, name=upload.name)
        except photo_services.DuplicatePhoto as duplicate:
            raise forms.ValidationError(
                format_html(
                    'This file is already in the library: <a href="{}">{}</a>. Use that photo instead.',
                    reverse("admin:articles_photo_change", args=[duplicate.photo.pk]),
                    duplicate.photo,
                )
            ) from None
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None
        return upload


class KeywordsField(forms.CharField):
    """Keywords as the desk types them: comma-separated words, stored as a list."""

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return ", ".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        seen = []
        for word in text.split(","):
            word = " ".join(word.split())[:100]
            if word and word.casefold() not in {w.casefold() for w in seen}:
                seen.append(word)
        return seen


class PhotoChangeForm(LockingFormMixin, RightsFieldsMixin, forms.ModelForm):
    keywords = KeywordsField(
        required=False, help_text="Comma-separated, e.g. harbour, storm, Lantern Hill.", widget=forms.TextInput
    )

    class Meta:
        model = Photo
        fields = ["keywords"]  # the admin adds the rest from its fieldsets


class UsedFilter(admin.SimpleListFilter):
    title = "use"
    parameter_name = "used"

    def lookups(self, request, model_admin):
        return [("yes", "Used in a story"), ("no", "Not used")]

    def queryset(self, request, queryset):
        used = Exists(Placement.objects.filter(photo=OuterRef("pk"))) | Exists(
            Story.objects.filter(lead_photo=OuterRef("pk"))
        )
        if self.value() == "yes":
            return queryset.filter(used)
        if self.value() == "no":
            return queryset.exclude(used)
        return queryset


class RightsFilter(admin.SimpleListFilter):
    title = "rights"
    parameter_name = "rights"

    def lookups(self, request, model_admin):
        return [("expired", "Expired"), ("limited", "Expire on a date"), ("open", "No expiry")]

    def queryset(self, request, queryset):
        from django.utils import timezone

        today = timezone.localdate()
        if self.value() == "expired":
            return queryset.filter(rights_expire_on__lt=today)
        if self.value() == "limited":
            return queryset.filter(rights_expire_on__gte=today)
        if self.value() == "open":
            return queryset.filter(rights_expire_on__isnull=True)
        return queryset


@admin.register(Photo)
class PhotoAdmin(LockingAdminMixin, BookkeepingAdmin):
    list_display = ["thumb", "caption_short", "credit_line", "alt_ok", "taken_at", "created"]
    list_display_links = ["thumb", "caption_short"]
    list_filter = [UsedFilter, RightsFilter, "source", "credit", "taken_at", "created_by", "created"]
    list_select_related = ["created_by"]
    search_fields = ["caption", "headline", "credit", "photographer", "source", "alt_text", "keywords", "city"]
    readonly_fields = [
        "focal_picker",
        "used_in",
        "width",
        "height",
        "format",
        "size_bytes",
        "original_filename",
        "original_link",
        "created",
        "created_by",
        "metadata_summary",
    ]
    fieldsets = [
        (None, {"fields": ["focal_picker", "caption", "alt_text", "headline"]}),
        ("Focal point", {"fields": [("focal_x", "focal_y")], "description": "Click the picture above to set it."}),
        (
            "Credit and rights",
            {"fields": ["photographer", "source", "credit", "copyright", "usage", "usage_terms", "rights_expire_on"]},
        ),
        ("How it was made", {"fields": ["digital_source_type"]}),
        ("Where and when", {"fields": ["keywords", "city", "country", "taken_at"]}),
        ("Used in", {"fields": ["used_in"]}),
        (
            "File",
            {
                "fields": [
                    "original_link",
                    "width",
                    "height",
                    "format",
                    "size_bytes",
                    "original_filename",
                    "created",
                    "created_by",
                    "metadata_summary",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    add_fieldsets = [
        (None, {"fields": ["image", "caption", "alt_text"]}),
        (
            "Credit and rights",
            {
                "fields": ["photographer", "source", "credit", "usage", "usage_terms", "rights_expire_on"],
                "description": "Leave empty to take them from the file's own metadata.",
            },
        ),
        (
            "How it was made",
            {
                "fields": ["digital_source_type"],
                "description": "Leave empty to take it from the file's XMP (IPTC Digital Source Type).",
            },
        ),
    ]
    change_list_template = "admin/articles/photo/change_list.html"

    class Media:
        js = ["articles/admin/focal_point.js"]
        css = {"all": ["articles/admin/photo.css"]}

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = PhotoAddForm if obj is None else PhotoChangeForm
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None:
            form.user = request.user
        return form

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return self.add_fieldsets
        if may_download_originals(request.user):
            return self.fieldsets
        # Without the right to download originals, the link is not offered at all.
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f != "original_link"]})
            for name, options in self.fieldsets
        ]

    def get_search_results(self, request, queryset, search_term):
        # Keywords are a JSON list: match a word in them as text, on SQLite and PostgreSQL alike.
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        if search_term:
            queryset |= self.model.objects.filter(Q(keywords__icontains=search_term))
        return queryset, may_have_duplicates

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            if {"focal_x", "focal_y"} & set(form.changed_data):
                try:
                    photo_services.photo_refresh_renditions(photo=obj)
                except PhotoStorageError as error:
                    self.message_user(request, f"{error} The old renditions are still in use.", messages.ERROR)
            return
        # PhotoAddForm stored the photo while validating; here it only becomes the admin's object.
        obj.pk = form.created.pk
        obj.refresh_from_db()

    def get_urls(self):
        return [
            path("upload/", self.admin_site.admin_view(self.bulk_upload_view), name="articles_photo_bulk_upload"),
            *super().get_urls(),
        ]

    def bulk_upload_view(self, request):
        return bulk_upload_view(self, request)

    @admin.display(description="Photo")
    def thumb(self, obj):
        return thumbnail(obj, 96)

    @admin.display(description="Caption")
    def caption_short(self, obj):
        return obj.caption[:90] or "(no caption)"

    @admin.display(description="Alt text", boolean=True)
    def alt_ok(self, obj):
        return bool(obj.alt_text.strip())

    @admin.display(description="Picture (click to set the focal point)")
    def focal_picker(self, obj):
        return format_html(
            '<div class="focal-picker" data-focal-x="{}" data-focal-y="{}">{}<span class="focal-dot" '
            'aria-hidden="true"></span></div>',
            obj.focal_x,
            obj.focal_y,
            thumbnail(obj, 640),
        )

    @admin.display(description="Stories using this photo")
    def used_in(self, obj):
        stories = (
            Story.objects.filter(Q(lead_photo=obj) | Q(placements__photo=obj)).distinct().order_by("-modified")[:50]
        )
        if not stories:
            return "Not used in any story yet."
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                '<li><a href="{}">{}</a> ({})</li>',
                (
                    (reverse("admin:articles_story_change", args=[s.pk]), s.headline, s.get_status_display())
                    for s in stories
                ),
            ),
        )

    @admin.display(description="Original file")
    def original_link(self, obj):
        if not obj.image:
            return "—"
        return format_html(
            '<a href="{}">Download the original</a> (photo desk and editors only: it keeps the file\'s '
            "metadata, GPS position included)",
            obj.image.url,
        )

    @admin.display(description="Embedded metadata")
    def metadata_summary(self, obj):
        rows = []
        for block in ("iptc", "xmp", "exif"):
            values = (obj.metadata or {}).get(block) or {}
            rows.append((block.upper(), len(values)))
        return format_html_join(", ", "{}: {} fields", rows)


def may_download_originals(user) -> bool:
    """The photo desk (who may change photos) and editors (who may publish): originals carry GPS."""
    return (
        user.is_active
        and user.is_staff
        and (user.has_perm("articles.change_photo") or user.has_perm(PUBLISH_PERMISSION))
    )


def serve_original(request, name):
    """Originals for the photo desk and editors only, never cached publicly.

    Anyone else gets a plain 404, so the address does not even confirm that the file exists.
    """
    if not may_download_originals(request.user):
        raise Http404("No such original.")
    storage = storages["originals"]
    try:
        if not storage.exists(name):
            raise Http404("No such original.")
        handle = storage.open(name, "rb")
    except SuspiciousFileOperation:
        raise Http404("No such original.") from None
    response = FileResponse(handle, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
