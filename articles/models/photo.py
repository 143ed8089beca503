from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from articles.models.base import Bookkeeping


def originals_storage():
    """Originals live apart from public media, so they are never served to readers."""
    return storages["originals"]


class Photo(Bookkeeping):
    """An image in the library. Caption here is the default; a placement may override it."""

    image = models.ImageField(
        "original",
        upload_to="originals/%Y/%m/",
        storage=originals_storage,
        help_text="Kept for the desk; readers only ever get renditions made from it.",
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    original_filename = models.CharField(max_length=255, blank=True, editable=False)
    caption = models.TextField(blank=True, help_text="Default caption, used wherever a placement gives none.")
    alt_text = models.CharField(
        max_length=400,
        blank=True,
        help_text="What the picture shows, for readers who cannot see it. "
        "A story cannot be published with a photo that has none.",
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

    # Read from the file's IPTC/XMP/EXIF on upload; all editable.
    headline = models.CharField(max_length=300, blank=True)
    keywords = models.JSONField(default=list, blank=True)
    city = models.CharField(max_length=120, blank=True)
    country = models.CharField(max_length=120, blank=True)
    copyright = models.CharField(max_length=300, blank=True)
    taken_at = models.DateTimeField("date taken", null=True, blank=True)
    metadata = models.JSONField(
        default=dict, blank=True, editable=False, help_text="The file's embedded metadata, kept for reference."
    )
    format = models.CharField(max_length=10, blank=True, editable=False)
    size_bytes = models.PositiveBigIntegerField(default=0, editable=False)
    sha256 = models.CharField(max_length=64, blank=True, editable=False, db_index=True)
    focal_x = models.FloatField(
        default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Horizontal focal point in percent from the left; crops keep it in view.",
    )
    focal_y = models.FloatField(
        default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="Vertical focal point in percent from the top.",
    )

    renditions = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.caption[:60] or self.original_filename or f"Photo {self.pk}"

    @property
    def is_public(self) -> bool:
        from articles.images_public import is_public

        return is_public(self)

    @property
    def credit_line(self) -> str:
        if self.credit:
            return self.credit
        return "/".join(part for part in (self.photographer, self.source) if part)
