"""The shapes the API reads and writes: these generate the OpenAPI document and validate requests.

Every request body forbids fields it does not know, so a misspelt field is a 422 naming it rather
than a silently ignored change.
"""

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import ConfigDict, Field


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class Problem(Schema):
    type: str
    title: str
    status: int
    detail: str
    errors: dict | list | None = None


class SectionOut(Schema):
    id: int
    name: str
    slug: str
    description: str
    url: str


class AuthorOut(Schema):
    id: int
    name: str
    slug: str
    url: str
    kind: str
    affiliation: str
    role: str


class TagOut(Schema):
    id: int
    name: str
    slug: str
    url: str


class Rendition(Schema):
    slot: str
    format: str
    width: int
    height: int
    url: str


class PhotoOut(Schema):
    id: int
    caption: str
    alt_text: str
    credit: str
    width: int
    height: int
    digital_source_type: str | None
    renditions: list[Rendition]


class BlockPhoto(Schema):
    id: int
    caption: str
    credit: str
    alt_text: str
    digital_source_type: str | None
    renditions: list[Rendition]


class Block(Schema):
    type: Literal["paragraph", "subheading", "list", "quote", "photo"]
    html: str | None = None
    text: str | None = None
    level: int | None = None
    ordered: bool | None = None
    items: list[str] | None = None
    photo: BlockPhoto | None = None


class CorrectionOut(Schema):
    id: int
    story_id: int
    kind: str
    text: str
    published_at: datetime


class StorySummary(Schema):
    id: int
    headline: str
    short_headline: str
    standfirst: str
    url: str
    section: SectionOut
    bylines: list[AuthorOut]
    tags: list[TagOut]
    published_at: datetime
    first_published_at: datetime
    updated_at: datetime | None
    lead_photo: PhotoOut | None


class StoryOut(StorySummary):
    dateline: str
    credit: str
    additional_reporting: str
    body: str
    blocks: list[Block]
    photos: list[PhotoOut]
    corrections: list[CorrectionOut]


class StoryPage(Schema):
    items: list[StorySummary]
    next_cursor: str | None


class CorrectionPage(Schema):
    items: list[CorrectionOut]
    next_cursor: str | None


class PhotoPage(Schema):
    items: list[PhotoOut]
    next_cursor: str | None


# --- The desk (write API) -------------------------------------------------------------


class DeskStoryOut(Schema):
    id: int
    version: int
    status: str
    state: str
    headline: str
    standfirst: str
    body: str
    section: str | None
    tags: list[str]
    bylines: list[str]
    dateline: str
    credit: str
    desk_note: str
    publish_at: datetime | None
    embargo_until: datetime | None
    url: str


class StoryIn(Strict):
    headline: str = Field(min_length=1, max_length=200)
    standfirst: str = Field("", max_length=400)
    body: str = Field("", max_length=500_000)
    section: str = Field(min_length=1, max_length=100, description="The section's slug.")
    tags: list[str] = Field(default_factory=list, max_length=50)
    bylines: list[str] = Field(default_factory=list, max_length=20, description="Authors' slugs, in byline order.")
    dateline: str = Field("", max_length=100)
    credit: str = Field("", max_length=200)
    desk_note: str = Field("", max_length=10_000)


class StoryPatch(Strict):
    headline: str | None = Field(None, min_length=1, max_length=200)
    standfirst: str | None = Field(None, max_length=400)
    body: str | None = Field(None, max_length=500_000)
    section: str | None = Field(None, min_length=1, max_length=100)
    tags: list[str] | None = Field(None, max_length=50)
    bylines: list[str] | None = Field(None, max_length=20)
    dateline: str | None = Field(None, max_length=100)
    credit: str | None = Field(None, max_length=200)
    desk_note: str | None = Field(None, max_length=10_000)


class PublishIn(Strict):
    publish_at: datetime | None = Field(None, description="A future time schedules the story; empty publishes now.")


class ScheduleIn(Strict):
    publish_at: datetime


class CorrectionIn(Strict):
    text: str = Field(min_length=1, max_length=5000)
    kind: Literal["correction", "clarification"] = "correction"


class PhotoCreated(Schema):
    id: int
    caption: str
    alt_text: str
    credit: str
    photographer: str
    source: str
    width: int
    height: int
    digital_source_type: str | None
    renditions: list[Rendition]
