"""The desk records around a story: corrections and share links (inlines, and the share-link list).

The inlines sit on the story's change form. Their rows never save themselves: new
corrections go through corrections.story_correct, new share links through
sharelinks.sharelink_create and a ticked "Revoke" through sharelinks.sharelink_revoke.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.urls import reverse
from django.utils.html import format_html

from articles.dates import desk_time, time_by
from articles.models import Correction, ShareLink, ShareLinkUse, StoryStatus
from articles.stories import corrections, permissions, sharelinks
from articles.stories.sharelinks import sharelink_url

SHARELINK_DURATIONS = [(1, "1 hour"), (24, "24 hours"), (48, "48 hours"), (7 * 24, "7 days")]


def _is_editor(request) -> bool:
    return permissions.user_can_publish(request.user)


class _ServiceFormSet(BaseInlineFormSet):
    """An inline formset that knows who is saving, so its rows can go through the services."""

    user = None


class _ServiceInline(admin.TabularInline):
    extra = 1
    can_delete = False

    class Media:
        css = {"all": ["articles/admin/desk.css"]}

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user  # get_formset builds a new class per request
        return formset

    def get_queryset(self, request):
        # InlineModelAdmin.get_queryset empties the rows when has_view_permission(request), asked
        # without a story, says no; ours does (to stay off the add page), so check the user here.
        queryset = super(admin.options.InlineModelAdmin, self).get_queryset(request)
        return queryset if _is_editor(request) else queryset.none()

    def has_view_permission(self, request, obj=None):
        # Only on an existing story's change form, and only for editors. Rights come from the
        # publish permission rather than per-model ones, so the roles need no new permissions.
        return obj is not None and _is_editor(request)

    def has_delete_permission(self, request, obj=None):
        return False


# --- Corrections ----------------------------------------------------------------


class CorrectionForm(forms.ModelForm):
    class Meta:
        model = Correction
        fields = ["kind", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3, "cols": 70})}
        error_messages = {"text": {"required": "Write what was wrong and what is right: a correction cannot be empty."}}


class CorrectionFormSet(_ServiceFormSet):
    def clean(self):
        super().clean()
        adding = any(form.has_changed() for form in self.extra_forms)
        # self.instance already carries this submission's edits (the story form validated first).
        if adding and not self.instance.is_live():
            raise ValidationError("Only a story readers can see can be corrected. Before it goes out, edit the text.")

    def save_new(self, form, commit=True):
        return corrections.story_correct(
            story=self.instance, user=self.user, text=form.cleaned_data["text"], kind=form.cleaned_data["kind"]
        )


class CorrectionInline(_ServiceInline):
    """Corrections already published are a public record: shown, never edited here."""

    model = Correction
    form = CorrectionForm
    formset = CorrectionFormSet
    fields = ["kind", "text", "published"]
    readonly_fields = ["published"]
    verbose_name = "correction or clarification"
    verbose_name_plural = "Corrections and clarifications (shown at the foot of the story)"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("created_by")

    def has_view_permission(self, request, obj=None):
        # A story that never went out has no corrections to show: leave the panel off its form.
        return super().has_view_permission(request, obj) and (obj.is_live() or obj.first_published_at is not None)

    def has_add_permission(self, request, obj):
        return obj is not None and _is_editor(request) and obj.is_live()

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="Published")
    def published(self, obj):
        if obj.pk is None:
            return "On saving"
        return time_by(obj.published_at, obj.created_by)


# --- Share links ----------------------------------------------------------------


def _duration_label(hours: int) -> str:
    labels = dict(SHARELINK_DURATIONS)
    if hours in labels:
        return labels[hours]
    return f"{hours} hours" if hours % 24 else f"{hours // 24} days"


def _address_field(link: ShareLink) -> str:
    """The link's address in a read-only box, easy to select and copy; nothing once it stopped working."""
    if link.pk is None or not link.is_usable():
        return "—"
    return format_html(
        '<input type="text" readonly value="{}" size="50" class="vTextField sharelink-address" '
        'aria-label="Share link address for {}">',
        sharelink_url(link),
        link.note or "this link",
    )


