"""Sitemaps for search engines, and robots.txt pointing at them.

Built on Django's sitemaps framework, without the Sites framework: every URL is
made from settings.NEWSROOM_SITE_URL, whatever host the request came in on.

    /sitemap.xml                 the index: each page of each sitemap below, with its own lastmod
    /sitemap-stories.xml?p=N     live stories with ids in the Nth block of NEWSROOM_SITEMAP_PAGE_SIZE,
                                 with lastmod and the lead photo
    /sitemap-news.xml            Google News: live stories of the last 48 hours, at most 1,000
    /sitemap-sections.xml, -tags.xml, -authors.xml, -pages.xml
    /robots.txt

The Sitemap classes choose the items, their locations and lastmods and the
pages; the XML is written by Django's SimplerXMLGenerator (as the feeds are),
not the template engine, which took about 14 s for 50,000 story URLs.

Each response costs a fixed number of queries: no per-item queries, and no
prefetch either (a large page would need more query parameters than SQLite
allows in one IN list).
"""

from __future__ import annotations

from abc import ABCMeta, abstractmethod
from datetime import datetime, timedelta
from functools import cached_property
from io import StringIO
from math import ceil
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.exceptions import ImproperlyConfigured
from django.core.paginator import EmptyPage, Page, PageNotAnInteger
from django.db.models import Count, F, Max
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.utils.xmlutils import SimplerXMLGenerator
from taggit.models import Tag

from articles.models import Author, Section, Story
from articles.reader.feeds import absolute_url, lead_image_url, story_updated_at

# sitemaps.org: at most 50,000 URLs in one sitemap file (and 50,000 sitemaps in one index).
PROTOCOL_MAX_URLS = 50_000

# What story_updated_at() computes, as SQL, for the index's lastmod.
STORY_LASTMOD = Greatest("publish_at", Coalesce("updated_at", "publish_at"))

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
URLSET_NAMESPACES = {
    "xmlns": SITEMAP_NS,
    "xmlns:image": "http://www.google.com/schemas/sitemap-image/1.1",
    "xmlns:news": "http://www.google.com/schemas/sitemap-news/0.9",
}


def _to_second(value):
    """Sitemaps show times to the second; the database keeps microseconds."""
    return value.replace(microsecond=0) if value is not None else None


def news_language() -> str:
    """The site's language as Google News wants it: ISO 639 (e.g. en), except zh-cn and zh-tw."""
    code = settings.LANGUAGE_CODE.lower()
    if code in {"zh-cn", "zh-tw"}:
        return code
    return code.split("-")[0]


def story_page_size() -> int:
    """NEWSROOM_SITEMAP_PAGE_SIZE, refused when the protocol could not hold a page that size."""
    size = settings.NEWSROOM_SITEMAP_PAGE_SIZE
    if not 1 <= size <= PROTOCOL_MAX_URLS:
        raise ImproperlyConfigured(
            f"NEWSROOM_SITEMAP_PAGE_SIZE must be between 1 and {PROTOCOL_MAX_URLS:,} (got {size!r})."
        )
    return size


class SiteSitemap(Sitemap, metaclass=ABCMeta):
    """Absolute URLs on the configured site URL. Subclasses pass their class, not an instance,
    to the views, so per-request state (`latest_lastmod`) never outlives a request."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.NEWSROOM_SITE_URL).scheme

    def get_domain(self, site=None):
        parts = urlsplit(settings.NEWSROOM_SITE_URL)
        return parts.netloc + parts.path

    @abstractmethod
    def index_pages(self) -> list[tuple[int, datetime | None]]:
        """(page number, lastmod) of each page that lists something, for the index; a fixed number of queries."""


class IdBlocks:
    """Pages as fixed blocks of ids, a stand-in for Sitemap.paginator: page n holds the items with
    (n - 1) * size < id <= n * size.

    A story stays on the same page for life, so publishing, correcting or withdrawing one story
    changes only its own page (with offsets, a withdrawal would shift every later page), and a page
    is one primary-key range read however deep it is. A block with nothing live is no page.
    """

    def __init__(self, queryset, size: int):
        self.queryset = queryset
        self.size = size

    def page(self, number) -> Page:
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger("The page number is not a whole number.") from None
        # Ids are 64-bit: a larger number would overflow the query, and could hold nothing anyway.
        if not 1 <= number <= (2**63 - 1) // self.size:
            raise EmptyPage("No such page.")
        rows = list(self.queryset.filter(pk__gt=(number - 1) * self.size, pk__lte=number * self.size))
        if not rows:
            raise EmptyPage("Nothing on this page.")
        return Page(rows, number, self)


def _live_story_rows():
    """Live stories with only what an entry shows: the URL's parts, times, headline and lead photo."""
    return (
        Story.objects.live()
        .select_related("section", "lead_photo")
        .only(
            "slug",
            "headline",
            "publish_at",
            "updated_at",
            "section__slug",
            "lead_photo__renditions",
            "lead_photo__rights_expire_on",
        )
    )


