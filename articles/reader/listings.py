from django.conf import settings
from django.core.paginator import InvalidPage
from django.db import connections
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.views.generic import (
    ArchiveIndexView,
    ListView,
    MonthArchiveView,
    TemplateView,
    YearArchiveView,
)
from taggit.models import Tag

from articles.models import Author, Correction, Section, Story
from articles.models.story import attach_byline_names
from articles.photos.public import is_public
from articles.reader import fragments, seo, surrogate
from articles.reader.pagination import UncountedPaginator

HOME_TOP_STORIES = 4
CORRECTIONS_PER_PAGE = 30
HOME_LATEST = 12
HOME_STORIES_PER_SECTION = 4
# What a card shows (articles/templatetags/cards.py) and the gate checks: nothing else is read from
# the database, since turning each column into Python (dates above all) is most of a listing's cost.
LISTING_FIELDS = (
    *("headline", "short_headline", "slug", "standfirst", "status", "publish_at", "embargo_until"),
    *("section_id", "lead_photo_id"),
    *("section__name", "section__slug", "section__position"),
    *("lead_photo__renditions", "lead_photo__rights_expire_on", "lead_photo__alt_text"),
    "lead_photo__digital_source_type",
)


class LiveStoriesMixin:
    """Every public list starts at the visibility gate and pages the same way: newer and older, uncounted."""

    paginator_class = UncountedPaginator
    # A list that must not be shown empty (a tag only on unpublished stories) is a 404 instead.
    empty_is_missing = False

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_STORIES_PER_PAGE

    def paginate_queryset(self, queryset, page_size):
        """The requested page, or 404 for a malformed, out-of-range or (if empty_is_missing) empty one."""
        paginator = self.get_paginator(queryset, page_size, allow_empty_first_page=not self.empty_is_missing)
        number = self.kwargs.get(self.page_kwarg) or self.request.GET.get(self.page_kwarg) or 1
        try:
            page = paginator.page(number)
        except InvalidPage:
            raise Http404("No such page.") from None
        attach_byline_names(page.object_list)
        fragments.attach_cards(page.object_list)
        return paginator, page, page.object_list, page.has_other_pages()

    def live_stories(self):
        return Story.objects.live().for_cards().only(*LISTING_FIELDS)


def newest_per_section(section_ids, *, exclude_pks=(), per_section: int = HOME_STORIES_PER_SECTION) -> RawSQL:
    """A subquery: the ids of the newest live stories of each section, at most ``per_section`` each.

    A UNION ALL of one small query per section, each walking the section's (section, -publish_at)
    index from now backwards and stopping after ``per_section`` rows, so its cost follows the
    number of sections, not the size of the archive. The per-section query is the ORM's own (the
    visibility gate included), compiled once and given each section's id in turn.
    """
    marker = -1  # no section has this id: it marks where each section's id goes in the parameters
    newest = (
        Story.objects.live()
        .filter(section_id=marker)
        .exclude(pk__in=exclude_pks)
        .order_by("-publish_at", "-pk")
        .values_list("pk", flat=True)[:per_section]
    )
    sql, params = newest.query.get_compiler(connection=connections[newest.db]).as_sql()
    at = params.index(marker)
    union = " UNION ALL ".join(f"SELECT * FROM ({sql}) AS section_{n}" for n in range(len(section_ids)))
    return RawSQL(union, [value for pk in section_ids for value in (*params[:at], pk, *params[at + 1 :])])


def section_blocks(sections, *, exclude_pks=(), per_section: int = HOME_STORIES_PER_SECTION):
    """The newest live stories of each of ``sections``, at most ``per_section`` each, in their order.

    Two queries however many sections there are: the stories (through newest_per_section) and their
    bylines. A section with no live story gets no block.
    """
    if not sections:
        return []
    ids = newest_per_section([section.pk for section in sections], exclude_pks=exclude_pks, per_section=per_section)
    by_section: dict[int, list] = {}
    stories = list(Story.objects.live().filter(pk__in=ids).for_cards().only(*LISTING_FIELDS))
    attach_byline_names(stories)
    fragments.attach_cards(stories)
    for story in stories:
        by_section.setdefault(story.section_id, []).append(story)
    return [(section, by_section[section.pk]) for section in sections if section.pk in by_section]


class HomeView(LiveStoriesMixin, TemplateView):
    """The lead story (the newest with a photo), top stories, the latest, and a block per section."""

    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = list(Section.objects.all())
        stories = list(self.live_stories()[: 1 + HOME_TOP_STORIES + HOME_LATEST])
        attach_byline_names(stories)
        fragments.attach_cards(stories)
        lead = next((story for story in stories if is_public(story.lead_photo)), stories[0] if stories else None)
        rest = [story for story in stories if story is not lead]
        top = rest[:HOME_TOP_STORIES]
        context.update(
            lead=lead,
            top_stories=top,
            latest=rest[HOME_TOP_STORIES:],
            # One query for the sections, shared by the navigation and the blocks.
            nav_sections=sections,
            section_blocks=section_blocks(sections, exclude_pks=[story.pk for story in [lead, *top] if story]),
            page_description=f"News from Port Halden and around the bay, from {settings.NEWSROOM_SITE_NAME}.",
            structured_data=[seo.website()],
        )
        return context


