"""Desk records around a story: corrections, preview share links, who has it open."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", "Correction"
    CLARIFICATION = "clarification", "Clarification"


class Correction(models.Model):
    """A correction or clarification appended to a published story; shown at its foot."""

    story = models.ForeignKey("articles.Story", on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(max_length=16, choices=CorrectionKind, default=CorrectionKind.CORRECTION)
    text = models.TextField(help_text="What was wrong and what is right, in plain words. Shown to readers.")
    published_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["published_at", "pk"]
        indexes = [models.Index(fields=["-published_at"], name="correction_newest_first")]

    def __str__(self):
        return f"{self.get_kind_display()} to {self.story}"


class ShareLink(models.Model):
    """A signed, expiring, revocable preview link for someone without an account."""

    story = models.ForeignKey("articles.Story", on_delete=models.CASCADE, related_name="share_links")
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    note = models.CharField(max_length=200, blank=True, help_text="Who the link is for, e.g. “lawyer, for review”.")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Share link for {self.story}"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now


class ShareLinkUse(models.Model):
    link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, related_name="uses")
    used_at = models.DateTimeField(auto_now_add=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-used_at"]

    def __str__(self):
        return f"{self.link} used at {self.used_at:%Y-%m-%d %H:%M}"


class EditPresence(models.Model):
    """The last time each user had a story's edit page open, to warn of concurrent editing."""

    story = models.ForeignKey("articles.Story", on_delete=models.CASCADE, related_name="presences")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_seen = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["story", "user"], name="presence_once_per_user")]

    def __str__(self):
        return f"{self.user} on {self.story}"