def story_sitemap_path(story_id: int) -> str:
    """Path of the story sitemap page that lists this story while it is live."""
    page = (story_id - 1) // story_page_size() + 1
    path = reverse("articles:sitemap_section", kwargs={"section": "stories"})
    return path if page == 1 else f"{path}?p={page}"


class StoryEntries(SiteSitemap):
    """Story URLs with their lastmod and lead photo (Google's image extension)."""

    def lastmod(self, story):
        return _to_second(story_updated_at(story))

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            image = lead_image_url(url["item"])
            url["images"] = [image] if image else []
        return urls


class StorySitemap(StoryEntries):
    """Every live story, in pages of NEWSROOM_SITEMAP_PAGE_SIZE ids (see IdBlocks)."""

    @property
    def limit(self):
        return story_page_size()

    def items(self):
        return _live_story_rows().order_by("pk")

    @property
    def paginator(self):
        return IdBlocks(self.items(), self.limit)

    def index_pages(self):
        # One pass over the live stories, grouped by block: each page gets its own lastmod, so a
        # crawler refetches only the pages that changed.
        blocks = (
            Story.objects.live()
            .annotate(block=(F("pk") - 1) / self.limit)
            .values_list("block")
            .annotate(latest=Max(STORY_LASTMOD))
            .order_by("block")
        )
        return [(block + 1, _to_second(latest)) for block, latest in blocks]


class NewsSitemap(StoryEntries):
    """Google News: live stories published in the last 48 hours, newest first, at most 1,000."""

    limit = 1_000
    window = timedelta(hours=48)

    def items(self):
        now = timezone.now()
        return _live_story_rows().filter(publish_at__gte=now - self.window).order_by("-publish_at", "-pk")[: self.limit]

    def index_pages(self):
        summary = self.items().aggregate(count=Count("pk"), latest=Max(STORY_LASTMOD))
        return [(1, _to_second(summary["latest"]))] if summary["count"] else []

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        publication = {"name": settings.NEWSROOM_SITE_NAME, "language": news_language()}
        for url in urls:
            story = url["item"]
            url["news"] = {
                "publication": publication,
                "publication_date": _to_second(story.publish_at),
                "title": story.headline,
            }
        return urls


class ListingSitemap(SiteSitemap):
    """Pages listing stories: listed while they hold a live story; lastmod is the newest one's publish time."""

    # How a story reaches the listed object, e.g. "section" or "bylines__author".
    story_lookup: str

    @abstractmethod
    def queryset(self):
        """The objects whose pages this sitemap lists (sections, tags or authors)."""

    def _live_stories_listed(self):
        # Through the one gate: live stories that appear on at least one such page.
        return Story.objects.live().filter(**{f"{self.story_lookup}__isnull": False})

    def _newest_by_object(self) -> dict:
        """{pk: publish time of its newest live story} for each object that has one.

        One grouped query that walks the live stories through their covering index, where a
        subquery per object read each of its stories' rows: 1.7 s for 5,000 tags on SQLite.
        """
        # Grouped straight from live(), an outer join: it keeps SQLite walking the stories first. With
        # "IS NOT NULL" on the far side it read bylines by author and each story's row (0.4 s).
        rows = Story.objects.live().values_list(self.story_lookup).annotate(latest=Max("publish_at"))
        newest = dict(rows.order_by())
        newest.pop(None, None)  # stories with no such page, e.g. no tag
        return newest

    def items(self):
        newest = self._newest_by_object()
        listed = []
        for obj in self.queryset():
            if obj.pk in newest:
                obj.latest = newest[obj.pk]
                listed.append(obj)
        return listed

    def lastmod(self, obj):
        return _to_second(obj.latest)

    def index_pages(self):
        # Every page's lastmod is at most the newest live story that has such a page: the first one
        # found walking the live stories newest first (MAX over the join made PostgreSQL read them all).
        newest = self._live_stories_listed().order_by("-publish_at").values_list("publish_at", flat=True).first()
        if newest is None:
            return []
        # All objects fit on one page, as they nearly always do, so only one page can be non-empty:
        # no need to count which of them hold a live story.
        count = self.queryset().count()
        if count > self.limit:
            count = len(self._newest_by_object())
        return [(page, _to_second(newest)) for page in range(1, ceil(count / self.limit) + 1)]


class SectionSitemap(ListingSitemap):
    story_lookup = "section"

    def queryset(self):
        return Section.objects.order_by("position", "name", "pk")


