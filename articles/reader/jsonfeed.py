"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1) beside the RSS and Atom feeds, from the same Feed classes.

Each JSON feed asks its RSS twin (articles/reader/feeds.py) for the channel and the entries, so
the three formats never disagree about which stories a feed holds or what they say. Titles, names
and tags are plain strings (JSON escapes them; no HTML); only content_html carries markup.
"""

import json

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import rfc3339_date
from django.utils.html import format_html

from articles.paths import absolute_url
from articles.reader import feeds

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
JSON_FEED_CONTENT_TYPE = "application/feed+json; charset=utf-8"


class JsonFeedView:
    """A view serving `feed_class`'s stories as JSON Feed; `url_name` + "_json" is its own address."""

    def __init__(self, feed_class: type[feeds.LatestStoriesFeed]):
        self.feed = feed_class("rss")
        # Its own address: articles:<url_name>_json.
        self.feed.feed_format = "json"

    def item(self, story) -> dict:
        feed = self.feed
        entry = {
            "id": feed.item_guid(story),
            "url": feed.item_link(story),
            "title": feed.item_title(story),
            "content_html": feed.item_description(story) or format_html("<p>{}</p>", feed.item_title(story)),
            "date_published": rfc3339_date(feed.item_pubdate(story)),
            "date_modified": rfc3339_date(feed.item_updateddate(story)),
            "tags": feed.item_categories(story),
        }
        if story.standfirst:
            entry["summary"] = story.standfirst
        authors = feed.entry_authors(story)
        if authors:
            entry["authors"] = [{"name": author.name, "url": author.url} for author in authors]
        image = feed.entry_image(story)
        if image is not None:
            entry["image"] = image.url
        return entry

    def document(self, obj) -> dict:
        feed = self.feed
        document = {
            "version": JSON_FEED_VERSION,
            "title": feed.title(obj),
            "home_page_url": feed.link(obj),
            "feed_url": feed.feed_url(obj),
            "description": feed.description(obj),
            "language": settings.LANGUAGE_CODE,
            "authors": [{"name": settings.NEWSROOM_SITE_NAME, "url": absolute_url(reverse("articles:home"))}],
            "items": [self.item(story) for story in feed.items(obj)],
        }
        if feeds.websub_hub():
            document["hubs"] = [{"type": "WebSub", "url": feeds.websub_hub()}]
        return document

    def __call__(self, request, slug=None):
        obj = self.feed.get_object(request, slug=slug)
        content = json.dumps(self.document(obj), ensure_ascii=False, separators=(",", ":"))
        return HttpResponse(content, content_type=JSON_FEED_CONTENT_TYPE)
