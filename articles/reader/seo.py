"""What search engines and social sites read about a page: Open Graph, Twitter cards, JSON-LD.

Everything here is built in Python from objects the page has already loaded
(a story fetched with ``for_story_page()``), so it adds no queries, and is
turned into markup by the template tags in ``articles/templatetags/newsroom.py``.
Every URL it hands out is absolute, on the configured ``NEWSROOM_SITE_URL``.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from articles.paths import absolute_url
from articles.photos.public import public_image

SCHEMA_CONTEXT = "https://schema.org"
# The ratios Google asks for in an article's ``image`` list, widest first.
ARTICLE_IMAGE_RATIOS = ("16:9", "4:3", "1:1")
SOCIAL_IMAGE_RATIO = "16:9"
SOCIAL_IMAGE_WIDTH = 1200
DESCRIPTION_LENGTH = 160
# The publisher logo: a square mark drawn for the site (static/img/).
LOGO_PATH = "img/logo.png"
LOGO_SIZE = 512


@dataclass(frozen=True)
class ImageRef:
    url: str
    width: int
    height: int


def isoformat(value) -> str:
    """An aware datetime in the desk's time zone, to the second, for machines."""
    return timezone.localtime(value).isoformat(timespec="seconds")


def language_tag() -> str:
    """LANGUAGE_CODE as a BCP 47 tag, e.g. en-gb → en-GB."""
    language, _, region = settings.LANGUAGE_CODE.partition("-")
    return f"{language}-{region.upper()}" if region else language


def photo_image(photo, *, ratio: str | None = None, width: int = SOCIAL_IMAGE_WIDTH) -> ImageRef | None:
    """An absolute URL and the pixel size of a photo for other sites to show, or None.

    A rendition cropped to ``ratio`` (or uncropped), at least ``width`` wide where the
    original allows. None when the photo may not be shown to readers (its rights have
    expired, or it has no renditions yet). The original file is never offered.
    """
    found = public_image(photo, width=width, ratio=ratio)
    if not found:
        return None
    return ImageRef(absolute_url(found["url"]), found["width"], found["height"])


def article_images(photo) -> list[str]:
    """The lead photo in each ratio Google asks for that exists, widest first, without repeats."""
    urls = []
    for ratio in ARTICLE_IMAGE_RATIOS:
        image = photo_image(photo, ratio=ratio)
        if image and image.url not in urls:
            urls.append(image.url)
    if not urls and (image := photo_image(photo)):
        urls.append(image.url)
    return urls


def story_description(story) -> str:
    """The standfirst, or the start of the first paragraph when there is none."""
    if story.standfirst:
        return story.standfirst
    first = next((block for block in story.body_blocks if block.startswith("<p")), "")
    text = " ".join(strip_tags(first).split())
    return Truncator(text).chars(DESCRIPTION_LENGTH) if text else story.headline


def organization() -> dict:
    """The publisher, as schema.org wants it in every article."""
    return {
        "@type": "NewsMediaOrganization",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": absolute_url("/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(static(LOGO_PATH)),
            "width": LOGO_SIZE,
            "height": LOGO_SIZE,
        },
        "sameAs": [url for _label, url in settings.NEWSROOM_SOCIAL_LINKS],
    }


def breadcrumbs(items: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList from (name, path) pairs, outermost first."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute_url(path)}
            for position, (name, path) in enumerate(items, start=1)
        ],
    }


def story_breadcrumbs(story) -> dict:
    return breadcrumbs(
        [
            ("Home", reverse("articles:home")),
            (story.section.name, story.section.get_absolute_url()),
            (story.headline, story.get_absolute_url()),
        ]
    )


def image_object(photo, caption: str | None = None) -> dict | None:
    """schema.org ImageObject for a photo as a page shows it (None when readers may not see it).

    The caption carries the AI label where the photo needs one, as on the page; `license` is left
    out: the desk's usage terms are words, not a licence URL.
    """
    found = public_image(photo)
    if found is None:
        return None
    data = {
        "@type": "ImageObject",
        "contentUrl": found["url"],
        "url": found["url"],
        "width": found["width"],
        "height": found["height"],
    }
    caption = photo.labelled_caption(caption)
    optional = {
        "caption": caption,
        "creditText": photo.credit_line,
        "creator": {"@type": "Person", "name": photo.photographer} if photo.photographer else None,
        "copyrightNotice": photo.copyright,
        "digitalSourceType": photo.digital_source_type_uri,
    }
    data.update({key: value for key, value in optional.items() if value})
    return data


def story_image_objects(story) -> list[dict]:
    """Every photo the story page shows, lead first then in body order, once each."""
    shown = [(story.lead_photo, None)] if story.lead_photo_id else []
    shown += [(placement.photo, placement.shown_caption) for placement in story.placements.all()]
    objects, seen = [], set()
    for photo, caption in shown:
        if photo.pk in seen:
            continue
        seen.add(photo.pk)
        if found := image_object(photo, caption):
            objects.append(found)
    return objects


