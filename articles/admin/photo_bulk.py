"""The bulk upload: many files in one go, then every imported photo's caption, credit and alt text
edited in the result list itself (one form per row, saved together)."""

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.forms import modelformset_factory
from django.template.response import TemplateResponse

from articles.admin.photo_forms import BulkRowForm, usage_field
from articles.models import Photo
from articles.photos import services as photo_services
from articles.photos.public import desk_rendition_url

ROWS_PREFIX = "rows"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(item, initial) for item in files if item]


class BulkUploadForm(forms.Form):
    files = MultipleFileField(
        label="Photos",
        help_text="Choose as many JPEG, PNG or WebP files as you like. Captions, credits and keywords "
        "are read from each file's IPTC/XMP metadata.",
    )
    credit = forms.CharField(required=False, help_text="Optional: used where a file carries no credit.")
    source = forms.CharField(required=False, help_text="Optional: agency or publication, where a file names none.")
    usage = usage_field("Optional: the usage terms for every photo of this batch.")
    usage_terms = forms.CharField(
        label="Usage notes", required=False, help_text="Optional: anything the list does not say, for the batch."
    )


RowFormSet = modelformset_factory(Photo, form=BulkRowForm, extra=0, edit_only=True)


class Row:
    """One file's line in the result: an imported photo with its form, or a file set aside and why."""

    def __init__(self, name, *, photo=None, form=None, error="", duplicate_of=None):
        self.name, self.photo, self.form, self.error, self.duplicate_of = name, photo, form, error, duplicate_of
        self.attention = photo_services.photo_attention(photo) if photo is not None else []
        self.thumb_url = desk_rendition_url(photo, 240) if photo is not None else None

    @property
    def outcome(self) -> str:
        if self.photo is not None:
            return "imported"
        return "duplicate" if self.duplicate_of is not None else "rejected"


def summary(rows: list[Row]) -> tuple[str, int]:
    """The words above the list and a message level, counted from the rows themselves."""
    imported = [row for row in rows if row.photo is not None]
    attention = sum(bool(row.attention) for row in imported)
    set_aside = len(rows) - len(imported)
    parts = [f"{len(imported)} of {len(rows)} photos imported"]
    if imported:
        parts.append(f"{attention} need attention (alt text, credit or rights) before a story can use them")
    if set_aside:
        parts.append(f"{set_aside} not imported (see why below)")
    level = messages.SUCCESS if not attention and not set_aside else messages.WARNING
    return "; ".join(parts) + ".", level


def _set_aside(results) -> str:
    """The files not imported, carried through the rows' save so the list stays whole."""
    return json.dumps(
        [
            {"name": r.name, "error": r.error, "duplicate_of": r.duplicate_of.pk if r.duplicate_of else None}
            for r in results
        ]
    )


def _rows_from_set_aside(text: str) -> list[Row]:
    try:
        items = [item for item in json.loads(text or "[]") if isinstance(item, dict)]
    except ValueError:
        return []
    ids = [item["duplicate_of"] for item in items if isinstance(item.get("duplicate_of"), int)]
    existing = Photo.objects.in_bulk(ids) if ids else {}
    return [
        Row(
            str(item.get("name", ""))[:255],
            error=str(item.get("error", ""))[:500],
            duplicate_of=existing.get(item.get("duplicate_of")),
        )
        for item in items
    ]


def bulk_upload_view(model_admin, request):
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = BulkUploadForm()
    rows, formset, set_aside = [], None, "[]"
    if request.method == "POST" and f"{ROWS_PREFIX}-TOTAL_FORMS" in request.POST:
        rows, formset, set_aside = _save_rows(model_admin, request)
    elif request.method == "POST":
        form = BulkUploadForm(request.POST, request.FILES)
        if form.is_valid():
            rows, formset, set_aside = _upload(model_admin, request, form)
    return _render(model_admin, request, form, rows, formset, set_aside)


def _upload(model_admin, request, form):
    defaults = {k: form.cleaned_data[k] for k in ("credit", "source", "usage", "usage_terms")}
    results = [
        photo_services.photo_create(fileobj=upload, name=upload.name, user=request.user, defaults=defaults)
        for upload in form.cleaned_data["files"]
    ]
    ids = [r.photo.pk for r in results if r.photo is not None]
    formset = RowFormSet(queryset=Photo.objects.filter(pk__in=ids), prefix=ROWS_PREFIX)
    forms_by_pk = {row_form.instance.pk: row_form for row_form in formset.forms}
    rows = [
        Row(r.name, photo=forms_by_pk[r.photo.pk].instance, form=forms_by_pk[r.photo.pk])
        if r.photo is not None
        else Row(r.name, error=r.error, duplicate_of=r.duplicate_of)
        for r in results
    ]
    text, level = summary(rows)
    model_admin.message_user(request, text, level)
    return rows, formset, _set_aside([r for r in results if r.photo is None])


def saved_text(saved: int, unchanged: int, attention: int) -> str:
    """ "Saved 1 photo (1 had no changes)": never "1 of 2", which reads as if one had failed."""
    text = f"Saved {saved} photo{'' if saved == 1 else 's'}"
    if unchanged:
        text += f" ({unchanged} had no changes)"
    return f"{text}; {attention} still need attention."


def _save_rows(model_admin, request):
    if not request.user.has_perm("articles.change_photo"):
        raise PermissionDenied
    ids = [
        int(value)
        for key, value in request.POST.items()
        if key.startswith(f"{ROWS_PREFIX}-") and key.endswith("-id") and value.isdigit()
    ]
    formset = RowFormSet(request.POST, queryset=Photo.objects.filter(pk__in=ids), prefix=ROWS_PREFIX)
    set_aside = request.POST.get("set_aside", "[]")
    if formset.is_valid():
        saved = 0
        for row_form in formset.forms:
            if row_form.has_changed():
                photo = row_form.save(commit=False)
                photo.modified_by = request.user
                photo.save()
                saved += 1
        formset = RowFormSet(queryset=Photo.objects.filter(pk__in=ids), prefix=ROWS_PREFIX)
        rows = [Row(f.instance.original_filename, photo=f.instance, form=f) for f in formset.forms]
        attention = sum(bool(row.attention) for row in rows)
        level = messages.WARNING if attention else messages.SUCCESS
        model_admin.message_user(request, saved_text(saved, len(rows) - saved, attention), level)
    else:
        rows = [Row(f.instance.original_filename, photo=f.instance, form=f) for f in formset.forms]
        bad = sum(bool(f.errors) for f in formset.forms)
        model_admin.message_user(
            request, f"Nothing was saved: {bad} of {len(rows)} rows need correcting (see below).", messages.ERROR
        )
    return rows + _rows_from_set_aside(set_aside), formset, set_aside


def _render(model_admin, request, form, rows, formset, set_aside):
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": "Upload photos",
        "form": form,
        "rows": rows,
        "formset": formset,
        "set_aside": set_aside,
        "can_edit_rows": request.user.has_perm("articles.change_photo"),
    }
    return TemplateResponse(request, "admin/articles/photo/bulk_upload.html", context)