class TagSitemap(ListingSitemap):
    story_lookup = "tagged_items__tag"

    def queryset(self):
        return Tag.objects.order_by("name", "pk")

    def location(self, tag):
        return reverse("articles:tag", kwargs={"slug": tag.slug})


class AuthorSitemap(ListingSitemap):
    story_lookup = "bylines__author"

    def queryset(self):
        return Author.objects.order_by("name", "pk")


class PageSitemap(SiteSitemap):
    """The home page, which changes whenever a story goes live."""

    def items(self):
        return ["articles:home"]

    def location(self, name):
        return reverse(name)

    @cached_property
    def _latest(self):
        return Story.objects.live().aggregate(latest=Max("publish_at"))["latest"]

    def lastmod(self, name):
        return _to_second(self._latest)

    def index_pages(self):
        return [(1, _to_second(self._latest))]


# Name → class; the name is the file's: /sitemap-<name>.xml.
SITEMAPS = {
    "pages": PageSitemap,
    "news": NewsSitemap,
    "stories": StorySitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


# --- Writing the XML -----------------------------------------------------------


def _w3c_datetime(value: datetime) -> str:
    """A W3C datetime with its offset, in the desk's time zone."""
    return timezone.localtime(value).isoformat()


def _write(build) -> bytes:
    out = StringIO()
    xml = SimplerXMLGenerator(out, "utf-8")
    xml.startDocument()
    build(xml)
    xml.endDocument()
    return out.getvalue().encode()


def write_urlset(urls: list[dict]) -> bytes:
    """A <urlset> from Sitemap.get_urls() entries; values are escaped by the generator."""

    def build(xml):
        xml.startElement("urlset", URLSET_NAMESPACES)
        for url in urls:
            xml.startElement("url", {})
            xml.addQuickElement("loc", url["location"])
            if url["lastmod"]:
                xml.addQuickElement("lastmod", _w3c_datetime(url["lastmod"]))
            for image in url.get("images", ()):
                xml.startElement("image:image", {})
                xml.addQuickElement("image:loc", image)
                xml.endElement("image:image")
            if news := url.get("news"):
                xml.startElement("news:news", {})
                xml.startElement("news:publication", {})
                xml.addQuickElement("news:name", news["publication"]["name"])
                xml.addQuickElement("news:language", news["publication"]["language"])
                xml.endElement("news:publication")
                xml.addQuickElement("news:publication_date", _w3c_datetime(news["publication_date"]))
                xml.addQuickElement("news:title", news["title"])
                xml.endElement("news:news")
            xml.endElement("url")
        xml.endElement("urlset")

    return _write(build)


def write_index(entries: list[tuple[str, datetime | None]]) -> bytes:
    """A <sitemapindex> of (location, lastmod) pairs."""

    def build(xml):
        xml.startElement("sitemapindex", {"xmlns": SITEMAP_NS})
        for location, lastmod in entries:
            xml.startElement("sitemap", {})
            xml.addQuickElement("loc", location)
            if lastmod:
                xml.addQuickElement("lastmod", _w3c_datetime(lastmod))
            xml.endElement("sitemap")
        xml.endElement("sitemapindex")

    return _write(build)


# --- Views ---------------------------------------------------------------------


def _xml_response(content: bytes, last_modified: datetime | None = None) -> HttpResponse:
    response = HttpResponse(content, content_type="application/xml")
    if last_modified:
        # For conditional GETs (ConditionalGetMiddleware), as Django's sitemap view does.
        response.headers["Last-Modified"] = http_date(last_modified.timestamp())
    # Search engines should read sitemaps, not list them in results.
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def sitemap_index(request):
    """Every page of every sitemap that has URLs, each with its lastmod; a fixed number of queries."""
    entries = []
    for name, sitemap_class in SITEMAPS.items():
        # An empty <urlset> is not a valid sitemap: a sitemap or page is listed once it has something.
        location = absolute_url(reverse("articles:sitemap_section", kwargs={"section": name}))
        for page, lastmod in sitemap_class().index_pages():
            entries.append((location if page == 1 else f"{location}?p={page}", lastmod))
    return _xml_response(write_index(entries))


def sitemap_section(request, section):
    """One page (?p=N) of one sitemap; an unknown name or page is a 404."""
    sitemap_class = SITEMAPS.get(section)
    if sitemap_class is None:
        raise Http404(f"No sitemap named {section!r}.")
    sitemap = sitemap_class()
    try:
        urls = sitemap.get_urls(page=request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404(str(error)) from None
    # Set by Sitemap.get_urls() when every entry has a lastmod.
    return _xml_response(write_urlset(urls), getattr(sitemap, "latest_lastmod", None))


def robots_txt(request):
    return TemplateResponse(
        request,
        "robots.txt",
        {"sitemap_index_url": absolute_url(reverse("articles:sitemap_index"))},
        content_type="text/plain; charset=utf-8",
    )
