"""Optimistic locking for what the desk edits besides stories: photos, authors, sections, tags.

The change form carries a token of the row as it was read (its `version`, or for a model without
one a hash of its values) in a hidden field. `clean` compares it with the row now: when someone saved
in between, the form is refused with the conflict panel, the user's input stays in the form, and the
next save is a deliberate overwrite. The save itself claims the row atomically
(`UPDATE ... SET version = version + 1 WHERE pk = ... AND version = <read>`): of two forms that read
the same version, exactly one updates a row; the other is rolled back and shown the conflict.

Stories have their own form (story_form.py), with a text diff; this is the same screen for the rest.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils import formats, timezone

from articles.dates import person_name


class StaleSave(Exception):
    """The row changed between the form's check and its save; nothing was written."""


# --- Tokens: what "the row as I read it" is, and claiming the row for a save -------------------------


def has_version(model) -> bool:
    return any(field.name == "version" for field in model._meta.concrete_fields)


def values_token(instance: models.Model, fields: tuple[str, ...] = ("name", "slug")) -> str:
    """A token for a row without a version column, from the values the desk edits."""
    text = "\x1f".join(str(getattr(instance, name)) for name in fields)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def row_token(instance: models.Model) -> str:
    return str(instance.version) if has_version(type(instance)) else values_token(instance)


def claim_row(instance: models.Model, token: str) -> bool:
    """Claim the row for a save if it is still as read; False when another save came first.

    With a version column, one conditional UPDATE raises it: two transactions cannot both match the
    same version (PostgreSQL re-checks the WHERE on the row the winner left). Without one, the row
    is locked and its values compared; the save that follows changes them.
    """
    model = type(instance)
    if has_version(model):
        try:
            read = int(token)
        except (TypeError, ValueError):
            return False
        claimed = model._default_manager.filter(pk=instance.pk, version=read).update(version=F("version") + 1)
        if claimed:
            instance.version = read + 1
        return bool(claimed)
    current = model._default_manager.select_for_update().filter(pk=instance.pk).first()
    return current is not None and values_token(current) == token


# --- The form -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EditConflict:
    """The saved row a stale form collided with, and how it differs from the form."""

    by: str
    at: datetime | None
    token: str
    fields: list[dict]  # label, theirs, yours: the fields where the two differ


def _shown(value) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, list | tuple) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return ", ".join(str(item) for item in items) or "—"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def last_change(instance: models.Model) -> tuple[str, datetime | None]:
    """Who changed the row last, and when: from its own bookkeeping, else the admin's log."""
    if getattr(instance, "modified_by_id", None):
        return person_name(instance.modified_by), instance.modified
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(instance),
            object_id=str(instance.pk),
            action_flag=CHANGE,
        )
        .select_related("user")
        .order_by("-action_time")
        .first()
    )
    if entry is not None:
        return person_name(entry.user), entry.action_time
    return "Someone", None


class LockingFormMixin(forms.Form):
    """For a ModelForm: the hidden token and the stale check. Put it before ModelForm in the bases."""

    version = forms.CharField(widget=forms.HiddenInput, required=False)

    # Set by LockingAdminMixin on the second pass after a save lost the race.
    assume_stale = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict: EditConflict | None = None
        if self.instance.pk:
            self.fields["version"].initial = row_token(self.instance)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            if self.assume_stale:
                self.refuse_as_stale()
            else:
                self.check_token(cleaned.get("version") or "")
        return cleaned

    def check_token(self, submitted: str) -> None:
        if submitted != row_token(self._current()):
            self.refuse_as_stale()

    def _current(self) -> models.Model:
        model = type(self.instance)
        current = model._default_manager.filter(pk=self.instance.pk).first()
        if current is None:
            raise ValidationError(
                f"This {model._meta.verbose_name} was deleted while you were editing it. Copy what you need "
                "before leaving this page.",
                code="deleted",
            )
        return current

    def refuse_as_stale(self) -> None:
        """Refuse the form: say who saved meanwhile, keep the input, attach `conflict` for the panel."""
        current = self._current()
        model = type(current)
        token = row_token(current)
        by, at = last_change(current)
        self.conflict = EditConflict(by=by, at=at, token=token, fields=self._differences(current))
        when = formats.date_format(timezone.localtime(at), "j M Y, H:i") if at else "a moment ago"
        self.add_error(
            None,
            ValidationError(
                f"{by} changed this {model._meta.verbose_name} at {when}, while you were editing it. Nothing of "
                "yours has been saved and your changes are still in the form. Their values are shown below: "
                "keep what you need, then save again to replace theirs.",
                code="stale",
            ),
        )
        # The next save is a deliberate overwrite by someone who has seen the other change.
        data = self.data.copy()
        data[self.add_prefix("version")] = token
        self.data = data

    def _differences(self, current: models.Model) -> list[dict]:
        saved = forms.models.model_to_dict(current, fields=[name for name in self.fields if name != "version"])
        found = []
        for name, field in self.fields.items():
            if name == "version" or name not in saved:
                continue
            if not field.has_changed(saved[name], self[name].data):
                continue
            theirs = getattr(current, name, saved[name])
            if getattr(current, f"get_{name}_display", None):
                theirs = getattr(current, f"get_{name}_display")()
            yours = self.cleaned_data.get(name, self[name].data) if hasattr(self, "cleaned_data") else self[name].data
            if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
                yours = dict(field.choices).get(yours, yours)
            found.append({"label": field.label or name, "theirs": _shown(theirs), "yours": _shown(yours)})
        return found


# --- The admin ------------------------------------------------------------------------------------------


class LockingAdminMixin:
    """For a ModelAdmin whose change form uses LockingFormMixin: claims the row on save, shows the conflict."""

    change_form_template = "admin/articles/locking_change_form.html"

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleSave:
            # The whole save was rolled back. Show the form again, as refused, with the row as it is now.
            request.locking_lost_race = True
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_fields(self, request, obj=None):
        # The token is rendered hidden by the template, never as a row of the form.
        return [name for name in super().get_fields(request, obj) if name != "version"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if getattr(request, "locking_lost_race", False):
            form = type(form.__name__, (form,), {"assume_stale": True})
        return form

    def save_model(self, request, obj, form, change):
        if change:
            with transaction.atomic():
                if "version" in form.fields:
                    if not claim_row(obj, form.cleaned_data.get("version") or ""):
                        raise StaleSave
                elif has_version(type(obj)):
                    # A save without the form's token (the list's editable columns): raise it all the same,
                    # so an open change form sees that the row moved on.
                    type(obj)._default_manager.filter(pk=obj.pk).update(version=F("version") + 1)
                    obj.version = type(obj)._default_manager.values_list("version", flat=True).get(pk=obj.pk)
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        context["edit_conflict"] = getattr(form, "conflict", None)
        return super().render_change_form(request, context, add, change, form_url, obj)