class SectionView(LiveStoriesMixin, ListView):
    template_name = "articles/section.html"
    context_object_name = "stories"

    def get_queryset(self):
        # One query for every section: the navigation's, and this one's (there are a few dozen at most).
        self.sections = list(Section.objects.all())
        self.section = next((s for s in self.sections if s.slug == self.kwargs["slug"]), None)
        if self.section is None:
            raise Http404("No such section.")
        surrogate.add(f"section-{self.section.pk}")
        return self.live_stories().filter(section=self.section)

    def get_context_data(self, **kwargs):
        section = self.section
        return super().get_context_data(
            nav_sections=self.sections,
            section=section,
            current_section=section.slug,
            page_title=section.name,
            page_description=section.description or f"{section.name} from {settings.NEWSROOM_SITE_NAME}.",
            structured_data=[
                seo.breadcrumbs([("Home", "/"), (section.name, section.get_absolute_url())]),
            ],
            **kwargs,
        )


class TagView(LiveStoriesMixin, ListView):
    """A tag's live stories, newest first.

    Ordered by the tag rows' copy of the publish time, which the index (tag, -publish_at, -story)
    holds in page order: a page reads its rows from the index instead of sorting all the tag's
    stories. The copy also skips stories due later; live() still decides what is shown.
    """

    template_name = "articles/tag.html"
    context_object_name = "stories"
    # A tag only on unpublished stories is not shown: its name could give a story away.
    empty_is_missing = True

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        surrogate.add(f"tag-{self.tag.pk}")
        return (
            self.live_stories()
            .filter(tagged_items__tag=self.tag, tagged_items__publish_at__lte=timezone.now())
            .order_by("-tagged_items__publish_at", "-tagged_items__content_object_id")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            tag=self.tag,
            page_title=self.tag.name,
            page_description=f"Stories about {self.tag.name} from {settings.NEWSROOM_SITE_NAME}.",
            **kwargs,
        )


class AuthorView(LiveStoriesMixin, ListView):
    template_name = "articles/author.html"
    context_object_name = "stories"

    def get_queryset(self):
        self.author = get_object_or_404(Author.objects.select_related("photo"), slug=self.kwargs["slug"])
        surrogate.add(f"author-{self.author.pk}")
        # Newest first by the bylines' copy of the publish time, from the index (author, -publish_at, -story).
        return (
            self.live_stories()
            .filter(bylines__author=self.author, bylines__publish_at__lte=timezone.now())
            .order_by("-bylines__publish_at", "-bylines__story_id")
        )

    def get_context_data(self, **kwargs):
        author = self.author
        summary = author.bio or (f"{author.name}, {author.role}" if author.role else author.name)
        return super().get_context_data(
            author=author,
            page_title=author.name,
            page_description=summary,
            page_image=author.photo,
            structured_data=[seo.author_profile(author)],
            **kwargs,
        )


class ArchiveMixin(LiveStoriesMixin):
    """Browse live stories by publish date, in the desk's time zone."""

    date_field = "publish_at"
    context_object_name = "stories"
    # The gate already hides the future; this keeps the date views from building links to it.
    allow_future = False

    def get_queryset(self):
        return self.live_stories()

    def get_dated_items(self):
        try:
            return super().get_dated_items()
        except (ValueError, OverflowError):
            # A year or month at the edge of the calendar (9999, 0) cannot name a range of dates.
            raise Http404("No such date.") from None


class ArchiveIndex(ArchiveMixin, ArchiveIndexView):
    template_name = "articles/archive.html"
    date_list_period = "month"
    allow_empty = True
    extra_context = {"page_title": "Archive", "page_description": "Every story we have published, month by month."}


class ArchiveYear(ArchiveMixin, YearArchiveView):
    template_name = "articles/archive_year.html"
    make_object_list = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = context["year"].year
        context.update(page_title=f"Archive: {year}", page_description=f"Stories published in {year}.")
        return context


class ArchiveMonth(ArchiveMixin, MonthArchiveView):
    template_name = "articles/archive_month.html"
    month_format = "%m"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        label = f"{context['month']:%B %Y}"
        context.update(page_title=f"Archive: {label}", page_description=f"Stories published in {label}.")
        return context


class CorrectionListView(ListView):
    """Every correction and clarification to a live story, newest first."""

    template_name = "articles/corrections.html"
    context_object_name = "corrections"
    paginate_by = CORRECTIONS_PER_PAGE

    def get_queryset(self):
        return (
            Correction.objects.filter(story__in=Story.objects.live())
            .select_related("story__section")
            .only(
                "kind",
                "text",
                "published_at",
                "story__headline",
                "story__slug",
                "story__section__slug",
                "story__section__name",
            )
            .order_by("-published_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        surrogate.add(*(f"story-{correction.story_id}" for correction in context["corrections"]))
        context.update(
            page_title="Corrections and clarifications",
            page_description=f"Every correction and clarification {settings.NEWSROOM_SITE_NAME} has published.",
        )
        return context
