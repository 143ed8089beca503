from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from articles.paths import path_to

# Top-level paths the site already uses; a section slug may not take one.
RESERVED_SECTION_SLUGS = frozenset(
    {"admin", "authors", "tags", "stories", "media", "static", "search", "feeds", "sitemap", "archive", "corrections"}
)


class Section(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text="The section's address on the site, e.g. special-reports gives /special-reports/.",
    )
    description = models.CharField(max_length=300, blank=True, help_text="One sentence shown on the section page.")
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Order in the site's navigation; lower numbers come first."
    )

    version = models.PositiveIntegerField(default=1, editable=False, help_text="Raised on every save; guards edits.")

    class Meta:
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        # A home page links each section a hundred times.
        return path_to("articles:section", slug=self.slug)

    def clean(self):
        if self.slug in RESERVED_SECTION_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is used by another part of the site; choose another."})


class AuthorKind(models.TextChoices):
    STAFF = "staff", "Staff"
    CONTRIBUTOR = "contributor", "Outside contributor"
    AGENCY = "agency", "Agency"


class Author(models.Model):
    name = models.CharField(max_length=120)
    kind = models.CharField(
        max_length=12,
        choices=AuthorKind,
        default=AuthorKind.STAFF,
        help_text="Staff, an outside contributor (a guest or freelance writer), or an agency's reporter.",
    )
    affiliation = models.CharField(
        max_length=200,
        blank=True,
        help_text="For contributors: the agency or paper they write for, e.g. Coastline Wire.",
    )
    slug = models.SlugField(max_length=120, unique=True)
    role = models.CharField(max_length=120, blank=True, help_text="Shown under the byline, e.g. Health correspondent.")
    bio = models.TextField(blank=True, help_text="A short biography for the author page, plain text.")
    photo = models.ForeignKey(
        "articles.Photo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A head-and-shoulders portrait.",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author",
        help_text="The desk account of this author, if they have one.",
    )

    version = models.PositiveIntegerField(default=1, editable=False, help_text="Raised on every save; guards edits.")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return self.path_for(self.slug)

    @staticmethod
    def path_for(slug: str) -> str:
        """An author page's path from the slug alone (bylines on listings carry no Author)."""
        return path_to("articles:author", slug=slug)
