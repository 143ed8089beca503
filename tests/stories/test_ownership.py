"""The one ownership rule: a story is a user's own when they created it or carry its byline.

story_is_own (for one story) and StoryQuerySet.owned_by (as a filter) must agree on every case.
"""

import pytest

from articles.models import Story
from articles.stories.permissions import story_can_edit, story_is_own
from tests.factories import AuthorFactory, StoryFactory, UserFactory


@pytest.fixture
def people(db):
    me = UserFactory(username="me", role="Reporter")
    other = UserFactory(username="other", role="Reporter")
    return {
        "me": (me, AuthorFactory(user=me, name="Me Myself")),
        "other": (other, AuthorFactory(user=other, name="Some One")),
        "nobody": (None, AuthorFactory(user=None, name="Agency Writer")),
    }


@pytest.mark.parametrize("created_by", ["me", "other", "nobody"])
@pytest.mark.parametrize("bylined", ["me", "other", "nobody", "me and other"])
def test_ownership_grid(people, created_by, bylined):
    me = people["me"][0]
    authors = [people[name][1] for name in bylined.split(" and ")]
    story = StoryFactory(created_by=people[created_by][0], bylines=authors)
    expected = created_by == "me" or "me" in bylined.split(" and ")

    assert story_is_own(story=Story.objects.get(pk=story.pk), user=me) is expected
    assert Story.objects.owned_by(me).filter(pk=story.pk).exists() is expected
    # The story page's prefetched bylines give the same answer without a query.
    prefetched = Story.objects.for_story_page().get(pk=story.pk)
    assert story_is_own(story=prefetched, user=me) is expected
    # owned_by never repeats a story that matches both ways.
    assert Story.objects.owned_by(me).filter(pk=story.pk).count() == int(expected)


def test_nobody_owns_anything_without_an_account(people):
    story = StoryFactory(created_by=None, bylines=[people["nobody"][1]])
    assert not story_is_own(story=story, user=None)
    assert not Story.objects.owned_by(None).exists()


def test_a_reporter_edits_only_their_own_drafts(people):
    me = people["me"][0]
    own = StoryFactory(status="draft", publish_at=None, created_by=me)
    theirs = StoryFactory(status="draft", publish_at=None, created_by=people["other"][0])
    assert story_can_edit(story=own, user=me)
    assert not story_can_edit(story=theirs, user=me)