class ShareLinkForm(forms.ModelForm):
    hours = forms.TypedChoiceField(
        label="Valid for",
        choices=SHARELINK_DURATIONS,
        coerce=int,
        initial=sharelinks.SHARELINK_DEFAULT_HOURS,
    )
    revoke = forms.BooleanField(label="Revoke", required=False)

    class Meta:
        model = ShareLink
        fields = ["note"]
        labels = {"note": "Who it is for"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        link = self.instance
        if link.pk is None:
            # A new row: typing who the link is for is what makes it; there is nothing to revoke yet.
            self.fields["revoke"].disabled = True
        else:
            # An existing link is a record: only revoking it is left to do.
            made_for = round((link.expires_at - link.created_at).total_seconds() / 3600)
            self.fields["note"].disabled = True
            self.fields["hours"] = forms.CharField(
                label="Valid for", disabled=True, required=False, initial=_duration_label(made_for)
            )
            self.fields["hours"].widget.attrs["size"] = 8
            self.fields["revoke"].disabled = not link.is_usable()
            self.fields["revoke"].initial = link.revoked_at is not None

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None and self.has_changed() and not (cleaned.get("note") or "").strip():
            self.add_error("note", "Say who the link is for, e.g. “lawyer, for review”.")
        return cleaned


class ShareLinkFormSet(_ServiceFormSet):
    def save_new(self, form, commit=True):
        return sharelinks.sharelink_create(
            story=self.instance, user=self.user, hours=form.cleaned_data["hours"], note=form.cleaned_data["note"]
        )

    def save_existing(self, form, obj, commit=True):
        if form.cleaned_data.get("revoke"):
            return sharelinks.sharelink_revoke(link=obj, user=self.user)
        return obj


class ShareLinkInline(_ServiceInline):
    """Share links of this story: make one, copy its address, see its uses, revoke it."""

    model = ShareLink
    form = ShareLinkForm
    formset = ShareLinkFormSet
    template = "admin/articles/story/sharelink_inline.html"
    fields = ["address", "note", "hours", "state", "uses", "made", "revoke"]
    readonly_fields = ["address", "state", "uses", "made"]
    verbose_name = "share link"
    verbose_name_plural = "Share links (a preview for someone without an account)"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("story__section", "created_by", "revoked_by")
            .annotate(use_count=Count("uses"))
        )

    def has_add_permission(self, request, obj):
        return obj is not None and _is_editor(request) and obj.status != StoryStatus.WITHDRAWN

    def has_change_permission(self, request, obj=None):
        return obj is not None and _is_editor(request)

    @admin.display(description="Address")
    def address(self, obj):
        return _address_field(obj)

    @admin.display(description="Works until")
    def state(self, obj):
        if obj.pk is None:
            return "—"
        if obj.revoked_at:
            return f"Revoked {time_by(obj.revoked_at, obj.revoked_by)}"
        if not obj.is_usable():
            return f"Expired {desk_time(obj.expires_at)}"
        return desk_time(obj.expires_at)

    @admin.display(description="Uses")
    def uses(self, obj):
        if obj.pk is None:
            return "—"
        count = getattr(obj, "use_count", None)
        if count is None:
            count = obj.uses.count()
        return format_html('<a href="{}">{}</a>', reverse("admin:articles_sharelink_change", args=[obj.pk]), count)

    @admin.display(description="Made")
    def made(self, obj):
        if obj.pk is None:
            return "—"
        return time_by(obj.created_at, obj.created_by)


# --- Share links across stories -----------------------------------------------------


class ShareLinkUseInline(admin.TabularInline):
    model = ShareLinkUse
    fields = ["used_at", "ip_address", "user_agent"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "Uses of this link"

    def has_view_permission(self, request, obj=None):
        return _is_editor(request)

    def has_add_permission(self, request, obj):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    """Every share link, with its log of uses. Links are made on the story's change form."""

    list_display = ["story", "note", "created_by", "created_at", "expires_at", "state", "use_count"]
    list_filter = ["created_at", "expires_at"]
    list_select_related = ["story", "created_by"]
    search_fields = ["note", "story__headline"]
    fields = ["story", "address", "note", "created_by", "created_at", "expires_at", "revoked_at", "revoked_by"]
    readonly_fields = fields
    inlines = [ShareLinkUseInline]
    actions = ["revoke_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(use_count=Count("uses"))

    def has_module_permission(self, request):
        return _is_editor(request)

    def has_view_permission(self, request, obj=None):
        return _is_editor(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_publish_permission(self, request):
        return _is_editor(request)

    @admin.display(description="Address")
    def address(self, obj):
        return _address_field(obj)

    @admin.display(description="State")
    def state(self, obj):
        if obj.revoked_at:
            return "Revoked"
        return "Usable" if obj.is_usable() else "Expired"

    @admin.display(description="Uses", ordering="use_count")
    def use_count(self, obj):
        return obj.use_count

    @admin.action(description="Revoke selected share links", permissions=["publish"])
    def revoke_selected(self, request, queryset):
        count = 0
        for link in queryset:
            if link.revoked_at is None:
                sharelinks.sharelink_revoke(link=link, user=request.user)
                count += 1
        self.message_user(
            request,
            f"{count} share link{'' if count == 1 else 's'} revoked; they stop working at once.",
            messages.SUCCESS,
        )
