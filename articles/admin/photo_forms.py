"""The photo desk's form pieces shared by the single upload, the bulk upload and the change form."""

from pathlib import PurePath

from django import forms
from django.conf import settings

from articles.models import DigitalSourceType, Photo


def usage_choices() -> list[tuple[str, str]]:
    """The desk's configured list (NEWSROOM_PHOTO_USAGE_TERMS), read each time so a change shows at once."""
    return [("", "— Not set —"), *((code, label) for code, label in settings.NEWSROOM_PHOTO_USAGE_TERMS)]


def usage_label(code: str) -> str:
    return dict(settings.NEWSROOM_PHOTO_USAGE_TERMS).get(code, code)


class DatePicker(forms.DateInput):
    """The browser's own date picker (<input type="date">), which sends ISO dates."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


def usage_field(help_text: str = "") -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Usage terms",
        choices=usage_choices,
        required=False,
        help_text=help_text or Photo._meta.get_field("usage").help_text,
    )


def rights_expiry_field() -> forms.DateField:
    return forms.DateField(
        label="Rights expire on",
        required=False,
        widget=DatePicker,
        help_text=Photo._meta.get_field("rights_expire_on").help_text,
    )


def source_type_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="How it was made",
        choices=[("", "— Not stated —"), *DigitalSourceType.choices],
        required=False,
        help_text="IPTC Digital Source Type, read from the file where it says. AI-generated and AI-composited "
        "pictures are always labelled so on readers' pages, feeds and structured data.",
    )


class RightsFieldsMixin:
    """Usage from the desk's list, the date picker for rights expiry, and the provenance choice."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "usage" in self.fields:
            self.fields["usage"] = usage_field()
            current = self.initial.get("usage") or getattr(self.instance, "usage", "")
            if current and current not in dict(settings.NEWSROOM_PHOTO_USAGE_TERMS):
                # A code since dropped from the list stays selectable for the photos that carry it.
                self.fields["usage"].choices = [*usage_choices(), (current, f"{current} (no longer in the list)")]
        if "rights_expire_on" in self.fields:
            self.fields["rights_expire_on"] = rights_expiry_field()
        if "digital_source_type" in self.fields:
            self.fields["digital_source_type"] = source_type_field()


class BulkRowForm(forms.ModelForm):
    """One photo's row in the bulk upload's result: caption, credit and alt text, edited in the list."""

    class Meta:
        model = Photo
        fields = ["caption", "credit", "alt_text"]
        widgets = {
            "caption": forms.Textarea(attrs={"rows": 3, "cols": 40}),
            "alt_text": forms.Textarea(attrs={"rows": 3, "cols": 30}),
            # Wide enough for a photographer and an agency ("Tom Vale/Harbour Gazette") without scrolling.
            "credit": forms.TextInput(attrs={"size": 32}),
        }

    def clean_alt_text(self):
        alt = " ".join(self.cleaned_data["alt_text"].split())
        name = self.instance.original_filename
        if alt and name and alt.casefold() in {name.casefold(), PurePath(name).stem.casefold()}:
            raise forms.ValidationError("Describe what the picture shows; its file name does not help readers.")
        return alt
