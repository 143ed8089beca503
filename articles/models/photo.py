from datetime import date, datetime, timedelta

from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Min
from django.utils import timezone

from articles.models.base import Bookkeeping


def originals_storage():
    """Originals live apart from public media, so they are never served to readers."""
    return storages["originals"]


class PhotoQuerySet(models.QuerySet):
    def rights_cover(self, day: date):
        """Photos we may still show on `day` (the photo-rights rule; see Photo.rights_cover)."""
        return self.filter(models.Q(rights_expire_on__isnull=True) | models.Q(rights_expire_on__gte=day))

    def next_rights_expiry(self, now: datetime | None = None) -> datetime | None:
        """The moment the next photo drops off readers' pages as its rights run out (None: never).

        A photo is shown up to and including its last day, in the desk's time zone, so it goes at
        the following midnight.
        """
        now = now or timezone.now()
        last_day = self.filter(rights_expire_on__gte=timezone.localdate(now)).aggregate(d=Min("rights_expire_on"))["d"]
        if last_day is None:
            return None
        midnight = datetime.combine(last_day + timedelta(days=1), datetime.min.time())
        return timezone.make_aware(midnight, timezone.get_current_timezone())


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
    rights_expire_on = models.DateField(
        null=True, blank=True, help_text="After this date the photo is no longer shown to readers."
    )
    usage_terms = models.CharField(max_length=300, blank=True, help_text="e.g. Editorial use only.")

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

    objects = PhotoQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]

    def __str__(self):
        return self.caption[:60] or self.original_filename or f"Photo {self.pk}"

    def rights_cover(self, day: date | None = None) -> bool:
        """Our rights to show the photo hold on `day` (today in the desk's time zone by default)."""
        return self.rights_expire_on is None or self.rights_expire_on >= (day or timezone.localdate())

    def is_public_on(self, day: date | None = None) -> bool:
        """Readers may see the photo on `day`: its rights hold and its renditions exist."""
        return bool(self.renditions) and self.rights_cover(day)

    @property
    def is_public(self) -> bool:
        return self.is_public_on()

    @property
    def credit_line(self) -> str:
        if self.credit:
            return self.credit
        return "/".join(part for part in (self.photographer, self.source) if part)
