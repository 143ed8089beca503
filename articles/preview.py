"""The desk's public-facing views: story previews, share links and the corrections page.

Readers never reach the preview code: the story page first asks the visibility gate,
exactly as before, and only when the gate says no does it look at who is asking.
A desk user who may see the story, or anyone holding a valid share link, then gets
the reader's page with a banner, ``noindex`` and headers that forbid caching.
"""

import ipaddress

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.generic import ListView

from articles import views
from articles.models import Correction, Story, StoryStatus
from articles.stories import sharelinks
from articles.stories.permissions import story_can_preview
from articles.stories.sharelinks import SHARE_PARAMETER, sharelink_for_token

CORRECTIONS_PER_PAGE = 30


def _client_ip(request) -> str | None:
    # REMOTE_ADDR, not X-Forwarded-For: a client can write any forwarded header it likes.
    address = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


# --- Views --------------------------------------------------------------------


class StoryView(views.StoryView):
    """The story page, which previewers and share-link holders may also open before it is live."""

    preview = None

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if self.preview is not None:
            # Applied last, so no cache header set further in can make a preview public.
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
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
        context["preview"] = self.preview
        return context


class CorrectionListView(ListView):
    """Every correction and clarification to a live story, newest first."""

    template_name = "articles/corrections.html"
    context_object_name = "corrections"
    paginate_by = CORRECTIONS_PER_PAGE

    def get_queryset(self):
        return (
            Correction.objects.filter(story__in=Story.objects.live())
            .select_related("story__section")
            .only(
                "kind",
                "text",
                "published_at",
                "story__headline",
                "story__slug",
                "story__section__slug",
                "story__section__name",
            )
            .order_by("-published_at", "-pk")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title="Corrections and clarifications",
            page_description=f"Every correction and clarification {settings.NEWSROOM_SITE_NAME} has published.",
            **kwargs,
        )
