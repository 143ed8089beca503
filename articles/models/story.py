from dataclasses import dataclass
from datetime import datetime

import reversion
from django.conf import settings
from django.db import models
from django.db.models import Exists, Min, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone
from django.utils.text import slugify
from django_prose_editor.fields import ProseEditorField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from articles import richtext
from articles.models.base import Bookkeeping
from articles.models.body import photos_in_library, photos_in_place
from articles.paths import path_to

# What the body editor offers, and so what its nh3 pass keeps. richtext.sanitize
# still runs on save with the site's own allowlist (DESIGN.md rule 4).
BODY_EDITOR_EXTENSIONS = {
    "Paragraph": True,
    "Heading": {"levels": [2, 3]},
    "Bold": True,
    "Italic": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "History": True,
    # Ours (articles/static/articles/admin/body_editor.js, loaded through DJANGO_PROSE_EDITOR_EXTENSIONS):
    # photos from the library placed in the text, and paste that keeps only the story's structure.
    "PhotoFigure": True,
    "NewsroomPaste": True,
}


# Stands for a value not read from the database (never equal to a real one).
_UNKNOWN = object()


class StoryStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted for editing"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class StoryQuerySet(models.QuerySet):
    def live(self, now=None):
        """The one visibility gate: what a reader may see, at `now`.

        Published, its publish time reached, any embargo passed. Withdrawn,
        draft and submitted stories are never live. Every public surface
        starts here.
        """
        now = now or timezone.now()
        return self.filter(status=StoryStatus.PUBLISHED, publish_at__lte=now).filter(
            Q(embargo_until__isnull=True) | Q(embargo_until__lte=now)
        )

    def next_visibility_change(self, now=None) -> datetime | None:
        """When the gate above next lets a story through with no one saving anything (None: never).

        A scheduled story reaching its publish time, or an embargo ending. Stated in the gate's own
        terms: the earliest publish or embargo time still ahead among published stories.
        """
        now = now or timezone.now()
        published = self.filter(status=StoryStatus.PUBLISHED)
        moments = published.aggregate(
            publish=Min("publish_at", filter=Q(publish_at__gt=now)),
            embargo=Min("embargo_until", filter=Q(embargo_until__gt=now)),
        )
        found = [moment for moment in moments.values() if moment is not None]
        return min(found) if found else None

    def owned_by(self, user):
        """The one ownership rule, as a filter: stories the user created or carries the byline of."""
        if user is None or user.pk is None:
            return self.none()
        return self.filter(ownership_condition(user.pk))

    def for_listing(self):
        """Cards on home, section, tag and author pages: section, lead photo and bylines.

        A byline here needs only its author's name and address: a listing holds a hundred of them.
        """
        bylines = Byline.objects.select_related("author").only("story_id", "order", "author__name", "author__slug")
        return (
            self.select_related("section", "lead_photo")
            .prefetch_related(Prefetch("bylines", queryset=bylines))
            .order_by("-publish_at", "-pk")
        )

    def for_cards(self):
        """Cards on home, section, tag, author and archive pages: section and lead photo, newest first.

        The bylines come separately, from attach_byline_names() on the evaluated list: a listing
        holds up to a hundred cards, and a prefetch of Byline and Author models cost a quarter of
        the home page's rendering, where the cards need only names.
        """
        return self.select_related("section", "lead_photo").order_by("-publish_at", "-pk")

    def for_story_page(self, *, prefetch: bool = True):
        """Everything the story page shows, in a fixed number of queries. ``prefetch=False``: the row alone,
        for a page built from cached fragments; prefetch_story_page() fetches the rest when one is missing."""
        queryset = self.select_related("section", "lead_photo")
        return queryset.prefetch_related(*_story_page_prefetches()) if prefetch else queryset


def _story_page_prefetches() -> list[Prefetch]:
    return [
        Prefetch("bylines", queryset=Byline.objects.select_related("author")),
        Prefetch("placements", queryset=Placement.objects.select_related("photo")),
        Prefetch("tagged_items", queryset=TaggedStory.objects.select_related("tag")),
        # Oldest first (the model's ordering): the foot of the story reads as a dated log.
        Prefetch("corrections"),
    ]


def prefetch_story_page(story) -> None:
    """What for_story_page() prefetches, for a story fetched with ``prefetch=False`` (four queries)."""
    models.prefetch_related_objects([story], *_story_page_prefetches())


