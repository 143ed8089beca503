"""The story form's helpers on the server: preview, presence, new contributors, tag suggestions.

Each is a URL of the story admin (StoryToolsMixin.get_urls), checks permission here, and calls
the job folders' services. The browser side is articles/static/articles/admin/story_form.js and story_form/.
"""

from datetime import timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.http import HttpResponseNotAllowed, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.utils.timesince import timesince
from taggit.models import Tag

from articles.dates import person_name
from articles.models import Author, Byline, Correction, Photo, Placement, Section, Story, StoryStatus, TaggedStory
from articles.stories import contributors, permissions, placements, presence

TAG_SUGGESTIONS = 10


def _cached(model, rows: list) -> QuerySet:
    """A queryset already holding `rows`, as prefetch_related leaves one: reading it runs no query."""
    queryset = model.objects.none()
    queryset._result_cache = list(rows)
    queryset._prefetch_done = True
    return queryset


def presence_names(others, now=None) -> list[dict]:
    """The others on the form, as the page says them: a name and how long ago they were seen."""
    now = now or timezone.now()
    return [
        {
            "name": person_name(seen.user),
            "ago": "now" if now - seen.last_seen < timedelta(minutes=1) else f"{timesince(seen.last_seen, now)} ago",
        }
        for seen in others
    ]


