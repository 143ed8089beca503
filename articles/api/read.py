"""The read API: live stories, sections, authors, tags, public photos and corrections. No login.

Every story read starts from Story.objects.live(): a draft, scheduled, embargoed or withdrawn
story does not exist here, in a list or alone.
"""

from datetime import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import ConfigDict, Field
from taggit.models import Tag

from articles.api import ninjs, serialize
from articles.api.answers import latest, read_answer
from articles.api.cursor import page
from articles.api.keys import LIST_KEY, story_keys
from articles.api.problems import ApiProblem
from articles.api.schemas import (
    AuthorOut,
    CorrectionPage,
    PhotoOut,
    PhotoPage,
    Problem,
    SectionOut,
    StoryOut,
    StoryPage,
    TagOut,
)
from articles.models import Author, Correction, Photo, Section, Story, TaggedStory
from articles.photos.serving import photo_surrogate_key

router = Router(tags=["read"])

NOT_FOUND = {404: Problem}
NINJS_RESPONSE = {
    "responses": {
        200: {
            "description": "The story as IPTC ninjs 3.1",
            "content": {"application/ninjs+json": {"schema": {"type": "object", "required": ["uri"]}}},
        }
    }
}


class PageParams(Schema):
    model_config = ConfigDict(extra="forbid")

    cursor: str | None = Field(None, max_length=500, description="next_cursor from the previous page.")
    limit: int | None = Field(None, ge=1, description="Items per page (NEWSROOM_API_MAX_PAGE_SIZE at most).")

    def size(self) -> int:
        limit = self.limit or settings.NEWSROOM_API_PAGE_SIZE
        maximum = settings.NEWSROOM_API_MAX_PAGE_SIZE
        if limit > maximum:
            raise ApiProblem(400, f"limit is {limit}; a page holds at most {maximum} items.")
        return limit


class StoryFilters(PageParams):
    section: str | None = Field(None, max_length=100, description="A section's slug.")
    tag: str | None = Field(None, max_length=100, description="A tag's slug.")
    author: str | None = Field(None, max_length=120, description="An author's slug.")
    updated_since: datetime | None = Field(None, description="Only stories published or updated at or after this.")


def not_found(what: str = "story") -> ApiProblem:
    return ApiProblem(404, f"There is no such {what}, or it is not published.")


@router.get("/stories", response={200: StoryPage, 400: Problem, 422: Problem}, summary="Live stories, newest first")
def story_list(request, filters: Query[StoryFilters]):
    stories = serialize.stories_for_list()
    keys = [LIST_KEY]
    if filters.section:
        stories = stories.filter(section__slug=filters.section)
        keys += [f"section-{pk}" for pk in Section.objects.filter(slug=filters.section).values_list("pk", flat=True)]
    if filters.tag:
        tagged = TaggedStory.objects.filter(content_object=OuterRef("pk"), tag__slug=filters.tag)
        stories = stories.filter(Exists(tagged))
        keys += [f"tag-{pk}" for pk in Tag.objects.filter(slug=filters.tag).values_list("pk", flat=True)]
    if filters.author:
        stories = stories.filter(bylines__author__slug=filters.author)
        keys += [f"author-{pk}" for pk in Author.objects.filter(slug=filters.author).values_list("pk", flat=True)]
    if filters.updated_since:
        since = filters.updated_since
        if timezone.is_naive(since):
            since = timezone.make_aware(since)
        stories = stories.filter(Q(publish_at__gte=since) | Q(updated_at__gte=since))
    rows, next_cursor = page(stories, cursor=filters.cursor, size=filters.size(), time_field="publish_at")
    for story in rows:
        keys += story_keys(story)
    data = {"items": [serialize.story_summary(story) for story in rows], "next_cursor": next_cursor}
    return read_answer(data, schema=StoryPage, keys=keys, last_modified=latest(s.modified_for_readers for s in rows))


def _live_story(story_id: int) -> Story:
    story = serialize.story_for_detail().filter(pk=story_id).first()
    if story is None:
        raise not_found()
    return story


def _last_modified(story):
    return latest([story.modified_for_readers, *(c.published_at for c in serialize.shown_corrections(story))])


def ninjs_answer(story):
    response = read_answer(
        ninjs.story_ninjs(story),
        keys=story_keys(story),
        last_modified=_last_modified(story),
        content_type=ninjs.NINJS_CONTENT_TYPE,
    )
    return response


