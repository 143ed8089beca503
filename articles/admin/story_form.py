"""The story form the desk edits in, with optimistic locking.

The form carries the story's `version` in a hidden field. Saving checks it
against the row (locked for the rest of the transaction): when someone else
saved in between, the save is refused, the user's text stays in the form and
the other person's version is attached as `form.conflict` for the page to show.
"""

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html

from articles.admin.common import thumbnail
from articles.models import Story
from articles.stories import workflow


@dataclass(frozen=True)
class StoryConflict:
    """The saved story a stale form collided with."""

    version: int
    headline: str
    standfirst: str
    body: str
    modified: datetime
    modified_by: str


BODY_HELP = (
    "Paragraphs, h2/h3 subheadings, lists, quotes and links; put the cursor where a photo belongs and press "
    "the photo button to place one from the library (drag it to move it, Delete to remove it, its caption "
    "can be changed here for this story). Pasted text keeps its paragraphs, subheadings, lists and links "
    "only. Shortcuts: Ctrl/Cmd+B bold · Ctrl/Cmd+I italic · Ctrl/Cmd+K link · Ctrl+Alt+2 / Ctrl+Alt+3 "
    "subheading · Ctrl+Alt+0 paragraph · Ctrl+Shift+8 bulleted list · Ctrl+Shift+7 numbered list · "
    "Ctrl+Shift+B quote · Ctrl/Cmd+Z undo."
)

# What search engines and feeds use, said in each field's help text and counted live by story_form/counts.js.
HEADLINE_AIM = 70  # search results show about this many characters of a title
STANDFIRST_AIM = 160  # the meta description and feed summaries
SHORT_HEADLINE_AIM = 90
TAG_MAX_LENGTH = 100  # taggit's Tag.name


class GrowingTextarea(forms.Textarea):
    """A full-width text box that grows with its text, with a live count against `aim` (story_form/counts.js)."""

    def __init__(self, *, aim: int, rows: int = 1):
        super().__init__(attrs={"rows": rows, "class": "story-grow", "data-count-aim": aim})


class TagWordsWidget(forms.TextInput):
    """Tags as one line of words, commas between them; story_form/tags.js turns it into chips with suggestions."""

    def __init__(self):
        super().__init__(attrs={"class": "story-tags", "autocomplete": "off"})

    def format_value(self, value):
        if value is not None and not isinstance(value, str):
            value = ", ".join(getattr(tag, "name", str(tag)) for tag in value)
        return super().format_value(value)


class TagWordsField(forms.CharField):
    """Tag names separated by commas or new lines; a tag not yet known is created when the story is saved."""

    widget = TagWordsWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value) -> list[str]:
        text = super().to_python(value)
        names: dict[str, str] = {}
        for part in text.replace("\n", ",").split(","):
            name = " ".join(part.split())
            if name:
                names.setdefault(name.casefold(), name)
        return list(names.values())

    def validate(self, value):
        super().validate(value)
        too_long = [name for name in value if len(name) > TAG_MAX_LENGTH]
        if too_long:
            raise ValidationError(
                f"A tag can be {TAG_MAX_LENGTH} characters at most; shorten “{too_long[0][:40]}…”. "
                "Put a comma between tags."
            )


class StoryAdminForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)
    tags = TagWordsField(
        label="Tags",
        help_text="Type a word and press Enter or a comma; pick a suggestion to reuse a tag. "
        "New tags are created when you save.",
    )
    minor_change = forms.BooleanField(
        label="Minor change",
        required=False,
        help_text="Tick for a typo or a fix readers need not be told of: the story's “Updated” time stays as it is. "
        "Otherwise, saving a change to the headline, standfirst or body of a live story shows it as updated now.",
    )

    # Set by the admin on a second pass when a workflow button was refused, so the
    # refusal shows on the form and nothing is saved. See StoryAdmin.change_view.
    workflow_refusal: ValidationError | None = None

    class Meta:
        model = Story
        fields = [
            "headline",
            "short_headline",
            "slug",
            "standfirst",
            "section",
            "dateline",
            "body",
            "credit_line",
            "additional_reporting",
            "desk_note",
            "lead_photo",
            "related",
            "tags",
            "publish_at",
            "embargo_until",
            "updated_at",
            "originally_published_at",
        ]
        widgets = {
            "headline": GrowingTextarea(aim=HEADLINE_AIM),
            "short_headline": GrowingTextarea(aim=SHORT_HEADLINE_AIM),
            "standfirst": GrowingTextarea(aim=STANDFIRST_AIM, rows=2),
            "desk_note": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "headline": f"Aim for {HEADLINE_AIM} characters or fewer: search results cut longer titles. "
            "The limit is 200.",
            "short_headline": f"Optional, {SHORT_HEADLINE_AIM} characters at most: used on cards and as the title "
            "of social posts (og:title, twitter:title) instead of the headline.",
            "standfirst": f"One sentence under the headline. Aim for {STANDFIRST_AIM} characters or fewer: search "
            "engines and feeds use it as the summary and cut it there. The limit is 400.",
        }
        error_messages = {
            "headline": {
                "required": "Write a headline.",
                "max_length": "The headline is %(show_value)d characters long; the limit is %(limit_value)d. "
                "Shorten it.",
            },
            "section": {"required": "Choose a section."},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.conflict: StoryConflict | None = None
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        self._set_up_photo_chooser()

    def _set_up_photo_chooser(self) -> None:
        """The body editor and the lead photo open the same photo chooser (articles/admin/photo_chooser.py)."""
        if "body" in self.fields:
            self.fields["body"].widget.attrs["data-photo-chooser-url"] = reverse("admin:photo_chooser")
            self.fields["body"].help_text = BODY_HELP
        if "lead_photo" in self.fields:
            lead = self.instance.lead_photo if self.instance.lead_photo_id else None
            self.fields["lead_photo"].help_text = format_html(
                '<span class="lead-photo-chooser"><span data-lead-photo-preview>{}</span>'
                '<button type="button" class="button" data-choose-lead-photo>Choose from the library…</button></span>',
                thumbnail(lead, 96) if lead else "",
            )

    def _clean_one_line(self, name: str) -> str:
        # Grown text boxes accept Enter; a headline is still one line.
        return " ".join((self.cleaned_data.get(name) or "").split())

    def clean_headline(self):
        return self._clean_one_line("headline")

    def clean_short_headline(self):
        return self._clean_one_line("short_headline")

    def clean_standfirst(self):
        return self._clean_one_line("standfirst")

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            self._check_version(cleaned.get("version"))
        timing = {}
        for name in ("publish_at", "embargo_until"):
            if name not in self.fields:  # read-only for this user: the stored value stands
                timing[name] = getattr(self.instance, name)
            elif name in cleaned:
                timing[name] = cleaned[name]
        if len(timing) == 2:
            self.add_problems(workflow.story_timing_problems(**timing))
        if self.workflow_refusal is not None:
            self.add_problems(self.workflow_refusal)
        return cleaned

    def add_problems(self, problems: dict | ValidationError) -> None:
        """Show a service's problems on the form: all of them in the list at the top, where they are
        seen first, and each again beside its field when that field is on the form."""
        if isinstance(problems, ValidationError):
            problems = problems.error_dict if hasattr(problems, "error_dict") else {NON_FIELD_ERRORS: problems.messages}
        for field, errors in problems.items():
            for error in errors:
                message = error.message % (error.params or {}) if isinstance(error, ValidationError) else error
                if field in self.fields:
                    self.add_error(field, message)
                    self.add_error(None, f"{self.fields[field].label or field}: {message}")
                else:
                    self.add_error(None, message)

    def _check_version(self, submitted: int | None) -> None:
        current = (
            # Lock the story row only; its modified_by is an outer join PostgreSQL will not lock.
            Story.objects.select_for_update(of=("self",))
            .filter(pk=self.instance.pk)
            .values(
                "version",
                "headline",
                "standfirst",
                "body",
                "modified",
                "modified_by__username",
                "modified_by__first_name",
                "modified_by__last_name",
            )
            .first()
        )
        if current is None:
            raise ValidationError(
                "This story was deleted while you were editing it. Copy your text before leaving this page.",
                code="deleted",
            )
        if submitted == current["version"]:
            return
        full_name = f"{current['modified_by__first_name']} {current['modified_by__last_name']}".strip()
        self.conflict = StoryConflict(
            version=current["version"],
            headline=current["headline"],
            standfirst=current["standfirst"],
            body=current["body"],
            modified=current["modified"],
            modified_by=full_name or current["modified_by__username"] or "someone",
        )
        when = formats.date_format(timezone.localtime(self.conflict.modified), "j M Y, H:i")
        self.add_error(
            None,
            ValidationError(
                f"{self.conflict.modified_by} saved this story at {when}, after you opened it. Nothing of yours "
                "has been saved and your text is still in the form. Their version is shown below: copy what you "
                "need into yours, then save again to replace theirs.",
                code="stale",
            ),
        )
        # The next save is a deliberate overwrite by someone who has seen the other change.
        data = self.data.copy()
        data[self.add_prefix("version")] = str(self.conflict.version)
        self.data = data
