from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.models import Story, StoryStatus
from articles.stories import workflow
from tests.factories import StoryFactory, UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(username="ed", role="Editor")


@pytest.fixture
def reporter(db):
    return UserFactory(username="rep", role="Reporter")


@pytest.mark.django_db
def test_editor_publishes_a_draft(editor):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    workflow.story_publish(story=story, user=editor)
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED
    assert story.first_published_at == story.publish_at
    assert story.modified_by == editor
    assert Story.objects.live().filter(pk=story.pk).exists()


@pytest.mark.django_db
def test_publishing_with_future_time_schedules(editor):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    later = timezone.now() + timedelta(minutes=5)
    workflow.story_publish(story=story, user=editor, publish_at=later)
    assert not Story.objects.live().filter(pk=story.pk).exists()
    assert Story.objects.live(now=later).filter(pk=story.pk).exists()


@pytest.mark.django_db
def test_reporter_cannot_publish(reporter):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    with pytest.raises(PermissionDenied):
        workflow.story_publish(story=story, user=reporter)
    story.refresh_from_db()
    assert story.status == StoryStatus.DRAFT


@pytest.mark.django_db
def test_publish_without_byline_is_refused_with_a_message(editor):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, bylines=[])
    with pytest.raises(ValidationError) as error:
        workflow.story_publish(story=story, user=editor)
    assert "byline" in " ".join(error.value.messages)
    story.refresh_from_db()
    assert story.status == StoryStatus.DRAFT


@pytest.mark.django_db
def test_withdrawn_story_leaves_the_gate(editor):
    story = StoryFactory()
    workflow.story_withdraw(story=story, user=editor)
    assert not Story.objects.live().filter(pk=story.pk).exists()


@pytest.mark.django_db
def test_reporter_submits_their_own_draft(reporter):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, created_by=reporter)
    workflow.story_submit(story=story, user=reporter)
    assert story.status == StoryStatus.SUBMITTED
