"""The API's lists through the page cache: a publish or a withdrawal is in the next answer.

A list names the stories it shows; a story published after the list was cached is not among them,
so lists also carry the ``archive`` key that every publish and withdrawal purges.
"""

import pytest
from django.urls import reverse

from articles.models import StoryStatus
from articles.reader import invalidation
from articles.stories import workflow
from tests.factories import AuthorFactory, SectionFactory, StoryFactory
from tests.reader import test_cache as base

pytestmark = pytest.mark.django_db

page_cache_on = base.page_cache_on
committed = base.committed


def ids(response) -> list[int]:
    return [item["id"] for item in response.json()["items"]]


def test_a_story_published_after_the_list_was_cached_is_in_the_next_answer(client, editor, committed):
    first = StoryFactory(headline="Ferry timetable changes", section=SectionFactory(slug="city"))
    transport = SectionFactory(slug="transport")  # a section the cached list does not name
    invalidation.flush()  # the factories' own changes, as if committed long ago
    url = reverse("api-v1:story_list")
    assert ids(client.get(url)) == [first.pk]
    assert client.get(url)["X-Cache"] == "HIT"

    draft = StoryFactory(
        headline="New tram line opens",
        section=transport,
        status=StoryStatus.DRAFT,
        bylines=[AuthorFactory(slug="nadia-holm")],
    )
    draft.tags.add("Trams")
    with committed():
        workflow.story_publish(story=draft, user=editor)

    listing = client.get(url)
    assert listing["X-Cache"] == "MISS"
    assert ids(listing) == [draft.pk, first.pk]
    authors = {author["slug"] for author in client.get(reverse("api-v1:author_list")).json()}
    assert "nadia-holm" in authors


def test_a_withdrawn_story_leaves_the_cached_lists(client, editor, committed):
    story = StoryFactory(headline="Ferry timetable changes", bylines=[AuthorFactory(slug="mara-lind")])
    story.tags.add("Ferries")
    invalidation.flush()
    urls = [reverse(f"api-v1:{name}") for name in ("story_list", "author_list", "tag_list")]
    for url in urls:
        assert client.get(url).json(), url
        assert client.get(url)["X-Cache"] == "HIT"

    with committed():
        workflow.story_withdraw(story=story, user=editor)

    stories, authors, tags = (client.get(url) for url in urls)
    assert ids(stories) == []
    assert authors.json() == [] and tags.json() == []


def test_a_new_section_is_in_the_next_sections_answer(client, committed):
    SectionFactory(slug="city", name="City")
    invalidation.flush()
    url = reverse("api-v1:section_list")
    client.get(url)
    assert client.get(url)["X-Cache"] == "HIT"
    with committed():
        SectionFactory(slug="sport", name="Sport")
    assert [section["slug"] for section in client.get(url).json()] == ["city", "sport"]
