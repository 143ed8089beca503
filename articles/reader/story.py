"""The story page: what readers see, and what a previewer or share-link holder sees before it is live.

Readers never reach the preview code: the page first asks the visibility gate, and only when the
gate says no does it look at who is asking. A desk user who may see the story
(stories.permissions.story_can_preview), or anyone holding a valid share link, then gets the
reader's page with a banner, ``noindex`` and headers that forbid caching.
"""

import ipaddress
from datetime import timedelta

from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView

from articles.models import Story, StoryStatus
from articles.models.story import prefetch_story_page
from articles.reader import fragments, surrogate
from articles.stories import sharelinks
from articles.stories.permissions import story_can_preview
from articles.stories.sharelinks import SHARE_PARAMETER, sharelink_for_token

RELATED_WINDOW_DAYS = 90


def related_stories(story: Story, limit: int = 4) -> list[Story]:
    """Editor-picked related stories first, then live stories sharing the most tags.

    Tag matches are looked for within RELATED_WINDOW_DAYS either side of the story's publish time:
    news is related in time, and a popular tag can carry thousands of stories over the years. The
    window is a range on the tag rows' copy of the publish time, so each tag reads only its rows
    inside it from the index (tag, -publish_at, -story); live() decides which of them may show.
    """
    live = (
        Story.objects.live()
        .select_related("section")
        .only("headline", "slug", "publish_at", "section__slug", "section__name", "status", "embargo_until")
    )
    picked = list(live.filter(pk__in=story.related.values("pk")).order_by("-publish_at")[:limit])
    if len(picked) < limit:
        tag_ids = [item.tag_id for item in story.tagged_items.all()]
        if tag_ids:
            exclude = [story.pk, *(s.pk for s in picked)]
            around = story.publish_at or timezone.now()
            window = timedelta(days=RELATED_WINDOW_DAYS)
            picked += list(
                live.filter(
                    tagged_items__tag_id__in=tag_ids,
                    tagged_items__publish_at__range=(around - window, around + window),
                )
                .exclude(pk__in=exclude)
                .annotate(shared=Count("tagged_items"))
                .order_by("-shared", "-publish_at")[: limit - len(picked)]
            )
    return picked


def story_shortlink(request, pk):
    story = get_object_or_404(Story.objects.live().select_related("section"), pk=pk)
    return redirect(story.get_absolute_url(), permanent=True)


def _client_ip(request) -> str | None:
    # REMOTE_ADDR, not X-Forwarded-For: a client can write any forwarded header it likes.
    address = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


class StoryView(DetailView):
    """The story page for readers; previewers and share-link holders may also open it before it is live."""

    template_name = "articles/story.html"
    context_object_name = "story"
    preview = None

    def get_queryset(self):
        # The rest of the page's data is fetched only for the parts not found cached (get_context_data).
        return Story.objects.live().for_story_page(prefetch=False)

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if self.preview is not None:
            # Applied last, so no cache header set further in can make a preview public.
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def get(self, request, *args, **kwargs):
        try:
            return self.reader_page()
        except Http404:
            if SHARE_PARAMETER not in request.GET and not request.user.is_authenticated:
                raise  # An anonymous reader: the same 404, and not one query more.
        story, self.preview = self.find_preview()
        self.object = story
        if kwargs.get("section") != story.section.slug or kwargs.get("slug") != story.slug:
            # Drafts change headline and section freely: follow them, temporarily, keeping ?share=.
            url = story.get_absolute_url()
            if request.GET:
                url = f"{url}?{request.GET.urlencode()}"
            return redirect(url)
        if story.publish_at is None:
            # Show the page as it would look if it went out now, rather than with an empty time.
            story.publish_at = timezone.now()
        return self.render_to_response(self.get_context_data(object=story))

    def reader_page(self):
        """The live story, or Http404 from the gate. Permalinks are forever: an old headline or
        section still finds the story, with a permanent redirect."""
        self.object = self.get_object()
        if self.kwargs.get("section") != self.object.section.slug or self.kwargs.get("slug") != self.object.slug:
            return redirect(self.object.get_absolute_url(), permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def find_preview(self) -> tuple[Story, dict]:
        """The story and the banner's facts, or Http404: tampered, expired, revoked or not allowed."""
        request = self.request
        pk = self.kwargs["pk"]
        token = request.GET.get(SHARE_PARAMETER)
        if token is not None:
            # A share link wins over a login, so an editor testing a link sees what its holder sees.
            link = sharelink_for_token(token, pk)
            if link is None:
                raise Http404("No such share link.")
            story = get_object_or_404(Story.objects.for_story_page(), pk=pk)
            if story.status == StoryStatus.WITHDRAWN:
                # A killed story is off every page an outsider can reach, shared or not.
                raise Http404("The story was withdrawn.")
            sharelinks.sharelink_record_use(
                link=link, ip_address=_client_ip(request), user_agent=request.headers.get("User-Agent", "")
            )
            return story, {"state": story.state(), "link": link}
        story = get_object_or_404(Story.objects.for_story_page(), pk=pk)
        if not story_can_preview(story=story, user=request.user):
            raise Http404("Not live.")
        return story, {"state": story.state(), "link": None}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        story = self.object
        # Not the section's key: a publish in the section would throw away every story page in it.
        surrogate.add(f"story-{story.pk}")
        if self.preview is None:
            # A reader's page: the parts cached since nothing they show changed are used as they are.
            parts = context["story_parts"] = fragments.story_parts(story.pk)
            if not parts.complete:
                prefetch_story_page(story)
            if parts.get("related") is None:
                context["related_stories"] = related_stories(story)
                parts.related_ids = [related.pk for related in context["related_stories"]]
        else:
            context["related_stories"] = related_stories(story)
        surrogate.add_stories(context.get("related_stories", ()))
        context["current_section"] = story.section.slug
        context["preview"] = self.preview
        return context
