"""Agency copy as received: wire items, the versions that replaced one another, files set aside, and the
link from a story to the item (and version) it was made from.

Raw files go to the private "originals" storage under wire/: never a public URL.
"""

from django.conf import settings
from django.db import models

from articles.models.photo import originals_storage


class WireSource(models.TextChoices):
    UPLOAD = "upload", "Uploaded on the wire desk"
    COMMAND = "command", "ingest_wire command"
    INBOX = "inbox", "Inbox folder"


class WireEntry(models.Model):
    """One agency item (by GUID), as its latest version says; `data` is the whole parsed item."""

    guid = models.CharField("GUID", max_length=500, unique=True)
    version = models.PositiveIntegerField(default=1)
    format = models.CharField(max_length=12)
    kind = models.CharField(max_length=12, default="text")
    provider = models.CharField("agency", max_length=200, blank=True)
    headline = models.CharField(max_length=500)
    slugline = models.CharField(max_length=200, blank=True)
    urgency = models.PositiveSmallIntegerField(null=True, blank=True)
    pub_status = models.CharField("status", max_length=12, default="usable")
    first_created = models.DateTimeField("first created", null=True, blank=True)
    version_created = models.DateTimeField("version created", null=True, blank=True)
    embargoed = models.DateTimeField("embargo", null=True, blank=True)
    data = models.JSONField(default=dict, help_text="The item as read, for drafts and diffs.")
    content_hash = models.CharField(max_length=64, db_index=True)
    pictures = models.JSONField(
        default=list, help_text="What became of each picture: imported photo, failure with its reason, or remote."
    )
    raw_file = models.FileField(upload_to="wire/%Y/%m/", storage=originals_storage, blank=True)
    file_name = models.CharField(max_length=255, blank=True)
    source = models.CharField(max_length=10, choices=WireSource, default=WireSource.COMMAND)
    received = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField("last received", auto_now=True, db_index=True)

    class Meta:
        verbose_name = "wire item"
        ordering = ["-updated", "-pk"]
        permissions = [("make_draft_from_wire", "Can make a draft story from a wire item")]
        indexes = [models.Index(fields=["provider", "-updated"], name="wire_entry_provider_newest")]

    def __str__(self):
        return f"{self.provider or 'Wire'}: {self.headline}"

    @property
    def is_kill(self) -> bool:
        return self.pub_status == "canceled"


class WireEntryVersion(models.Model):
    """Every version received, the current one included: the diff for an updated story reads these."""

    entry = models.ForeignKey(WireEntry, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    pub_status = models.CharField(max_length=12, default="usable")
    data = models.JSONField(default=dict)
    content_hash = models.CharField(max_length=64, db_index=True)
    raw_file = models.FileField(upload_to="wire/%Y/%m/", storage=originals_storage, blank=True)
    received = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "wire item version"
        ordering = ["entry", "-version"]
        constraints = [models.UniqueConstraint(fields=["entry", "version"], name="wire_version_once")]

    def __str__(self):
        return f"{self.entry.guid} v{self.version}"


class WireRejection(models.Model):
    """A file (or a picture in one) the desk could not take, kept aside with the reason for a person to look at."""

    name = models.CharField(max_length=255)
    reason = models.TextField()
    source = models.CharField(max_length=10, choices=WireSource, default=WireSource.COMMAND)
    raw_file = models.FileField(upload_to="wire/rejected/%Y/%m/", storage=originals_storage, blank=True)
    size_bytes = models.PositiveBigIntegerField(default=0)
    entry = models.ForeignKey(
        WireEntry,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rejections",
        help_text="For a picture refused by the photo checks: the item it came with.",
    )
    received = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "rejected wire file"
        ordering = ["-received", "-pk"]

    def __str__(self):
        return f"{self.name}: {self.reason[:80]}"


class WireStoryLink(models.Model):
    """A story made from a wire item, with the version it was made from and what the agency did since."""

    story = models.OneToOneField("articles.Story", on_delete=models.CASCADE, related_name="wire_link")
    entry = models.ForeignKey(WireEntry, on_delete=models.PROTECT, related_name="story_links")
    version = models.PositiveIntegerField(help_text="The item's version the draft was made from.")
    agency_updated = models.BooleanField(default=False, help_text="The agency sent a later version since.")
    agency_killed = models.BooleanField(default=False, help_text="The agency killed (withdrew) the item.")
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "story from the wire"
        verbose_name_plural = "stories from the wire"

    def __str__(self):
        return f"{self.entry.provider} {self.entry.guid} v{self.version}"
