"""RSS 2.0 and Atom feeds of live stories: the whole site, and each section, tag and author.

Built on Django's syndication framework. Every link is absolute and made from
settings.NEWSROOM_SITE_URL, never from the request's Host header, so a feed
fetched through a CDN or an internal address still sends readers to the public
site. Each feed costs the same number of queries however many stories, bylines,
tags and corrections it carries.
"""

from __future__ import annotations

import html
import mimetypes
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, rfc3339_date
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from taggit.models import Tag

from articles.models import Author, Correction, Section, Story, TaggedStory
from articles.paths import absolute_url
from articles.photos.public import public_image_url
from articles.reader import surrogate

MEDIA_RSS_NS = "http://search.yahoo.com/mrss/"
DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/"


# --- Shared with the sitemaps ------------------------------------------------


def story_updated_at(story: Story):
    """When a story last changed for readers: its update time if later than publication, else its publish time."""
    return story.modified_for_readers


def lead_image_url(story: Story) -> str | None:
    """Absolute URL of the story's lead photo as readers may see it, or None when there is none to show.

    The photo desk's module decides what is public (rights, renditions, storage); the original never is.
    """
    url = public_image_url(story.lead_photo) if story.lead_photo else ""
    return absolute_url(url) if url else None


# --- Feed documents ----------------------------------------------------------


@dataclass(frozen=True)
class FeedImage:
    url: str
    mime_type: str
    description: str
    credit: str


@dataclass(frozen=True)
class FeedAuthor:
    name: str
    url: str


def _write_media_content(handler, image: FeedImage | None) -> None:
    if image is None:
        return
    handler.startElement("media:content", {"url": image.url, "medium": "image", "type": image.mime_type})
    if image.description:
        handler.addQuickElement("media:description", image.description, {"type": "plain"})
    if image.credit:
        handler.addQuickElement("media:credit", image.credit)
    handler.endElement("media:content")


# An RSS title carries no type, so readers guess: feedparser, like many, reads one holding a closing
# tag or an entity as HTML. Anything that could be taken for markup is escaped, so the reader shows
# the literal text; everything else is left as typed. Categories and dc:creator are read as text.
_LOOKS_LIKE_MARKUP = re.compile(r"[<>]|&#?\w+;")


def rss_text(value: str) -> str:
    """A plain-text RSS element's content, as readers will show it: the literal text."""
    return html.escape(value, quote=False) if _LOOKS_LIKE_MARKUP.search(value) else value


def websub_hub() -> str:
    """The WebSub hub every feed names (NEWSROOM_WEBSUB_HUB), or "" when there is none."""
    return settings.NEWSROOM_WEBSUB_HUB


class StoryRssFeed(Rss201rev2Feed):
    """RSS 2.0 with every byline as dc:creator, an atom:updated time and the lead photo as media:content.

    Titles go through rss_text; the channel description is HTML by the RSS spec, so it is escaped.
    """

    def __init__(self, title, link, description, *args, **kwargs):
        super().__init__(rss_text(title), link, html.escape(description, quote=False), *args, **kwargs)

    def add_item(self, title, link, description, *args, **kwargs):
        super().add_item(rss_text(title), link, description, *args, **kwargs)

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE_NS, "xmlns:media": MEDIA_RSS_NS}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if websub_hub():
            handler.addQuickElement("atom:link", None, {"rel": "hub", "href": websub_hub()})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author.name)
        if item["updateddate"] is not None:
            # RSS has no update time of its own; the atom namespace is already declared on <rss>.
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        _write_media_content(handler, item["image"])


