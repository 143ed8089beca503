"""The write API (/api/v1/desk/): drafts, photo uploads and the workflow, with a Bearer token.

Every change goes through the services the admin uses (stories.workflow, stories.corrections,
photos.services), so the same role rules and checks hold: a reporter's token cannot publish. A
story the token's user may not see (no view permission) is a 404, as in the admin. Updates need
``If-Match`` with the ETag a GET gave (the story's version): a stale one is a 412 and saves nothing.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile
from pydantic import Field

from articles.api.auth import TokenAuth
from articles.api.problems import ApiProblem
from articles.api.schemas import (
    CorrectionIn,
    CorrectionOut,
    DeskStoryOut,
    PhotoCreated,
    Problem,
    PublishIn,
    ScheduleIn,
    StoryIn,
    StoryPatch,
)
from articles.api.serialize import correction_data
from articles.models import Author, Byline, Section, Story
from articles.paths import absolute_url
from articles.photos.public import public_renditions
from articles.photos.services import photo_create
from articles.stories import permissions
from articles.stories.corrections import story_correct
from articles.stories.workflow import (
    story_publish,
    story_return_to_draft,
    story_save,
    story_submit,
    story_withdraw,
)

router = Router(tags=["desk"], auth=TokenAuth())

ERRORS = {401: Problem, 403: Problem, 404: Problem, 412: Problem, 422: Problem, 429: Problem}
UPDATE_ERRORS = {**ERRORS, 428: Problem}


def story_etag(story: Story) -> str:
    return f'"v{story.version}"'


def visible_story(user, story_id: int, *, lock: bool = False) -> Story:
    """The story, if the user may see it in the admin; a 404 otherwise, as the admin answers."""
    if not user.has_perm("articles.view_story"):
        raise ApiProblem(404, "There is no such story.")
    stories = Story.objects.select_related("section")
    if lock:
        stories = stories.select_for_update()
    story = stories.filter(pk=story_id).first()
    if story is None:
        raise ApiProblem(404, "There is no such story.")
    return story


def check_if_match(request, story: Story, *, required: bool) -> None:
    given = request.headers.get("If-Match")
    if not given:
        if required:
            raise ApiProblem(
                428, "Send If-Match with the ETag from GET /api/v1/desk/stories/<id>, so no one's edit is lost."
            )
        return
    wanted = story_etag(story)
    if given.strip() != "*" and wanted not in [tag.strip().removeprefix("W/") for tag in given.split(",")]:
        raise ApiProblem(
            412,
            f"The story changed since you read it (it is now version {story.version}). "
            "Fetch it again, apply your change and retry.",
            headers={"ETag": wanted},
        )


def desk_data(story: Story) -> dict:
    return {
        "id": story.pk,
        "version": story.version,
        "status": story.status,
        "state": story.state().status,
        "headline": story.headline,
        "standfirst": story.standfirst,
        "body": story.body,
        "section": story.section.slug if story.section_id else None,
        "tags": sorted(tag.name for tag in story.tags.all()),
        "bylines": [byline.author.slug for byline in story.bylines.select_related("author")],
        "dateline": story.dateline,
        "credit": story.credit_line,
        "desk_note": story.desk_note,
        "publish_at": story.publish_at,
        "embargo_until": story.embargo_until,
        "url": absolute_url(f"/api/v1/desk/stories/{story.pk}"),
    }


def desk_answer(response, story: Story, status: int = 200):
    story.refresh_from_db()
    response["ETag"] = story_etag(story)
    response["Cache-Control"] = "private, no-store"
    return Status(status, desk_data(story))


FIELDS = {"headline": "headline", "standfirst": "standfirst", "body": "body", "dateline": "dateline"}
FIELDS |= {"credit": "credit_line", "desk_note": "desk_note"}


def apply_fields(story: Story, values: dict) -> tuple[list[Author] | None, list[str] | None]:
    """Set the story's own fields from the request; the bylines and tags to write once it is saved."""
    problems = {}
    for name, attribute in FIELDS.items():
        if name in values and values[name] is not None:
            setattr(story, attribute, values[name])
    if values.get("section") is not None:
        section = Section.objects.filter(slug=values["section"]).first()
        if section is None:
            problems["section"] = [f"There is no section “{values['section']}”."]
        else:
            story.section = section
    authors = None
    if values.get("bylines") is not None:
        slugs = values["bylines"]
        found = {author.slug: author for author in Author.objects.filter(slug__in=slugs)}
        missing = [slug for slug in slugs if slug not in found]
        if missing:
            problems["bylines"] = [f"No author has the slug “{slug}”." for slug in missing]
        authors = list(dict.fromkeys(found[slug] for slug in slugs if slug in found))
    tags = values.get("tags")
    if tags is not None:
        tags = [name.strip() for name in tags if name.strip()]
    if problems:
        raise ApiProblem(422, "Some fields need changing; see errors.", errors=problems)
    return authors, tags


def write_parts(story: Story, authors, tags) -> None:
    if authors is not None:
        Byline.objects.filter(story=story).delete()
        for order, author in enumerate(authors):
            Byline.objects.create(story=story, author=author, order=order)
    if tags is not None:
        story.tags.set(tags)


@router.get("/stories/{int:story_id}", response={200: DeskStoryOut, **ERRORS}, summary="A story as the desk sees it")
def desk_story(request, response: HttpResponse, story_id: int):
    """Any state. The ETag is what an update's If-Match must carry."""
    return desk_answer(response, visible_story(request.auth, story_id))


