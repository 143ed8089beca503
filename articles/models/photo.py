from django.db import models

from articles.models.base import Bookkeeping


class Photo(Bookkeeping):
    """An image in the library. Caption here is the default; a placement may override it."""

    image = models.ImageField(upload_to="photos/originals/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    original_filename = models.CharField(max_length=255, blank=True, editable=False)
    caption = models.TextField(blank=True, help_text="Default caption, used wherever a placement gives none.")
    alt_text = models.CharField(
        max_length=400,
        help_text="What the picture shows, for readers who cannot see it. Required.",
    )
    photographer = models.CharField(max_length=200, blank=True)
    source = models.CharField(max_length=200, blank=True, help_text="Agency or publication supplying the photo.")
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text="Credit line printed with the photo, e.g. “Ana Ruiz/Coastline Wire”.",
    )
    usage_terms = models.CharField(max_length=300, blank=True, help_text="e.g. Editorial use only.")
    rights_expire_on = models.DateField(
        null=True, blank=True, help_text="After this date the photo is no longer shown to readers."
    )

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.caption[:60] or self.original_filename or f"Photo {self.pk}"

    @property
    def credit_line(self) -> str:
        if self.credit:
            return self.credit
        return "/".join(part for part in (self.photographer, self.source) if part)
