"""The search page; the search itself is articles/search/."""

from django.conf import settings
from django.views.generic import ListView

from articles.reader import surrogate
from articles.search.query import parse_query
from articles.search.results import SearchResults


class SearchView(ListView):
    """/search/?q=…: ranked live stories with highlighted snippets, paged like every other list.

    An empty query shows the form and runs no search. A malformed or out-of-range ?page= is a 404.
    """

    template_name = "articles/search.html"
    context_object_name = "hits"

    def get_paginate_by(self, queryset):
        return settings.NEWSROOM_STORIES_PER_PAGE

    def get_queryset(self):
        self.query = parse_query(self.request.GET.get("q"))
        return SearchResults(self.query)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(query=self.query, **kwargs)
        surrogate.add(*(f"story-{hit.story.pk}" for hit in context["hits"]))
        context["results_capped"] = self.object_list.capped  # counted by the paginator already
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        # Result pages are endless and thin; keep them out of search engines (the page says so too).
        response["X-Robots-Tag"] = "noindex"
        return response