@router.post("/stories", response={201: DeskStoryOut, **ERRORS}, summary="Create a draft")
def create_story(request, response: HttpResponse, payload: StoryIn):
    user = request.auth
    if not permissions.story_can_edit(story=Story(), user=user):
        raise ApiProblem(403, "You do not have permission to create stories.")
    with transaction.atomic():
        story = Story()
        authors, tags = apply_fields(story, payload.model_dump())
        story_save(story=story, user=user)
        write_parts(story, authors, tags)
    response["Location"] = absolute_url(f"/api/v1/desk/stories/{story.pk}")
    return desk_answer(response, story, 201)


def _update(request, response: HttpResponse, story_id: int, values: dict):
    user = request.auth
    with transaction.atomic():
        story = visible_story(user, story_id, lock=True)
        check_if_match(request, story, required=True)
        if not permissions.story_can_edit(story=story, user=user):
            raise ApiProblem(403, "You cannot change this story.")
        authors, tags = apply_fields(story, values)
        write_parts(story, authors, tags)
        story_save(story=story, user=user)
    return desk_answer(response, story)


@router.put("/stories/{int:story_id}", response={200: DeskStoryOut, **UPDATE_ERRORS}, summary="Replace a story's text")
def replace_story(request, response: HttpResponse, story_id: int, payload: StoryIn):
    return _update(request, response, story_id, payload.model_dump())


@router.patch("/stories/{int:story_id}", response={200: DeskStoryOut, **UPDATE_ERRORS}, summary="Change some fields")
def change_story(request, response: HttpResponse, story_id: int, payload: StoryPatch):
    return _update(request, response, story_id, payload.model_dump(exclude_unset=True))


def _transition(request, response: HttpResponse, story_id: int, service, **kwargs):
    user = request.auth
    with transaction.atomic():
        story = visible_story(user, story_id)
        check_if_match(request, story, required=False)
        service(story=story, user=user, **kwargs)
    return desk_answer(response, story)


@router.post("/stories/{int:story_id}/submit", response={200: DeskStoryOut, **ERRORS}, summary="Submit for editing")
def submit_story(request, response: HttpResponse, story_id: int):
    return _transition(request, response, story_id, story_submit)


@router.post("/stories/{int:story_id}/publish", response={200: DeskStoryOut, **ERRORS}, summary="Publish or schedule")
def publish_story(request, response: HttpResponse, story_id: int, payload: PublishIn | None = None):
    publish_at = payload.publish_at if payload is not None else None
    return _transition(request, response, story_id, story_publish, publish_at=publish_at)


@router.post("/stories/{int:story_id}/schedule", response={200: DeskStoryOut, **ERRORS}, summary="Schedule")
def schedule_story(request, response: HttpResponse, story_id: int, payload: ScheduleIn):
    return _transition(request, response, story_id, story_publish, publish_at=payload.publish_at)


@router.post("/stories/{int:story_id}/withdraw", response={200: DeskStoryOut, **ERRORS}, summary="Withdraw")
def withdraw_story(request, response: HttpResponse, story_id: int):
    return _transition(request, response, story_id, story_withdraw)


@router.post("/stories/{int:story_id}/return-to-draft", response={200: DeskStoryOut, **ERRORS}, summary="Back to draft")
def return_story(request, response: HttpResponse, story_id: int):
    return _transition(request, response, story_id, story_return_to_draft)


@router.post(
    "/stories/{int:story_id}/corrections", response={201: CorrectionOut, **ERRORS}, summary="Correct a live story"
)
def correct_story(request, story_id: int, payload: CorrectionIn):
    user = request.auth
    story = visible_story(user, story_id)
    correction = story_correct(story=story, user=user, text=payload.text, kind=payload.kind)
    return Status(201, correction_data(correction))


class PhotoFields(Schema):
    caption: str = Field("", max_length=5000)
    alt_text: str = Field("", max_length=400)
    credit: str = Field("", max_length=200)
    photographer: str = Field("", max_length=200)
    source: str = Field("", max_length=200)


@router.post("/photos", response={201: PhotoCreated, 409: Problem, **ERRORS}, summary="Upload a photo")
def upload_photo(request, file: File[UploadedFile], fields: Form[PhotoFields]):
    """The photo desk's pipeline: the file is judged by its content, its IPTC/XMP fills the gaps."""
    user = request.auth
    if not user.has_perm("articles.add_photo"):
        raise PermissionDenied("You do not have permission to add photos.")
    result = photo_create(fileobj=file, name=file.name or "photo", user=user, overrides=fields.model_dump())
    if result.duplicate_of is not None:
        raise ApiProblem(
            409,
            f"“{result.name}” is already in the library as photo no. {result.duplicate_of.pk}.",
            errors={"photo_id": result.duplicate_of.pk},
        )
    if result.photo is None:
        raise ApiProblem(422, result.error)
    photo = result.photo
    return Status(
        201,
        {
            "id": photo.pk,
            "caption": photo.caption,
            "alt_text": photo.alt_text,
            "credit": photo.credit_line,
            "photographer": photo.photographer,
            "source": photo.source,
            "width": photo.width,
            "height": photo.height,
            "digital_source_type": photo.digital_source_type or None,
            "renditions": public_renditions(photo),
        },
    )