def story_article(story, *, corrections=()) -> dict:
    """schema.org NewsArticle for a story, following Google's article structured-data guidance."""
    url = absolute_url(story.get_absolute_url())
    data = {
        "@context": SCHEMA_CONTEXT,
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": story.headline,
        "description": story_description(story),
        "datePublished": isoformat(story.publish_at),
        "dateModified": isoformat(story.modified_for_readers),
        # Agency copy keeps the agency's own time as when the work was made (schema.org dateCreated);
        # datePublished stays this site's publication, the time Google's article guidance asks for.
        **({"dateCreated": isoformat(story.originally_published_at)} if story.originally_published_at else {}),
        "author": [
            {
                "@type": "Person",
                "name": byline.author.name,
                "url": absolute_url(byline.author.get_absolute_url()),
                **({"jobTitle": byline.author.role} if byline.author.role else {}),
            }
            for byline in story.bylines.all()
        ],
        "publisher": organization(),
        "articleSection": story.section.name,
        "keywords": [item.tag.name for item in story.tagged_items.all()],
        "inLanguage": language_tag(),
        "isAccessibleForFree": True,
    }
    images = article_images(story.lead_photo) if story.lead_photo else []
    if images:
        data["image"] = images
    if media := story_image_objects(story):
        data["associatedMedia"] = media
    if story.credit_line:
        data["creditText"] = story.credit_line
    if corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "text": correction.text,
                "datePublished": isoformat(correction.published_at),
            }
            for correction in corrections
        ]
    return data


def social_title(story) -> str:
    """The short headline when the desk wrote one (cards and social posts), else the headline."""
    return story.short_headline or story.headline


def story_open_graph(story) -> list[tuple[str, str, str]]:
    """Open Graph and Twitter card tags as (attribute, key, content) triples."""
    url = absolute_url(story.get_absolute_url())
    description = story_description(story)
    title = social_title(story)
    tags = [
        ("property", "og:type", "article"),
        ("property", "og:site_name", settings.NEWSROOM_SITE_NAME),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", url),
        ("property", "og:locale", language_tag().replace("-", "_")),
        ("property", "article:published_time", isoformat(story.publish_at)),
        ("property", "article:modified_time", isoformat(story.modified_for_readers)),
        ("property", "article:section", story.section.name),
    ]
    tags += [("property", "article:author", absolute_url(b.author.get_absolute_url())) for b in story.bylines.all()]
    tags += [("property", "article:tag", item.tag.name) for item in story.tagged_items.all()]
    tags += [("name", "twitter:title", title), ("name", "twitter:description", description)]
    image = photo_image(story.lead_photo, ratio=SOCIAL_IMAGE_RATIO) if story.lead_photo else None
    if image:
        tags += [
            ("property", "og:image", image.url),
            ("property", "og:image:width", str(image.width)),
            ("property", "og:image:height", str(image.height)),
            ("property", "og:image:alt", story.lead_photo.alt_text),
            ("name", "twitter:card", "summary_large_image"),
            ("name", "twitter:image", image.url),
            ("name", "twitter:image:alt", story.lead_photo.alt_text),
        ]
    else:
        tags.append(("name", "twitter:card", "summary"))
    return tags


def author_profile(author) -> dict:
    """schema.org ProfilePage for an author page."""
    person = {
        "@type": "Person",
        "name": author.name,
        "url": absolute_url(author.get_absolute_url()),
    }
    if author.role:
        person["jobTitle"] = author.role
    if author.bio:
        person["description"] = author.bio
    portrait = photo_image(author.photo, ratio="1:1") if author.photo else None
    if portrait:
        person["image"] = portrait.url
    return {"@context": SCHEMA_CONTEXT, "@type": "ProfilePage", "mainEntity": person}


def website() -> dict:
    """The site and its publisher, for the home page."""
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "WebSite",
        "name": settings.NEWSROOM_SITE_NAME,
        "url": absolute_url("/"),
        "inLanguage": language_tag(),
        "publisher": organization(),
    }


def _mastodon_host() -> str:
    """Share on the instance where the desk has its own account, or on the flagship one."""
    for label, url in settings.NEWSROOM_SOCIAL_LINKS:
        if label.lower() == "mastodon":
            return urlsplit(url).netloc
    return "mastodon.social"


def share_links(story) -> list[tuple[str, str]]:
    """(network, URL) pairs that share the story without any script on our page."""
    url = absolute_url(story.get_absolute_url())
    text = story.headline
    return [
        ("Email", "mailto:?" + urlencode({"subject": text, "body": f"{text}\n\n{url}"}, quote_via=quote)),
        ("Mastodon", f"https://{_mastodon_host()}/share?" + urlencode({"text": f"{text} {url}"}, quote_via=quote)),
        ("Bluesky", "https://bsky.app/intent/compose?" + urlencode({"text": f"{text} {url}"}, quote_via=quote)),
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}, quote_via=quote)),
        ("LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}, quote_via=quote)),
        ("X", "https://x.com/intent/post?" + urlencode({"text": text, "url": url}, quote_via=quote)),
    ]
