"""Models into the API's dicts (see schemas.py), from querysets that fetched everything beforehand.

Nothing here queries the database when given stories from stories_for_list() or
story_for_detail(): each function reads what those prefetched.
"""

from django.db.models import Prefetch
from django.utils import timezone

from articles.api.blocks import body_as_blocks
from articles.models import Byline, Story, TaggedStory
from articles.paths import absolute_url, path_to
from articles.photos.public import is_public, public_renditions


def stories_for_list(now=None):
    """Live stories for list answers: section, lead photo, bylines with authors, tags."""
    return (
        Story.objects.live(now)
        .select_related("section", "lead_photo")
        .defer("body", "body_blocks", "desk_note")
        .prefetch_related(
            Prefetch("bylines", queryset=Byline.objects.select_related("author")),
            Prefetch("tagged_items", queryset=TaggedStory.objects.select_related("tag").order_by("tag__name")),
        )
    )


def story_for_detail(now=None):
    """Live stories with everything the full answer shows (the story page's own queryset)."""
    return Story.objects.live(now).for_story_page()


def section_data(section) -> dict:
    return {
        "id": section.pk,
        "name": section.name,
        "slug": section.slug,
        "description": section.description,
        "url": absolute_url(section.get_absolute_url()),
    }


def author_data(author) -> dict:
    return {
        "id": author.pk,
        "name": author.name,
        "slug": author.slug,
        "url": absolute_url(author.get_absolute_url()),
        "kind": author.kind,
        "affiliation": author.affiliation,
        "role": author.role,
    }


def tag_data(tag) -> dict:
    return {
        "id": tag.pk,
        "name": tag.name,
        "slug": tag.slug,
        "url": absolute_url(path_to("articles:tag", slug=tag.slug)),
    }


def photo_data(photo, *, caption: str | None = None) -> dict | None:
    """A photo as readers may see it (renditions only, never the original), or None when it may not be shown."""
    if not is_public(photo):
        return None
    return {
        "id": photo.pk,
        "caption": caption if caption is not None else photo.caption,
        "alt_text": photo.alt_text,
        "credit": photo.credit_line,
        "width": photo.width,
        "height": photo.height,
        "digital_source_type": photo.digital_source_type or None,
        "renditions": public_renditions(photo),
    }


def correction_data(correction) -> dict:
    return {
        "id": correction.pk,
        "story_id": correction.story_id,
        "kind": correction.kind,
        "text": correction.text,
        "published_at": correction.published_at,
    }


def first_published(story):
    return story.originally_published_at or story.first_published_at or story.publish_at


def story_summary(story) -> dict:
    return {
        "id": story.pk,
        "headline": story.headline,
        "short_headline": story.short_headline,
        "standfirst": story.standfirst,
        "url": absolute_url(story.get_absolute_url()),
        "section": section_data(story.section),
        "bylines": [author_data(byline.author) for byline in story.bylines.all()],
        "tags": [tag_data(item.tag) for item in story.tagged_items.all()],
        "published_at": story.publish_at,
        "first_published_at": first_published(story),
        "updated_at": story.shown_updated_at,
        "lead_photo": photo_data(story.lead_photo) if story.lead_photo_id else None,
    }


def story_photos(story) -> list[dict]:
    """The lead photo and every placed photo readers may see, each once, in reading order."""
    found, seen = [], set()
    candidates = [(story.lead_photo, None)] if story.lead_photo_id else []
    candidates += [(placement.photo, placement.shown_caption) for placement in story.placements.all()]
    for photo, caption in candidates:
        data = photo_data(photo, caption=caption) if photo.pk not in seen else None
        if data is not None:
            seen.add(photo.pk)
            found.append(data)
    return found


def shown_corrections(story, now=None) -> list:
    """The story's corrections readers can see (prefetched, oldest first)."""
    now = now or timezone.now()
    return [correction for correction in story.corrections.all() if correction.published_at <= now]


def story_detail(story) -> dict:
    return {
        **story_summary(story),
        "dateline": story.dateline,
        "credit": story.credit_line,
        "additional_reporting": story.additional_reporting,
        "body": story.body,
        "blocks": body_as_blocks(story),
        "photos": story_photos(story),
        "corrections": [correction_data(c) for c in shown_corrections(story)],
    }