def wants_ninjs(request) -> bool:
    accept = request.headers.get("Accept", "")
    return any(media_type in accept for media_type in ninjs.NINJS_MEDIA_TYPES)


@router.get("/stories/{int:story_id}", response={200: StoryOut, **NOT_FOUND}, summary="One live story")
def story_detail(request, story_id: int):
    """JSON by default; IPTC ninjs 3.1 to an Accept of application/ninjs+json."""
    story = _live_story(story_id)
    if wants_ninjs(request):
        response = ninjs_answer(story)
    else:
        response = read_answer(
            serialize.story_detail(story),
            schema=StoryOut,
            keys=story_keys(story),
            last_modified=_last_modified(story),
        )
    response["Vary"] = "Accept"
    return response


@router.get(
    "/stories/{int:story_id}.ninjs",
    response={200: dict, **NOT_FOUND},
    summary="One live story as IPTC ninjs 3.1",
    openapi_extra=NINJS_RESPONSE,
)
def story_ninjs(request, story_id: int):
    return ninjs_answer(_live_story(story_id))


@router.get("/sections", response=list[SectionOut], summary="Every section")
def section_list(request):
    sections = list(Section.objects.order_by("name"))
    return read_answer(
        [serialize.section_data(s) for s in sections],
        keys=[f"section-{s.pk}" for s in sections],
    )


@router.get("/authors", response=list[AuthorOut], summary="Every author with a live story")
def author_list(request):
    live = Story.objects.live().filter(bylines__author=OuterRef("pk"))
    authors = list(Author.objects.filter(Exists(live)).order_by("name", "pk"))
    return read_answer(
        [serialize.author_data(a) for a in authors], keys=[LIST_KEY, *(f"author-{a.pk}" for a in authors)]
    )


@router.get("/tags", response=list[TagOut], summary="Every tag on a live story")
def tag_list(request):
    live = Story.objects.live().filter(tagged_items__tag=OuterRef("pk"))
    tags = list(Tag.objects.filter(Exists(live)).order_by("name", "pk"))
    return read_answer([serialize.tag_data(t) for t in tags], keys=[LIST_KEY, *(f"tag-{t.pk}" for t in tags)])


def public_photos():
    """Photos a live story shows (lead or placed), with rights today and renditions made."""
    live = Story.objects.live()
    used = Q(Exists(live.filter(lead_photo=OuterRef("pk")))) | Q(Exists(live.filter(placements__photo=OuterRef("pk"))))
    return Photo.objects.rights_cover(timezone.localdate()).filter(used).exclude(renditions={})


@router.get("/photos", response={200: PhotoPage, 400: Problem, 422: Problem}, summary="Photos readers can see")
def photo_list(request, params: Query[PageParams]):
    rows, next_cursor = page(public_photos(), cursor=params.cursor, size=params.size(), time_field="created")
    items = [data for photo in rows if (data := serialize.photo_data(photo)) is not None]
    keys = [LIST_KEY, *(photo_surrogate_key(photo.pk) for photo in rows)]
    return read_answer({"items": items, "next_cursor": next_cursor}, schema=PhotoPage, keys=keys)


@router.get(
    "/photos/{int:photo_id}", response={200: PhotoOut, **NOT_FOUND}, url_name="photo_detail", summary="One public photo"
)
def photo_detail(request, photo_id: int):
    photo = public_photos().filter(pk=photo_id).first()
    data = serialize.photo_data(photo) if photo is not None else None
    if data is None:
        raise ApiProblem(404, "There is no such photo, or readers may not see it.")
    return read_answer(data, schema=PhotoOut, keys=[photo_surrogate_key(photo.pk)])


@router.get(
    "/corrections", response={200: CorrectionPage, 400: Problem, 422: Problem}, summary="Corrections, newest first"
)
def correction_list(request, params: Query[PageParams]):
    now = timezone.now()
    corrections = Correction.objects.filter(story__in=Story.objects.live(now), published_at__lte=now)
    rows, next_cursor = page(corrections, cursor=params.cursor, size=params.size(), time_field="published_at")
    data = {"items": [serialize.correction_data(c) for c in rows], "next_cursor": next_cursor}
    return read_answer(
        data,
        schema=CorrectionPage,
        keys=[f"story-{c.story_id}" for c in rows],
        last_modified=latest(c.published_at for c in rows),
    )
