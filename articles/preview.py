"""The desk's public-facing views: story previews, share links and the corrections page.

Readers never reach the preview code: the story page first asks the visibility gate,
exactly as before, and only when the gate says no does it look at who is asking.
A desk user who may see the story, or anyone holding a valid share link, then gets
the reader's page with a banner, ``noindex`` and headers that forbid caching.
"""

import ipaddress
from datetime import datetime

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.views.generic import ListView

from articles import services, views
from articles.models import Correction, ShareLink, Story, StoryStatus

SHARE_PARAMETER = "share"
# A salt of its own, so no other signed value in the project can pass for a share token.
_SHARE_SALT = "articles.preview.sharelink"
CORRECTIONS_PER_PAGE = 30


# --- Share link tokens ------------------------------------------------------


def sharelink_token(link: ShareLink) -> str:
    """The signed token for a link: its story and key, so a token only opens its own story."""
    return signing.Signer(salt=_SHARE_SALT).sign_object([link.story_id, link.key.hex])


def sharelink_url(link: ShareLink) -> str:
    """The absolute address to send: the story's own URL plus the token."""
    query = urlencode({SHARE_PARAMETER: sharelink_token(link)})
    return f"{settings.NEWSROOM_SITE_URL}{link.story.get_absolute_url()}?{query}"


def sharelink_for_token(token: str, story_id: int) -> ShareLink | None:
    """The usable link behind a token for this story, or None when tampered, foreign, expired or revoked."""
    try:
        payload = signing.Signer(salt=_SHARE_SALT).unsign_object(token)
    except signing.BadSignature:
        return None
    # Only our own signer can have produced the payload, but check its shape rather than trust it.
    if not (isinstance(payload, list) and len(payload) == 2 and payload[0] == story_id):
        return None
    link = ShareLink.objects.filter(key=payload[1], story_id=story_id).first()
    if link is None or not link.is_usable():
        return None
    return link


# --- Who may preview ----------------------------------------------------------


def may_preview(user, story: Story) -> bool:
    """Editors preview any story; reporters preview the stories they wrote or carry their byline."""
    if not (user.is_authenticated and user.is_active and user.is_staff and user.has_perm("articles.change_story")):
        return False
    if services.user_can_publish(user):
        return True
    # bylines come prefetched with their authors by for_story_page(): no extra query.
    return story.created_by_id == user.pk or any(byline.author.user_id == user.pk for byline in story.bylines.all())


def preview_state(story: Story, now: datetime | None = None) -> dict:
    """Why the story is not live, in words for the banner: a status and the times that matter."""
    now = now or timezone.now()
    times = []
    if story.status == StoryStatus.PUBLISHED:
        status = "Published"
        if story.publish_at and story.publish_at > now:
            status = "Scheduled"
            times.append(("goes live", story.publish_at))
        if story.embargo_until and story.embargo_until > now:
            status = "Embargoed" if status == "Published" else "Scheduled and embargoed"
            times.append(("embargoed until", story.embargo_until))
    elif story.status == StoryStatus.SUBMITTED:
        status = "Submitted for editing"
        if story.submitted_at:
            times.append(("submitted", story.submitted_at))
    elif story.status == StoryStatus.WITHDRAWN:
        status = "Withdrawn"
        if story.withdrawn_at:
            times.append(("withdrawn", story.withdrawn_at))
    else:
        status = "Draft"
        if story.embargo_until and story.embargo_until > now:
            times.append(("embargoed until", story.embargo_until))
    return {"status": status, "times": times}


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
            services.sharelink_record_use(
                link=link, ip_address=_client_ip(request), user_agent=request.headers.get("User-Agent", "")
            )
            return story, {**preview_state(story), "link": link}
        story = get_object_or_404(Story.objects.for_story_page(), pk=pk)
        if not may_preview(request.user, story):
            raise Http404("Not live.")
        return story, {**preview_state(story), "link": None}

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
