"""articles.paths.path_to: reverse(), remembered, and never out of step with the URLconf."""

import pytest
from django.urls import reverse

from articles.paths import path_to
from tests.factories import SectionFactory, StoryFactory


@pytest.mark.parametrize("slug", ["ferry-strike", "港口城市", "café-reopens", "a-b-c-1"])
def test_a_remembered_path_is_what_reverse_gives(db, slug):
    story = StoryFactory(slug=slug, section=SectionFactory(slug="city"))
    expected = reverse("articles:story", kwargs={"section": "city", "pk": story.pk, "slug": slug})
    assert story.get_absolute_url() == expected
    assert story.get_absolute_url() == expected  # the second time from memory
    assert story.section.get_absolute_url() == reverse("articles:section", kwargs={"slug": "city"}) == "/city/"


def test_a_new_urlconf_is_never_answered_from_memory(settings):
    assert path_to("articles:section", slug="city") == "/city/"
    settings.ROOT_URLCONF = "tests.reader.urls_under_news"
    assert path_to("articles:section", slug="city") == "/news/city/"