def ownership_condition(user_id: int) -> Q:
    """Q for "the user created the story or carries its byline" (the condition behind owned_by()).

    An Exists() rather than a join, so it can sit in an annotation or an ordering without
    repeating rows.
    """
    bylined = Exists(Byline.objects.filter(story=OuterRef("pk"), author__user=user_id))
    return Q(created_by=user_id) | Q(bylined)


@dataclass(frozen=True)
class StoryState:
    """Where a story stands for readers and the desk, in words: see Story.state()."""

    status: str  # "Draft", "Submitted for editing", "Scheduled", "Embargoed", "Scheduled and embargoed", "Live", ...
    times: tuple[tuple[str, datetime], ...] = ()


def attach_byline_names(stories) -> None:
    """Give each story ``byline_names``: its authors' (name, slug) in byline order, for all in one query."""
    names = {story.pk: [] for story in stories}
    if not names:
        return
    rows = (
        Byline.objects.filter(story_id__in=names)
        .order_by("order", "pk")
        .values_list("story_id", "author__name", "author__slug")
    )
    for story_id, name, slug in rows:
        names[story_id].append((name, slug))
    for story in stories:
        story.byline_names = names[story.pk]


@reversion.register(follow=("bylines", "placements", "tagged_items"))
class Story(Bookkeeping):
    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=220,
        allow_unicode=True,
        blank=True,
        help_text="Made from the headline when left empty. The address keeps the story's number, "
        "so changing the slug never breaks old links.",
    )
    standfirst = models.CharField(
        max_length=400, blank=True, help_text="One sentence under the headline that sums the story up."
    )
    body = ProseEditorField(
        extensions=BODY_EDITOR_EXTENSIONS,
        # The shape of every tag and figure here; save() also checks each figure's photo is in the library.
        sanitize=richtext.sanitize_shape,
        blank=True,
        help_text="Paragraphs with h2/h3 subheadings. Cleaned to a safe set of tags on save.",
    )
    body_blocks = models.JSONField(default=list, editable=False)
    section = models.ForeignKey("articles.Section", on_delete=models.PROTECT, related_name="stories")
    authors = models.ManyToManyField("articles.Author", through="articles.Byline", related_name="stories")
    credit_line = models.CharField(
        "agency credit",
        max_length=200,
        blank=True,
        help_text="The agency or source the story comes from, shown with the byline, e.g. “Coastline Wire”.",
    )
    additional_reporting = models.CharField(
        max_length=300,
        blank=True,
        help_text="Names only: shown at the foot as “Additional reporting by …”.",
    )
    short_headline = models.CharField(
        max_length=90,
        blank=True,
        help_text="Optional: a shorter headline for cards and social posts (90 characters at most).",
    )
    dateline = models.CharField(
        max_length=100,
        blank=True,
        help_text="Where the story was reported from, shown before the first paragraph, e.g. PORT HALDEN.",
    )
    desk_note = models.TextField(
        "note to the desk",
        blank=True,
        help_text="For editors and reporters only: readers never see it.",
    )
    originally_published_at = models.DateTimeField(
        "first published by the source",
        null=True,
        blank=True,
        help_text="For agency copy: when the agency first published it. Shown to readers and in structured data; "
        "the story's own publish time on this site stays now or later.",
    )
    tags = TaggableManager(through="articles.TaggedStory", blank=True)
    status = models.CharField(max_length=12, choices=StoryStatus, default=StoryStatus.DRAFT, db_index=False)
    publish_at = models.DateTimeField(
        "publish time",
        null=True,
        blank=True,
        help_text="When readers first see the story. A time in the future schedules it.",
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(
        "updated time",
        null=True,
        blank=True,
        help_text="Shown to readers as “Updated” after a significant change to a published story.",
    )
    embargo_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Keeps the story off every public page until this time, whatever its status.",
    )
    lead_photo = models.ForeignKey(
        "articles.Photo", null=True, blank=True, on_delete=models.SET_NULL, related_name="lead_for"
    )
    related = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="+",
        help_text="Editor-picked related stories, shown first under the story.",
    )

    version = models.PositiveIntegerField(
        default=1, editable=False, help_text="Raised on every save; a stale edit form is refused."
    )
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = StoryQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "stories"
        permissions = [("publish_story", "Can publish, schedule, withdraw and correct stories")]
        ordering = ["-publish_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["draft", "submitted"]) | Q(publish_at__isnull=False),
                name="story_published_has_publish_time",
            ),
        ]
        indexes = [
            models.Index(
                fields=["-publish_at"],
                condition=Q(status="published"),
                name="story_live_by_time",
            ),
            models.Index(
                fields=["section", "-publish_at"],
                condition=Q(status="published"),
                name="story_live_by_section",
            ),
            models.Index(fields=["status", "-modified"], name="story_desk_by_status"),
            # Made by migration 0006 (see there for the queries each one serves), declared here since 0008.
            models.Index(fields=["-publish_at", "-id"], name="story_newest_first"),
            # updated_at last: the sitemap index dates every page of live stories from this index alone.
            models.Index(
                fields=["-publish_at", "-id", "embargo_until", "status", "updated_at"],
                condition=Q(status="published"),
                name="story_live_newest_dated",
            ),
            models.Index(
                fields=["section", "-publish_at", "-id", "embargo_until", "status"],
                condition=Q(status="published"),
                name="story_live_section_newest",
            ),
            models.Index(
                fields=["embargo_until"], condition=Q(embargo_until__isnull=False), name="story_embargo_until"
            ),
            # The gate by id, read from the index alone: tag and author pages count their live stories
            # by looking up each tagged or bylined story here rather than in its (wide) table row.
            models.Index(
                fields=["id", "publish_at", "embargo_until", "status"],
                condition=Q(status="published"),
                name="story_live_by_id",
            ),
        ]

    # The publish time as last read from or written to the database; _UNKNOWN for an instance
    # built in memory. save() compares against it to know when the copies must follow.
    _stored_publish_at = _UNKNOWN

    def __str__(self):
        return self.headline

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        story = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        story._remember_publish_at()
        return story

    def refresh_from_db(self, *args, **kwargs):
        super().refresh_from_db(*args, **kwargs)
        self._remember_publish_at()

    def _remember_publish_at(self):
        self._stored_publish_at = self.__dict__.get("publish_at", _UNKNOWN)

    def derive_body(self) -> None:
        """Clean the body (figures only of photos in the library) and split it into blocks, as save() does."""
        self.body = richtext.sanitize(self.body, known_photos=photos_in_library)
        self.body_blocks = richtext.split_blocks(self.body)

    def save(self, *args, **kwargs):
        self.derive_body()
        if not self.slug:
            self.slug = slugify(self.headline, allow_unicode=True)[:220].strip("-") or "story"
        update_fields = kwargs.get("update_fields")
        # A new story has no bylines or tags yet; an existing one whose time moved (or may have) updates them.
        copies_follow = (
            self.pk is not None
            and "publish_at" in self.__dict__
            and (update_fields is None or "publish_at" in update_fields)
            and self._stored_publish_at != self.publish_at
        )
        super().save(*args, **kwargs)
        if copies_follow:
            self.copy_publish_time()
        if update_fields is None or "publish_at" in update_fields:
            self._remember_publish_at()

    def copy_publish_time(self):
        """Copy the publish time onto the story's bylines and tags, one UPDATE each.

        The copies let tag and author pages read their stories newest first from one index
        (tag or author, then time). They order and narrow those lists; they never decide
        visibility, which stays with Story.objects.live(). save() calls this when publish_at
        changes; call it after writing bylines or tags around save() (raw or bulk writes).
        """
        Byline.objects.filter(story_id=self.pk).update(publish_at=self.publish_at)
        TaggedStory.objects.filter(content_object_id=self.pk).update(publish_at=self.publish_at)

    def get_absolute_url(self):
        return path_to("articles:story", section=self.section.slug, pk=self.pk, slug=self.slug)

    def is_live(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == StoryStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= now
            and (self.embargo_until is None or self.embargo_until <= now)
        )

    is_live.boolean = True
    is_live.short_description = "Live"

    def state(self, now=None) -> StoryState:
        """The story's place in the workflow and the times that matter to it, in the desk's words.

        One rule for every label the desk and the preview banner show. A published story is
        "Live" once the gate lets it through, else "Scheduled" and/or "Embargoed"; never a time
        that has not happened as if it had.
        """
        now = now or timezone.now()
        times = []
        if self.status == StoryStatus.PUBLISHED:
            scheduled = self.publish_at is not None and self.publish_at > now
            embargoed = self.embargo_until is not None and self.embargo_until > now
            if scheduled:
                times.append(("goes live", self.publish_at))
            if embargoed:
                times.append(("embargoed until", self.embargo_until))
            label = {
                (True, True): "Scheduled and embargoed",
                (True, False): "Scheduled",
                (False, True): "Embargoed",
                (False, False): "Live",
            }[scheduled, embargoed]
            return StoryState(label, tuple(times))
        if self.status == StoryStatus.SUBMITTED and self.submitted_at:
            times.append(("submitted", self.submitted_at))
        elif self.status == StoryStatus.WITHDRAWN and self.withdrawn_at:
            times.append(("withdrawn", self.withdrawn_at))
        elif self.status == StoryStatus.DRAFT and self.embargo_until and self.embargo_until > now:
            times.append(("embargoed until", self.embargo_until))
        return StoryState(self.get_status_display(), tuple(times))

    @property
    def shown_updated_at(self):
        """The update time readers see: only when it is later than the publish time."""
        if self.updated_at and self.publish_at and self.updated_at > self.publish_at:
            return self.updated_at
        return None

    @property
    def modified_for_readers(self):
        """When the story last changed for readers: its shown update time, else its publish time."""
        return self.shown_updated_at or self.publish_at

    def body_with_photos(self):
        """Body blocks with the story's photos where they stand: see models.body.photos_in_place."""
        return photos_in_place(self.body_blocks, list(self.placements.all()))


