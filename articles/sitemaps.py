"""Sitemaps for search engines, and robots.txt pointing at them.

Built on Django's sitemaps framework, without the Sites framework: every URL is
made from settings.NEWSROOM_SITE_URL, whatever host the request came in on.

    /sitemap.xml                 the index: one entry per page of each sitemap below
    /sitemap-stories.xml?p=N     live stories, split at `StorySitemap.limit`, with lastmod and the lead photo
    /sitemap-news.xml            Google News: live stories of the last 48 hours, at most 1,000
    /sitemap-sections.xml, -tags.xml, -authors.xml, -pages.xml
    /robots.txt

Each response costs a fixed number of queries: no per-item queries, and no
prefetch either (a 50,000-story page would need more query parameters than
SQLite allows in one IN list).
"""

from __future__ import annotations

from datetime import timedelta
from functools import cached_property
from math import ceil
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.db.models import Count, Exists, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag

from articles.feeds import absolute_url, lead_image_url, story_updated_at
from articles.models import Author, Section, Story

# What story_updated_at() computes, as SQL, for the index's lastmod.
STORY_LASTMOD = Greatest("publish_at", Coalesce("updated_at", "publish_at"))


def _to_second(value):
    """Sitemaps show times to the second; the database keeps microseconds."""
    return value.replace(microsecond=0) if value is not None else None


def news_language() -> str:
    """The site's language as Google News wants it: ISO 639 (e.g. en), except zh-cn and zh-tw."""
    code = settings.LANGUAGE_CODE.lower()
    if code in {"zh-cn", "zh-tw"}:
        return code
    return code.split("-")[0]


class SiteSitemap(Sitemap):
    """Absolute URLs on the configured site URL. Subclasses pass their class, not an instance,
    to the views, so per-request state (`latest_lastmod`) never outlives a request."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.NEWSROOM_SITE_URL).scheme

    def get_domain(self, site=None):
        parts = urlsplit(settings.NEWSROOM_SITE_URL)
        return parts.netloc + parts.path

    def index_summary(self) -> dict:
        """{"count": URLs in this sitemap, "latest": newest lastmod or None}, in one query, for the index."""
        raise NotImplementedError

    def get_latest_lastmod(self):
        # Django's default computes lastmod for every item; one aggregate does the same job.
        return _to_second(self.index_summary()["latest"])


def _live_story_rows():
    return (
        Story.objects.live()
        .select_related("section", "lead_photo")
        .defer("body", "body_blocks", "lead_photo__metadata")
    )


class StorySitemap(SiteSitemap):
    # sitemaps.org allows 50,000 URLs per file; more stories spill onto ?p=2 and so on.
    limit = 50_000

    def items(self):
        # By id, so a newly published story lands on the last page instead of shifting every page.
        return _live_story_rows().order_by("pk")

    def lastmod(self, story):
        return _to_second(story_updated_at(story))

    def index_summary(self):
        return self.items().aggregate(count=Count("pk"), latest=Max(STORY_LASTMOD))

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            image = lead_image_url(url["item"])
            url["images"] = [image] if image else []
        return urls


class NewsSitemap(StorySitemap):
    """Google News: live stories published in the last 48 hours, newest first, at most 1,000."""

    limit = 1_000
    window = timedelta(hours=48)

    def items(self):
        now = timezone.now()
        return _live_story_rows().filter(publish_at__gte=now - self.window).order_by("-publish_at", "-pk")[: self.limit]

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

    def queryset(self):
        raise NotImplementedError

    def _live_stories(self):
        # Through the one gate, correlated with the listed object.
        return Story.objects.live().filter(**{self.story_lookup: OuterRef("pk")})

    def _newest_publish_time(self) -> Subquery:
        return Subquery(self._live_stories().order_by("-publish_at").values("publish_at")[:1])

    def _listed(self):
        return self.queryset().filter(Exists(self._live_stories()))

    def items(self):
        return self._listed().annotate(latest=self._newest_publish_time())

    def lastmod(self, obj):
        return _to_second(obj.latest)

    def index_summary(self):
        # The newest listed page's lastmod is simply the newest live story that has such a page:
        # one indexed MAX, where a per-object subquery took over 30 s on PostgreSQL at 5,000 tags.
        newest = Story.objects.live().filter(**{f"{self.story_lookup}__isnull": False})
        return {
            "count": self._listed().order_by().count(),
            "latest": newest.aggregate(latest=Max("publish_at"))["latest"],
        }


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

    def index_summary(self):
        return {"count": len(self.items()), "latest": self._latest}


# Name → class; the name is the file's: /sitemap-<name>.xml.
SITEMAPS = {
    "pages": PageSitemap,
    "news": NewsSitemap,
    "stories": StorySitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}


def _no_index(response):
    # Search engines should read sitemaps, not list them in results.
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response


def sitemap_index(request):
    """Every page of every sitemap that has URLs; one query per sitemap."""
    entries = []
    for name, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        summary = sitemap.index_summary()
        if not summary["count"]:
            # An empty <urlset> is not a valid sitemap; list it once it has something.
            continue
        location = absolute_url(reverse("articles:sitemap_section", kwargs={"section": name}))
        lastmod = _to_second(summary["latest"])
        entries.append({"location": location, "lastmod": lastmod})
        for page in range(2, ceil(summary["count"] / sitemap.limit) + 1):
            entries.append({"location": f"{location}?p={page}", "lastmod": lastmod})
    return _no_index(
        TemplateResponse(request, "sitemaps/index.xml", {"sitemaps": entries}, content_type="application/xml")
    )


def sitemap_section(request, section):
    """One page (?p=N) of one sitemap; an unknown name or page is a 404."""
    return sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section, template_name="sitemaps/sitemap.xml")


def robots_txt(request):
    return TemplateResponse(
        request,
        "robots.txt",
        {"sitemap_index_url": absolute_url(reverse("articles:sitemap_index"))},
        content_type="text/plain; charset=utf-8",
    )