class StoryAtomFeed(Atom1Feed):
    """Atom with one <author> per byline, in byline order, and the lead photo as media:content."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_RSS_NS}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        if websub_hub():
            handler.addQuickElement("link", "", {"rel": "hub", "href": websub_hub()})

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author.name)
            handler.addQuickElement("uri", author.url)
            handler.endElement("author")
        _write_media_content(handler, item["image"])


GENERATORS = {"rss": StoryRssFeed, "atom": StoryAtomFeed}


# --- Feeds -------------------------------------------------------------------


def feed_stories(now=None):
    """Live stories for a feed, newest first, with everything an entry shows in a fixed number of queries."""
    now = now or timezone.now()
    return (
        Story.objects.live(now)
        .for_listing()
        .defer("body", "body_blocks")
        .prefetch_related(
            # Own attribute names, so these never clash with prefetches for_listing() may gain.
            Prefetch(
                "tagged_items",
                queryset=TaggedStory.objects.select_related("tag").order_by("tag__name"),
                to_attr="feed_tagged_items",
            ),
            Prefetch(
                "corrections",
                queryset=Correction.objects.filter(published_at__lte=now),
                to_attr="feed_corrections",
            ),
        )
    )


class LatestStoriesFeed(Feed):
    """The whole site's newest live stories. Subclasses narrow it to one section, tag or author.

    One class serves both formats: `LatestStoriesFeed("atom")`. Instances are shared
    between requests, so nothing about a request is kept on them.
    """

    url_name = "feed"
    limit = 30

    def __init__(self, feed_format: str = "rss"):
        self.feed_format = feed_format
        self.feed_type = GENERATORS[feed_format]

    def get_object(self, request, slug=None):
        return None

    def narrow(self, stories, obj):
        return stories

    def items(self, obj):
        stories = list(self.narrow(feed_stories(), obj)[: self.limit])
        surrogate.add_stories(stories)
        return stories

    # The channel.

    def heading(self, obj) -> str:
        return "Latest stories"

    def title(self, obj):
        return f"{settings.NEWSROOM_SITE_NAME}: {self.heading(obj)}"

    def link(self, obj):
        return absolute_url(reverse("articles:home"))

    def description(self, obj):
        return f"The latest stories from {settings.NEWSROOM_SITE_NAME}."

    def subtitle(self, obj):
        return self.description(obj)

    def feed_url(self, obj):
        kwargs = {"slug": obj.slug} if obj is not None else {}
        return absolute_url(reverse(f"articles:{self.url_name}_{self.feed_format}", kwargs=kwargs))

    def feed_guid(self, obj):
        return self.feed_url(obj)

    def author_name(self, obj):
        # Atom needs an author for every entry; this covers a story without bylines.
        return settings.NEWSROOM_SITE_NAME

    def feed_copyright(self, obj):
        return f"© {settings.NEWSROOM_SITE_NAME}"

    # Each entry.

    def item_title(self, story):
        return story.headline

    def item_link(self, story):
        return absolute_url(story.get_absolute_url())

    def item_guid(self, story):
        # The short link carries only the story's number: it never changes with the
        # headline, slug or section, and still leads to the story.
        return absolute_url(reverse("articles:story_shortlink", kwargs={"pk": story.pk}))

    def item_guid_is_permalink(self, story):
        return True

    def item_description(self, story):
        parts = [format_html("<p>{}</p>", story.standfirst)] if story.standfirst else []
        parts.append(
            format_html_join(
                "",
                "<p><strong>{} ({}):</strong> {}</p>",
                (
                    (
                        correction.get_kind_display(),
                        date_format(timezone.localtime(correction.published_at), "j F Y"),
                        correction.text,
                    )
                    for correction in story.feed_corrections
                ),
            )
        )
        return "".join(parts)

    def item_pubdate(self, story):
        return story.publish_at.replace(microsecond=0)

    def item_updateddate(self, story):
        return story_updated_at(story).replace(microsecond=0)

    def item_categories(self, story):
        return [story.section.name, *(item.tag.name for item in story.feed_tagged_items)]

    def item_extra_kwargs(self, story):
        return {"authors": self.entry_authors(story), "image": self.entry_image(story)}

    def entry_authors(self, story) -> list[FeedAuthor]:
        return [
            FeedAuthor(name=byline.author.name, url=absolute_url(byline.author.get_absolute_url()))
            for byline in story.bylines.all()
        ]

    def entry_image(self, story) -> FeedImage | None:
        url = lead_image_url(story)
        if url is None:
            return None
        photo = story.lead_photo
        mime_type = mimetypes.guess_type(urlsplit(url).path)[0] or "image/jpeg"
        return FeedImage(
            url=url,
            mime_type=mime_type,
            description=photo.labelled_caption(photo.caption or photo.alt_text),
            credit=photo.credit_line,
        )


class ListingFeed(LatestStoriesFeed):
    """The newest live stories of one section, tag or author, found by the slug in the URL.

    A subclass names its model, the story lookup that narrows to it, and its words; "{name}" in
    them is the object's name and "{site}" the publication's.
    """

    model = None
    story_lookup = ""
    heading_text = "{name}"
    description_text = "The latest {name} stories from {site}."

    key_prefix = ""

    def get_object(self, request, slug=None):
        obj = get_object_or_404(self.model, slug=slug)
        surrogate.add(f"{self.key_prefix}-{obj.pk}")
        return obj

    def narrow(self, stories, obj):
        return stories.filter(**{self.story_lookup: obj})

    def heading(self, obj):
        return self.heading_text.format(name=obj.name)

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def description(self, obj):
        return self.description_text.format(name=obj.name, site=settings.NEWSROOM_SITE_NAME)


class SectionFeed(ListingFeed):
    url_name = "section_feed"
    model = Section
    key_prefix = "section"
    story_lookup = "section"

    def description(self, section):
        return section.description or super().description(section)


class TagFeed(ListingFeed):
    url_name = "tag_feed"
    model = Tag
    key_prefix = "tag"
    story_lookup = "tagged_items__tag"
    heading_text = "Stories tagged {name}"
    description_text = "The latest stories about {name} from {site}."

    def link(self, tag):
        return absolute_url(reverse("articles:tag", kwargs={"slug": tag.slug}))


class AuthorFeed(ListingFeed):
    url_name = "author_feed"
    model = Author
    key_prefix = "author"
    story_lookup = "bylines__author"
    heading_text = "Stories by {name}"
    description_text = "The latest stories by {name} for {site}."