def _copy_story_publish_time(row, story_id, update_fields) -> None:
    """Set a byline's or tag's copy of its story's publish time, to be read in the row's own INSERT or UPDATE.

    A subquery rather than the value on a story instance, which may be older than the database's;
    the database returns the value it wrote onto the instance.
    """
    if update_fields is None or "publish_at" in update_fields:
        row.publish_at = Subquery(Story.objects.filter(pk=story_id).values("publish_at")[:1])


# The copy of the story's time is derived data: revisions leave it out, and a restore copies it again.
@reversion.register(exclude=["publish_at"])
class Byline(models.Model):
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey("articles.Author", on_delete=models.PROTECT, related_name="bylines")
    order = models.PositiveSmallIntegerField(default=0)
    # A copy of story.publish_at (see Story.copy_publish_time): the author page's order, by index.
    publish_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["story", "author"], name="byline_author_once_per_story")]
        indexes = [models.Index(fields=["author", "-publish_at", "-story"], name="byline_author_newest")]

    def __str__(self):
        return f"{self.author} on {self.story}"

    def save(self, *args, **kwargs):
        _copy_story_publish_time(self, self.story_id, kwargs.get("update_fields"))
        super().save(*args, **kwargs)


@reversion.register()
class Placement(models.Model):
    """A photo placed in a story's body; the caption here overrides the photo's default."""

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="placements")
    photo = models.ForeignKey("articles.Photo", on_delete=models.PROTECT, related_name="placements")
    # Both kept in step with the figures in the body by stories.placements.placements_sync.
    paragraph = models.PositiveSmallIntegerField(
        "after paragraph",
        default=1,
        help_text="The photo appears after this paragraph of the body (0 puts it before the first).",
    )
    order = models.PositiveSmallIntegerField(default=0)
    caption = models.TextField(blank=True, help_text="Leave empty to use the photo's own caption.")

    class Meta:
        ordering = ["paragraph", "order", "pk"]

    def __str__(self):
        return f"{self.photo} in {self.story}"

    @property
    def shown_caption(self) -> str:
        return self.caption or self.photo.caption


@reversion.register(exclude=["publish_at"])
class TaggedStory(TaggedItemBase):
    """django-taggit through model with a real foreign key, so tag joins stay indexable."""

    content_object = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="tagged_items")
    # A copy of story.publish_at (see Story.copy_publish_time): the tag page's order and the
    # related stories' time window, by index. taggit's add() and set() create rows through save().
    publish_at = models.DateTimeField(null=True, editable=False)

    class Meta:
        verbose_name = "story tag"
        constraints = [models.UniqueConstraint(fields=["content_object", "tag"], name="story_tag_once")]
        indexes = [models.Index(fields=["tag", "-publish_at", "-content_object"], name="tagged_story_tag_newest")]

    def save(self, *args, **kwargs):
        _copy_story_publish_time(self, self.content_object_id, kwargs.get("update_fields"))
        super().save(*args, **kwargs)
