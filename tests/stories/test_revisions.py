"""Revisions: every save is kept, the history shows a readable diff, any revision can be restored,
and a deleted story can be recovered."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from reversion.models import Version

from articles.models import Story, StoryStatus
from articles.stories import revisions, workflow
from tests.admin.admin_pages import change_url, error_text, open_change_form, page_text
from tests.factories import AuthorFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db


def _versions(story):
    return Version.objects.get_for_object(story).select_related("revision__user").order_by("pk")


def _save(client, story, **changes):
    data = open_change_form(client, story)
    data.update(changes)
    response = client.post(change_url(story), data)
    assert response.status_code == 302, error_text(response)
    return Story.objects.get(pk=story.pk)


def _history_url(story):
    return reverse("admin:articles_story_history", args=[story.pk])


def _revision_url(story, version):
    return reverse("admin:articles_story_revision", args=[story.pk, version.pk])


def test_every_admin_save_stores_a_revision_with_who_and_what(editor_client, editor):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    _save(editor_client, story, headline="First try")
    _save(editor_client, story, standfirst="Second try")
    versions = list(_versions(story))
    assert len(versions) == 2
    assert all(version.revision.user == editor for version in versions)
    assert versions[0].revision.get_comment() == "Edited by Eda Editor. Changed Headline."
    assert versions[1].revision.get_comment() == "Edited by Eda Editor. Changed Standfirst."
    assert versions[0].field_dict["headline"] == "First try"


def test_a_revision_holds_the_bylines_photos_and_tags(editor_client):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    story.tags.set(["Harbour"])
    _save(editor_client, story, headline="With parts")
    models = {version.content_type.model for version in _versions(story).get().revision.version_set.all()}
    assert {"story", "byline", "taggedstory"} <= models


def test_history_shows_a_readable_escaped_diff(editor_client):
    story = StoryFactory(
        status=StoryStatus.DRAFT, publish_at=None, headline="Ferry fares rise", body="<p>Fares rise by 5%.</p>"
    )
    _save(editor_client, story, headline="Ferry fares rise")
    _save(editor_client, story, headline="Ferry fares <b>fall</b>", body="<p>Fares fall by 5%.</p>")
    response = editor_client.get(_history_url(story))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    newest = soup.select("#change-history tbody tr")[0]
    assert "Eda Editor" in newest.get_text()
    assert "Changed Headline and Body." in newest.get_text()
    assert [node.get_text() for node in newest.select("del")] == ["rise", "rise"]
    assert [node.get_text() for node in newest.select("ins")] == ["<b>fall</b>", "fall"]
    # The headline's markup is shown as text, never as markup.
    assert newest.find("b") is None
    assert "&lt;b&gt;fall&lt;/b&gt;" in response.content.decode()


def test_restoring_a_revision_brings_back_words_and_bylines_as_a_new_revision(editor_client, editor):
    first_author, second_author = AuthorFactory(name="Ana Ruiz"), AuthorFactory(name="Ben Okafor")
    story = StoryFactory(headline="Original headline", bylines=[first_author])
    _save(editor_client, story, headline="Original headline")
    old = _versions(story).last()
    data = open_change_form(editor_client, story)
    data.update({"headline": "Rewritten headline", "bylines-0-author": str(second_author.pk)})
    assert editor_client.post(change_url(story), data).status_code == 302
    version_before = Story.objects.get(pk=story.pk).version

    page = editor_client.get(_revision_url(story, old))
    assert page.status_code == 200
    assert "What restoring would change" in page_text(page)
    assert "Ana Ruiz" in page_text(page)

    response = editor_client.post(_revision_url(story, old))
    assert response.status_code == 302
    restored = Story.objects.get(pk=story.pk)
    assert restored.headline == "Original headline"
    assert [author.name for author in restored.authors.all()] == ["Ana Ruiz"]
    assert restored.version == version_before + 1
    # Still published: a restore never changes the workflow.
    assert restored.status == StoryStatus.PUBLISHED and restored.is_live()
    assert _versions(story).last().revision.get_comment().startswith("Restored by Eda Editor to the revision of")
    assert _versions(story).last().revision.user == editor


def test_restore_keeps_the_current_status_and_times(editor):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, headline="Draft words")
    workflow.story_submit(story=story, user=editor)
    submitted = _versions(story).last()
    workflow.story_publish(story=story, user=editor)
    story.headline = "Published words"
    workflow.story_save(story=story, user=editor)

    revisions.story_restore_revision(story=story, version=submitted, user=editor)
    story.refresh_from_db()
    assert story.headline == "Draft words"
    assert story.status == StoryStatus.PUBLISHED
    assert story.published_by == editor


def test_restore_that_would_break_the_publishing_rules_is_refused(editor):
    story = StoryFactory(bylines=[])
    workflow.story_save(story=story, user=editor)  # a revision with no byline
    old = _versions(story).last()
    story.headline = "Now with a byline"
    workflow.story_save(story=story, user=editor)
    from articles.models import Byline

    Byline.objects.create(story=story, author=AuthorFactory())
    with pytest.raises(ValidationError) as refused:
        revisions.story_restore_revision(story=story, version=old, user=editor)
    assert "Add at least one byline before publishing." in refused.value.messages
    assert Story.objects.get(pk=story.pk).headline == "Now with a byline"


def test_restoring_touches_only_this_story(editor):
    story, other = StoryFactory(headline="Mine"), StoryFactory(headline="Other")
    workflow.story_save(story=story, user=editor)
    old = _versions(story).last()
    other.headline = "Other, edited"
    workflow.story_save(story=other, user=editor)
    revisions.story_restore_revision(story=story, version=old, user=editor)
    assert Story.objects.get(pk=other.pk).headline == "Other, edited"


def test_a_revision_of_another_story_is_refused(editor):
    story, other = StoryFactory(), StoryFactory()
    workflow.story_save(story=other, user=editor)
    with pytest.raises(ValidationError):
        revisions.story_restore_revision(story=story, version=_versions(other).last(), user=editor)


def test_a_reporter_cannot_restore_a_submitted_story(client, editor):
    reporter = UserFactory(username="remi", role="Reporter")
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, created_by=reporter)
    workflow.story_save(story=story, user=reporter)
    workflow.story_submit(story=story, user=reporter)
    old = _versions(story).first()
    with pytest.raises(PermissionDenied):
        revisions.story_restore_revision(story=story, version=old, user=reporter)
    client.force_login(reporter)
    assert client.get(_revision_url(story, old)).status_code == 200
    assert "Restore this revision" not in client.get(_revision_url(story, old)).content.decode()
    assert client.post(_revision_url(story, old)).status_code == 403


# --- Deleting and recovering ------------------------------------------------------------------


def test_a_deleted_story_is_recovered_as_a_draft_with_its_bylines_and_tags(editor_client):
    author = AuthorFactory(name="Ana Ruiz")
    story = StoryFactory(headline="Gone by mistake", bylines=[author])
    story.tags.set(["Harbour"])
    story_pk = story.pk
    response = editor_client.post(reverse("admin:articles_story_delete", args=[story_pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Story.objects.filter(pk=story_pk).exists()

    listing = editor_client.get(reverse("admin:articles_story_recoverlist"))
    assert "Gone by mistake" in page_text(listing)
    deleted = Version.objects.get_deleted(Story).get(object_id=str(story_pk))
    page = editor_client.get(reverse("admin:articles_story_recover", args=[deleted.pk]))
    assert "Ana Ruiz" in page_text(page)
    response = editor_client.post(reverse("admin:articles_story_recover", args=[deleted.pk]))
    assert response.status_code == 302

    recovered = Story.objects.get(pk=story_pk)
    assert recovered.headline == "Gone by mistake"
    assert recovered.status == StoryStatus.DRAFT
    assert [a.name for a in recovered.authors.all()] == ["Ana Ruiz"]
    assert list(recovered.tags.names()) == ["Harbour"]
    assert not recovered.is_live()


def test_deleting_keeps_a_revision_that_says_who_deleted(editor):
    story = StoryFactory()
    story_pk = story.pk
    revisions.story_delete(story=story, user=editor)
    deleted = Version.objects.get_deleted(Story).get(object_id=str(story_pk))
    assert deleted.revision.get_comment() == "Deleted by Eda Editor."


def test_reporters_cannot_see_or_use_the_recover_list(client, editor):
    story = StoryFactory()
    story_pk = story.pk
    revisions.story_delete(story=story, user=editor)
    deleted = Version.objects.get_deleted(Story).get(object_id=str(story_pk))
    client.force_login(UserFactory(username="remi", role="Reporter"))
    assert client.get(reverse("admin:articles_story_recoverlist")).status_code == 403
    assert client.post(reverse("admin:articles_story_recover", args=[deleted.pk])).status_code == 403
    assert "Recover deleted" not in client.get(reverse("admin:articles_story_changelist")).content.decode()
    assert not Story.objects.filter(pk=story_pk).exists()


def test_a_live_story_cannot_be_recovered_twice(editor):
    story = StoryFactory()
    story_pk = story.pk
    revisions.story_delete(story=story, user=editor)
    deleted = Version.objects.get_deleted(Story).get(object_id=str(story_pk))
    revisions.story_recover_deleted(version=deleted, user=editor)
    with pytest.raises(ValidationError):
        revisions.story_recover_deleted(version=deleted, user=editor)