class StoryToolsMixin:
    def get_urls(self):
        tool = self.admin_site.admin_view
        return [
            path("preview/", tool(self.preview_view), name="articles_story_preview_new"),
            path("<int:object_id>/preview/", tool(self.preview_view), name="articles_story_preview"),
            path("<int:object_id>/presence/", tool(self.presence_view), name="articles_story_presence"),
            path("contributor/", tool(self.contributor_view), name="articles_story_contributor"),
            path("tags/", tool(self.tag_suggestions_view), name="articles_story_tags"),
            *super().get_urls(),
        ]

    # --- Preview: the form's current content as readers would see it, never saved

    def preview_view(self, request, object_id=None):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        stored = None
        if object_id is not None:
            stored = get_object_or_404(Story, pk=object_id)
            if not (
                permissions.story_can_preview(story=stored, user=request.user)
                or permissions.story_can_edit(story=stored, user=request.user)
            ):
                raise PermissionDenied
        elif not self.has_add_permission(request):
            raise PermissionDenied
        story, problems = self._story_from_form(request, stored)
        response = TemplateResponse(
            request,
            "articles/story.html",
            {
                "story": story,
                "object": story,
                "preview": {"state": story.state(), "link": None, "unsaved": True, "problems": problems},
                "related_stories": [],
                "current_section": story.section.slug if story.section_id else "",
            },
        )
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def _story_from_form(self, request, stored: Story | None) -> tuple[Story, list[str]]:
        """An in-memory Story from the posted form: the fields that pass validation, the stored story's
        state and times. It is never saved; its bylines, tags and corrections are cached on it."""
        story = Story.objects.get(pk=stored.pk) if stored else Story(status=StoryStatus.DRAFT)
        form_class = self.get_form(request, stored, change=stored is not None)
        form = form_class(request.POST, request.FILES, instance=story)
        # The stale-form check locks the row (select_for_update) and needs a transaction; a preview
        # writes nothing, so the transaction only ever reads.
        with transaction.atomic():
            valid = form.is_valid()
        problems = [] if valid else [f"{name}: {' '.join(errors)}" for name, errors in form.errors.items()]
        columns = {field.name for field in Story._meta.concrete_fields} - {"status", "version"}
        for name, value in form.cleaned_data.items():
            if name in columns:
                setattr(story, name, value)
        if story.section_id is None:
            story.section = Section.objects.order_by("position", "name").first() or Section(name="—", slug="none")
        story.derive_body()  # as a save would: figures only of photos in the library
        story.slug = story.slug or slugify(story.headline, allow_unicode=True)[:220].strip("-") or "story"
        if story.publish_at is None:
            story.publish_at = timezone.now()  # The page needs a time; the banner and template never show it.
        existing_pk = story.pk
        story.pk = existing_pk or 0  # related managers need a key; 0 matches no row
        story._prefetched_objects_cache = {
            "bylines": _cached(Byline, self._preview_bylines(request, story)),
            "tagged_items": _cached(TaggedStory, self._preview_tags(form.cleaned_data.get("tags") or [])),
            "corrections": _cached(
                Correction, list(Correction.objects.filter(story_id=existing_pk)) if existing_pk else []
            ),
            "placements": _cached(Placement, self._preview_placements(story)),
        }
        return story, problems

    @staticmethod
    def _preview_placements(story: Story) -> list[Placement]:
        """The photos of the posted body where it puts them, as saving it would record them: a photo
        placed or moved since the last save shows where it now stands, with its caption as typed."""
        wanted = placements.body_photos(story.body_blocks)
        photos = Photo.objects.in_bulk({photo.photo_id for photo in wanted})
        return [
            Placement(
                story=story,
                photo=photos[photo.photo_id],
                paragraph=photo.paragraph,
                order=photo.order,
                caption=photo.caption,
            )
            for photo in wanted
            if photo.photo_id in photos
        ]

    @staticmethod
    def _preview_bylines(request, story: Story) -> list[Byline]:
        """The byline rows of the posted form, in their order, minus those marked for deletion."""
        prefix = "bylines"
        try:
            total = int(request.POST.get(f"{prefix}-TOTAL_FORMS", 0))
        except ValueError:
            total = 0
        rows = []
        for index in range(min(total, 100)):
            key = f"{prefix}-{index}-"
            author_id = request.POST.get(f"{key}author", "")
            if not author_id.isdigit() or request.POST.get(f"{key}DELETE"):
                continue
            order = request.POST.get(f"{key}order", "")
            rows.append((int(order) if order.isdigit() else index, index, int(author_id)))
        authors = Author.objects.in_bulk([author_id for *_, author_id in rows])
        seen = set()
        bylines = []
        for order, _index, author_id in sorted(rows):
            if author_id in authors and author_id not in seen:
                seen.add(author_id)
                bylines.append(Byline(story=story, author=authors[author_id], order=order))
        return bylines

    @staticmethod
    def _preview_tags(names: list[str]) -> list[TaggedStory]:
        if not names:
            return []
        known = {
            tag.name.casefold(): tag
            for tag in Tag.objects.filter(Q(*[Q(name__iexact=name) for name in names], _connector=Q.OR))
        }
        return [
            TaggedStory(tag=known.get(name.casefold()) or Tag(name=name, slug=slugify(name) or "tag")) for name in names
        ]

    # --- Presence: who has the edit form open now

    def presence_view(self, request, object_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        story = get_object_or_404(Story, pk=object_id)
        if not permissions.story_can_edit(story=story, user=request.user):
            raise PermissionDenied
        if request.POST.get("left"):
            presence.edit_presence_leave(story=story, user=request.user)
            return JsonResponse({"others": []})
        others = presence.edit_presence_record(story=story, user=request.user)
        return JsonResponse({"others": presence_names(others)})

    # --- A new outside contributor, from the bylines

    def contributor_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        try:
            author = contributors.contributor_create(
                name=request.POST.get("name", ""), affiliation=request.POST.get("affiliation", ""), user=request.user
            )
        except ValidationError as error:
            return JsonResponse({"errors": error.message_dict}, status=400)
        label = f"{author.name} ({author.affiliation})" if author.affiliation else author.name
        return JsonResponse({"id": author.pk, "text": label, "url": author.get_absolute_url()}, status=201)

    # --- Tag suggestions while typing

    def tag_suggestions_view(self, request):
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        term = " ".join(request.GET.get("q", "").split())[:100]
        if not term:
            return JsonResponse({"tags": []})
        tags = (
            Tag.objects.filter(name__icontains=term)
            .annotate(uses=Count("articles_taggedstory_items"))
            .order_by("-uses", "name")
            .values_list("name", flat=True)[:TAG_SUGGESTIONS]
        )
        starts = [name for name in tags if name.casefold().startswith(term.casefold())]
        return JsonResponse({"tags": starts + [name for name in tags if name not in starts]})
