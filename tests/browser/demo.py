"""A small slice of the demo newsroom for the browser tests.

The full `load_demo` draws and renders 34 photos, which takes about a minute; this takes a few
seconds. It uses the demo's own texts and drawings and the same paths as the desk (the photo
upload service, the publish service), so pages look and validate as they do on the demo site.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.utils import timezone
from PIL import Image

from articles.demo import content, pictures
from articles.models import Author, Byline, Photo, Placement, Section, Story
from articles.photos import services as photo_services
from articles.stories import corrections, workflow

# One story per section, plus a second special report so a section lists more than one.
STORY_SLUGS = [
    "lantern-hill-storm-floods-140-homes",
    "council-harbour-board-old-quay-deal",
    "halden-bank-wind-farm-expansion",
    "athletic-beat-marrowby-3-2",
    "chinese-film-week-opens",
    "port-halden-general-emergency-department",
    "line-3-tram-extension-over-budget",
]
# Small drawings keep rendition-making quick; the page layout is the same.
PHOTO_SIZE = (800, 533)
PORTRAIT_SIZE = 320


@dataclass
class MiniDemo:
    stories: dict[str, Story] = field(default_factory=dict)
    sections: dict[str, Section] = field(default_factory=dict)
    authors: dict[str, Author] = field(default_factory=dict)
    photos: dict[str, Photo] = field(default_factory=dict)

    @property
    def lead(self) -> Story:
        """The newest story: the home page's lead."""
        return self.stories[STORY_SLUGS[0]]


# Photos uploaded earlier in this test run, as saved: {name: field values}. Every transactional test
# empties the tables, but the files stay in the test MEDIA_ROOT, so a later build makes a new row
# pointing at the same original and renditions instead of drawing and resizing them again.
_UPLOADED: dict[str, dict] = {}
_KEPT_FIELDS = ("width", "height", "original_filename", "format", "size_bytes", "sha256", "renditions")


def _upload(draw: Callable[[], Image.Image], name: str, fields: dict) -> Photo:
    if name in _UPLOADED:
        return Photo.objects.create(**_UPLOADED[name], **fields)
    buffer = io.BytesIO()
    draw().save(buffer, "JPEG", quality=80)
    result = photo_services.photo_create(fileobj=buffer, name=name, user=None, overrides=fields)
    assert result.photo is not None, result.error
    _UPLOADED[name] = {"image": result.photo.image.name} | {key: getattr(result.photo, key) for key in _KEPT_FIELDS}
    return result.photo


def _photo(demo: MiniDemo, key: str) -> Photo:
    if key not in demo.photos:
        data = next(item for item in content.PHOTOS if item["key"] == key)
        fields = {name: data[name] for name in ("caption", "alt_text", "photographer", "source", "credit")}
        draw = partial(pictures.draw_scene, data["scene"], data["seed"], *PHOTO_SIZE)
        demo.photos[key] = _upload(draw, f"{key}.jpg", fields)
    return demo.photos[key]


def _author(demo: MiniDemo, slug: str) -> Author:
    if slug not in demo.authors:
        data = next(item for item in content.AUTHORS if item["slug"] == slug)
        portrait = _upload(
            partial(pictures.draw_portrait, data["portrait_seed"], PORTRAIT_SIZE),
            f"portrait-{slug}.jpg",
            {"caption": data["name"], "alt_text": f"Portrait of {data['name']}", "credit": "Staff photographer"},
        )
        demo.authors[slug] = Author.objects.create(
            name=data["name"], slug=slug, role=data["role"], bio=data["bio"], photo=portrait
        )
    return demo.authors[slug]


def build(publisher) -> MiniDemo:
    """Sections, authors, photos and live stories, published by `publisher` through the service."""
    demo = MiniDemo()
    for position, data in enumerate(content.SECTIONS):
        demo.sections[data["slug"]] = Section.objects.create(
            name=data["name"], slug=data["slug"], description=data["description"], position=position
        )
    now = timezone.now()
    for slug in STORY_SLUGS:
        data = next(item for item in content.STORIES if item["slug"] == slug)
        story = Story.objects.create(
            headline=data["headline"],
            slug=slug,
            standfirst=data["standfirst"],
            body=data["body"],
            section=demo.sections[data["section"]],
            credit_line=data.get("credit_line", ""),
            lead_photo=_photo(demo, data["lead_photo"]),
        )
        for order, author_slug in enumerate(data["authors"]):
            Byline.objects.create(story=story, author=_author(demo, author_slug), order=order)
        if slug == STORY_SLUGS[0]:  # one story shows photos between its paragraphs
            for order, placed in enumerate(data.get("photos", [])):
                Placement.objects.create(
                    story=story, photo=_photo(demo, placed["photo"]), paragraph=placed["after_paragraph"], order=order
                )
        story.tags.set(data.get("tags", []))
        workflow.story_publish(
            story=story, user=publisher, publish_at=now - timedelta(hours=data["hours_ago"]), backdate=True
        )
        demo.stories[slug] = story
    # A correction, so the story's foot and the corrections page show one.
    corrections.story_correct(
        story=demo.lead,
        user=publisher,
        text="An earlier version of this story gave the depth of the water in Quarry Lane as 14cm. It was 40cm.",
    )
    return demo
