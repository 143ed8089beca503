"""A live story as IPTC ninjs 3.1 (News in JSON), for partners and agencies' systems.

Served at /api/v1/stories/<id>.ninjs and on the story's own URL to an ``Accept`` of
application/ninjs+json. Pictures readers may see travel as ``associations``, each with its public
renditions and, where the photo desk recorded it, its IPTC digital source type.
"""

from django.conf import settings

from articles import richtext
from articles.api.blocks import plain_text
from articles.api.serialize import first_published, shown_corrections, story_photos
from articles.models import DigitalSourceType
from articles.paths import absolute_url, path_to

NINJS_MEDIA_TYPES = ("application/ninjs+json", "application/vnd.iptc.ninjs+json")
NINJS_CONTENT_TYPE = "application/ninjs+json; charset=utf-8"
DIGITAL_SOURCE_TYPE_URI = "http://cv.iptc.org/newscodes/digitalsourcetype/"
IMAGE_TYPES = {"jpeg": "image/jpeg", "webp": "image/webp", "png": "image/png", "avif": "image/avif"}


def language_tag() -> str:
    """settings.LANGUAGE_CODE as BCP 47 (en-gb becomes en-GB)."""
    language, _, region = settings.LANGUAGE_CODE.partition("-")
    return f"{language}-{region.upper()}" if region else language


def _time(moment) -> str:
    return moment.replace(microsecond=0).isoformat()


def byline_text(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def picture(photo: dict, *, story_uri: str, rel: str) -> dict:
    """An association for one public photo (a dict from serialize.photo_data)."""
    item = {
        "name": f"photo-{photo['id']}",
        "rel": rel,
        "uri": absolute_url(path_to("api-v1:photo_detail", photo_id=photo["id"])),
        "type": "picture",
        "representationType": "partial",
        "renditions": [
            {
                "name": f"{r['slot']}-{r['width']}-{r['format']}",
                "href": r["url"],
                "contentType": IMAGE_TYPES.get(r["format"], "application/octet-stream"),
                "width": r["width"],
                "height": r["height"],
            }
            for r in photo["renditions"]
        ],
    }
    if photo["caption"]:
        item["descriptions"] = [{"role": "caption", "contentType": "text/plain", "value": photo["caption"]}]
    if photo["alt_text"]:
        item.setdefault("descriptions", []).append(
            {"role": "alternative", "contentType": "text/plain", "value": photo["alt_text"]}
        )
    if photo["credit"]:
        item["by"] = photo["credit"]
    code = photo["digital_source_type"]
    if code:
        item["digitalSourceType"] = {
            "uri": DIGITAL_SOURCE_TYPE_URI + code,
            "name": DigitalSourceType(code).label if code in DigitalSourceType.values else code,
        }
    return item


def _tag_subject(tag) -> dict:
    return {"name": tag.name, "rel": "about", "uri": absolute_url(path_to("articles:tag", slug=tag.slug))}


def story_ninjs(story) -> dict:
    """The story (from serialize.story_for_detail()) as a ninjs 3.1 object."""
    uri = absolute_url(path_to("articles:story_shortlink", pk=story.pk))
    names = [byline.author.name for byline in story.bylines.all()]
    item = {
        "uri": uri,
        "type": "text",
        "representationType": "full",
        "profile": "newsroom-story",
        "version": str(story.version),
        "firstCreated": _time(first_published(story)),
        "versionCreated": _time(story.modified_for_readers),
        "pubStatus": "usable",
        "language": language_tag(),
        "copyrightNotice": f"© {settings.NEWSROOM_SITE_NAME}",
        "headlines": [{"role": "main", "contentType": "text/plain", "value": story.headline}],
        "bodies": [
            {
                "role": "main",
                "contentType": "text/html",
                "value": story.body,
                "wordCount": richtext.word_count(story.body),
            },
            {"role": "plain", "contentType": "text/plain", "value": plain_text(story.body)},
        ],
        "subjects": [
            {"name": story.section.name, "rel": "section", "uri": absolute_url(story.section.get_absolute_url())},
            *(
                {
                    "name": tagged.tag.name,
                    "rel": "about",
                    "uri": absolute_url(path_to("articles:tag", slug=tagged.tag.slug)),
                }
                for tagged in story.tagged_items.all()
            ),
        ],
        "renditions": [{"name": "web", "href": absolute_url(story.get_absolute_url()), "contentType": "text/html"}],
    }
    if story.short_headline:
        item["headlines"].append({"role": "short", "contentType": "text/plain", "value": story.short_headline})
    if story.standfirst:
        item["descriptions"] = [{"role": "summary", "contentType": "text/plain", "value": story.standfirst}]
    corrections = shown_corrections(story)
    if corrections:
        item["edNote"] = " ".join(f"{c.get_kind_display()}: {c.text}" for c in corrections)
    if names:
        item["by"] = byline_text(names)
    if story.dateline:
        item["located"] = story.dateline
    photos = story_photos(story)
    if photos:
        item["associations"] = [
            picture(photo, story_uri=uri, rel="lead" if photo["id"] == story.lead_photo_id else "inline")
            for photo in photos
        ]
    return item
