from django.conf import settings
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView
from taggit.models import Tag

from articles.models import Author, Section, Story


class LiveStoriesMixin:
    """Every public list starts at the visibility gate and pages the same way."""

    def get_paginate_by(self, queryset):
        # Django's paginator answers a malformed or out-of-range ?page= with a 404.
        return settings.NEWSROOM_STORIES_PER_PAGE

    def live_stories(self):
        return Story.objects.live().for_listing()


class HomeView(LiveStoriesMixin, ListView):
    template_name = "articles/home.html"
    context_object_name = "stories"

    def get_queryset(self):
        return self.live_stories()[:25]

    def get_paginate_by(self, queryset):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        stories = list(context["stories"])
        context["lead"] = stories[0] if stories else None
        context["top_stories"] = stories[1:5]
        context["latest"] = stories[5:]
        return context


class SectionView(LiveStoriesMixin, ListView):
    template_name = "articles/section.html"
    context_object_name = "stories"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return self.live_stories().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, current_section=self.section.slug, **kwargs)


class TagView(LiveStoriesMixin, ListView):
    template_name = "articles/tag.html"
    context_object_name = "stories"

    def get_queryset(self):
        self.tag = get_object_or_404(Tag, slug=self.kwargs["slug"])
        return self.live_stories().filter(tagged_items__tag=self.tag)

    def get_context_data(self, **kwargs):
        return super().get_context_data(tag=self.tag, **kwargs)


class AuthorView(LiveStoriesMixin, ListView):
    template_name = "articles/author.html"
    context_object_name = "stories"

    def get_queryset(self):
        self.author = get_object_or_404(Author.objects.select_related("photo"), slug=self.kwargs["slug"])
        return self.live_stories().filter(bylines__author=self.author)

    def get_context_data(self, **kwargs):
        return super().get_context_data(author=self.author, **kwargs)


class StoryView(DetailView):
    template_name = "articles/story.html"
    context_object_name = "story"

    def get_queryset(self):
        return Story.objects.live().for_story_page()

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.kwargs.get("section") != self.object.section.slug or self.kwargs.get("slug") != self.object.slug:
            # Permalinks are forever: an old headline or section still finds the story.
            return redirect(self.object.get_absolute_url(), permanent=True)
        return self.render_to_response(self.get_context_data(object=self.object))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["related_stories"] = related_stories(self.object)
        context["current_section"] = self.object.section.slug
        return context


def related_stories(story: Story, limit: int = 4) -> list[Story]:
    """Editor-picked related stories first, then live stories sharing the most tags."""
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
            picked += list(
                live.filter(tagged_items__tag_id__in=tag_ids)
                .exclude(pk__in=exclude)
                .annotate(shared=Count("tagged_items"))
                .order_by("-shared", "-publish_at")[: limit - len(picked)]
            )
    return picked


def story_shortlink(request, pk):
    story = get_object_or_404(Story.objects.live().select_related("section"), pk=pk)
    return redirect(story.get_absolute_url(), permanent=True)
