"""The visibility gate as a grid: status × publish time × embargo."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Story, StoryStatus
from tests.factories import AuthorFactory, StoryFactory

NOW = timezone.now()
PAST = NOW - timedelta(hours=2)
FUTURE = NOW + timedelta(hours=2)

GRID = [
    # status, publish_at, embargo_until, live?
    (StoryStatus.PUBLISHED, PAST, None, True),
    (StoryStatus.PUBLISHED, NOW, None, True),
    (StoryStatus.PUBLISHED, FUTURE, None, False),
    (StoryStatus.PUBLISHED, PAST, PAST, True),
    (StoryStatus.PUBLISHED, PAST, FUTURE, False),
    (StoryStatus.PUBLISHED, FUTURE, PAST, False),
    (StoryStatus.DRAFT, None, None, False),
    (StoryStatus.DRAFT, PAST, None, False),
    (StoryStatus.SUBMITTED, PAST, None, False),
    (StoryStatus.WITHDRAWN, PAST, None, False),
    (StoryStatus.WITHDRAWN, PAST, PAST, False),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "publish_at", "embargo_until", "live"), GRID)
def test_live_gate_grid(status, publish_at, embargo_until, live):
    story = StoryFactory(status=status, publish_at=publish_at, embargo_until=embargo_until)
    assert (story in Story.objects.live(now=NOW)) is live
    assert story.is_live(now=NOW) is live


@pytest.mark.django_db
def test_scheduled_story_goes_live_when_its_time_comes_without_any_job():
    story = StoryFactory(publish_at=FUTURE)
    assert not Story.objects.live(now=NOW).filter(pk=story.pk).exists()
    assert Story.objects.live(now=FUTURE + timedelta(seconds=1)).filter(pk=story.pk).exists()


@pytest.mark.django_db
def test_embargo_lifts_at_its_time():
    story = StoryFactory(publish_at=PAST, embargo_until=FUTURE)
    assert not Story.objects.live(now=NOW).filter(pk=story.pk).exists()
    assert Story.objects.live(now=FUTURE).filter(pk=story.pk).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "publish_at", "embargo_until", "live"), GRID)
def test_tag_and_author_pages_follow_the_gate_not_the_bylines_and_tags_copy_of_the_time(
    client, settings, status, publish_at, embargo_until, live
):
    # Bylines and tags hold a copy of the publish time for ordering; visibility is still the gate's.
    settings.NEWSROOM_PAGE_CACHE = False
    author = AuthorFactory(slug="grid-author")
    story = StoryFactory(
        headline="Grid story", status=status, publish_at=publish_at, embargo_until=embargo_until, bylines=[author]
    )
    story.tags.add("Grid")
    author_page = client.get("/authors/grid-author/")
    assert author_page.status_code == 200
    assert ("Grid story" in author_page.content.decode()) is live
    assert client.get("/tags/grid/").status_code == (200 if live else 404)
