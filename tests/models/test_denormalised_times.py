"""Bylines and tags carry a copy of their story's publish time, for the tag and author pages' indexes.

The copy follows the story however its time is set (publish, reschedule, an edit, a restore) and
however a byline or tag is added (factories, taggit, the admin's inlines). It orders and narrows
lists; it never makes a story visible: a stale copy can misorder a list, never leak a story.
"""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from reversion.models import Version
from taggit.models import Tag

from articles.models import Byline, Story, StoryStatus, TaggedStory
from articles.reader.story import related_stories
from articles.stories import revisions, workflow
from tests.admin.admin_pages import change_url, error_text, open_change_form
from tests.factories import AuthorFactory, StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_request(settings):
    settings.NEWSROOM_PAGE_CACHE = False


def copies(story) -> set:
    """The publish times held by the story's bylines and tags (one value when they agree)."""
    bylines = Byline.objects.filter(story=story).values_list("publish_at", flat=True)
    tags = TaggedStory.objects.filter(content_object=story).values_list("publish_at", flat=True)
    return set(bylines) | set(tags)


def headlines(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    page = BeautifulSoup(response.content.decode(), "html.parser")
    return [h.get_text(strip=True) for h in page.select(".card-headline")]


def hours_ago(hours: float):
    return timezone.now() - timedelta(hours=hours)


# --- The copy follows the story ---------------------------------------------------------------


def test_bylines_and_tags_take_their_storys_time_when_added():
    story = StoryFactory(publish_at=hours_ago(3))
    story.tags.add("Harbour", "Ferries")
    story.tags.set(["Harbour", "Council"])
    byline = Byline.objects.create(story_id=story.pk, author=AuthorFactory(), order=1)
    assert copies(story) == {story.publish_at}
    # The database hands back the value it wrote, so the new row holds the time, not an expression.
    assert byline.publish_at == story.publish_at


def test_saving_a_byline_again_copies_the_time_unless_the_save_names_other_fields():
    story = StoryFactory(publish_at=hours_ago(3))
    byline = story.bylines.get()
    Byline.objects.filter(pk=byline.pk).update(publish_at=None)
    byline.order = 4
    byline.save(update_fields=["order"])
    assert Byline.objects.get(pk=byline.pk).publish_at is None
    byline.save()
    assert byline.publish_at == story.publish_at
    assert Byline.objects.get(pk=byline.pk).publish_at == story.publish_at


def test_a_byline_added_through_an_old_copy_of_the_story_takes_the_time_in_the_database(editor):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    stale = Story.objects.get(pk=story.pk)
    workflow.story_publish(story=story, user=editor)
    Byline.objects.create(story=stale, author=AuthorFactory(), order=1)
    stale.tags.add("Harbour")
    assert copies(story) == {Story.objects.get(pk=story.pk).publish_at}


def test_the_copy_follows_publishing_and_rescheduling(editor):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    story.tags.add("Harbour")
    assert copies(story) == {None}

    later = timezone.now() + timedelta(hours=5)
    workflow.story_publish(story=story, user=editor, publish_at=later)
    assert copies(story) == {later}

    sooner = timezone.now() + timedelta(hours=1)
    workflow.story_publish(story=story, user=editor, publish_at=sooner)  # rescheduled
    assert copies(story) == {sooner}

    workflow.story_return_to_draft(story=story, user=editor)
    workflow.story_publish(story=story, user=editor)  # now
    story.refresh_from_db()
    assert copies(story) == {story.publish_at}
    assert story.publish_at <= timezone.now()


def test_the_copy_follows_a_time_changed_by_an_edit(editor):
    story = StoryFactory(publish_at=hours_ago(10))
    story.tags.add("Harbour")
    story.publish_at = hours_ago(20)
    workflow.story_save(story=story, user=editor)
    assert copies(story) == {story.publish_at}
    # A save that leaves the time alone writes nothing to the bylines and tags.
    story.headline = "A new headline"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Story, "copy_publish_time", lambda self: pytest.fail("copied an unchanged time"))
        workflow.story_save(story=story, user=editor)


def test_the_copy_follows_a_save_of_the_time_alone_and_of_a_story_built_in_memory():
    story = StoryFactory(publish_at=hours_ago(10))
    story.tags.add("Harbour")
    story.publish_at = hours_ago(30)
    story.save(update_fields=["publish_at"])
    assert copies(story) == {story.publish_at}
    # An instance not read from the database cannot know what its rows hold: it copies.
    rebuilt = Story(**{f.attname: getattr(story, f.attname) for f in Story._meta.concrete_fields})
    TaggedStory.objects.filter(content_object=story).update(publish_at=None)
    rebuilt.save()
    assert copies(story) == {story.publish_at}


def test_the_story_form_adds_bylines_and_tags_with_the_time(client, editor):
    story = StoryFactory(publish_at=hours_ago(4))
    client.force_login(editor)
    data = open_change_form(client, story)
    data.update({"bylines-1-author": str(AuthorFactory().pk), "bylines-1-order": "1"})
    Tag.objects.create(name="Harbour", slug="harbour")
    data["tags"] = "Harbour"  # tags are typed as words on the story form
    response = client.post(change_url(story), data)
    assert response.status_code == 302, error_text(response)
    assert Byline.objects.filter(story=story).count() == 2
    assert TaggedStory.objects.filter(content_object=story).count() == 1
    # The form sends whole seconds: the story's time as saved now, and the copies with it.
    assert copies(story) == {Story.objects.get(pk=story.pk).publish_at}


def test_restoring_a_revision_copies_the_time_again(editor):
    story = StoryFactory(publish_at=hours_ago(6), headline="First words")
    story.tags.add("Harbour")
    workflow.story_save(story=story, user=editor)
    first = Version.objects.get_for_object(story).order_by("pk").last()
    # Revisions leave the copy out: it is derived, and an old one would be stale.
    assert all("publish_at" not in v.field_dict for v in first.revision.version_set.exclude(object_id=str(story.pk)))

    story.headline = "Second words"
    workflow.story_save(story=story, user=editor)
    revisions.story_restore_revision(story=story, version=first, user=editor)
    assert copies(story) == {story.publish_at}

    # When the time changed since that revision, the restore keeps today's time, and so do the copies.
    kept = hours_ago(12)
    story.publish_at = kept
    workflow.story_save(story=story, user=editor)
    revisions.story_restore_revision(story=story, version=first, user=editor)
    story.refresh_from_db()
    assert story.publish_at == kept
    assert copies(story) == {kept}


# --- Lists use the copy for order, never for visibility --------------------------------------------


@pytest.fixture
def beat():
    """An author and a tag with live stories added out of time order, and hidden ones beside them."""
    author = AuthorFactory(name="Mara Lind", slug="mara-lind")
    made = {}
    for headline, hours in (("Middle", 20), ("Newest", 2), ("Oldest", 50)):
        made[headline] = StoryFactory(headline=headline, publish_at=hours_ago(hours), bylines=[author])
    made["Scheduled"] = StoryFactory(headline="Scheduled", publish_at=hours_ago(-5), bylines=[author])
    made["Withdrawn"] = StoryFactory(
        headline="Withdrawn", publish_at=hours_ago(1), status=StoryStatus.WITHDRAWN, bylines=[author]
    )
    made["Draft"] = StoryFactory(headline="Draft", publish_at=None, status=StoryStatus.DRAFT, bylines=[author])
    made["Embargoed"] = StoryFactory(
        headline="Embargoed", publish_at=hours_ago(3), embargo_until=hours_ago(-3), bylines=[author]
    )
    for story in made.values():
        story.tags.add("Harbour")
    return made


@pytest.mark.parametrize("url", ["/tags/harbour/", "/authors/mara-lind/"])
def test_tag_and_author_pages_list_live_stories_newest_first(client, beat, url):
    assert headlines(client, url) == ["Newest", "Middle", "Oldest"]


@pytest.mark.parametrize("url", ["/tags/harbour/", "/authors/mara-lind/"])
def test_a_stale_copy_can_misorder_but_never_show_a_hidden_story(client, beat, url):
    # Every copy says "an hour ago", as if a bulk write had gone wrong.
    past = hours_ago(1)
    Byline.objects.update(publish_at=past)
    TaggedStory.objects.update(publish_at=past)
    assert sorted(headlines(client, url)) == ["Middle", "Newest", "Oldest"]


def test_a_tag_whose_stories_are_all_hidden_has_no_page_even_with_stale_copies(client, db):
    hidden = StoryFactory(publish_at=hours_ago(-5))
    hidden.tags.add("Secret plans")
    TaggedStory.objects.update(publish_at=hours_ago(1))
    assert client.get("/tags/secret-plans/").status_code == 404


def test_related_stories_come_from_the_copy_window_and_the_gate():
    story = StoryFactory(publish_at=hours_ago(24 * 200))
    story.tags.add("Harbour", "Ferries")
    near = StoryFactory(headline="Near", publish_at=story.publish_at + timedelta(days=3))
    near.tags.add("Harbour", "Ferries")
    also_near = StoryFactory(headline="Also near", publish_at=story.publish_at - timedelta(days=10))
    also_near.tags.add("Harbour")
    far = StoryFactory(headline="Far", publish_at=story.publish_at - timedelta(days=400))
    far.tags.add("Harbour", "Ferries")
    withdrawn = StoryFactory(headline="Withdrawn", publish_at=story.publish_at, status=StoryStatus.WITHDRAWN)
    withdrawn.tags.add("Harbour", "Ferries")
    story = Story.objects.for_story_page().get(pk=story.pk)
    assert [s.headline for s in related_stories(story)] == ["Near", "Also near"]


# --- The migration -------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_the_migration_fills_the_copies_from_the_stories():
    executor = MigrationExecutor(connection)
    before, after = ("articles", "0007_resync_roles"), ("articles", "0008_publish_time_on_bylines_and_tags")
    executor.migrate([before])
    apps = executor.loader.project_state([before]).apps
    Section, OldStory = apps.get_model("articles", "Section"), apps.get_model("articles", "Story")
    Author, Tag = apps.get_model("articles", "Author"), apps.get_model("taggit", "Tag")
    OldByline, OldTagged = apps.get_model("articles", "Byline"), apps.get_model("articles", "TaggedStory")
    section = Section.objects.create(name="City", slug="city")
    author, tag = Author.objects.create(name="A", slug="a"), Tag.objects.create(name="t", slug="t")
    when = hours_ago(5)
    live = OldStory.objects.create(headline="Live", slug="live", section=section, status="published", publish_at=when)
    draft = OldStory.objects.create(headline="Draft", slug="draft", section=section)
    for story in (live, draft):
        OldByline.objects.create(story=story, author=author)
        OldTagged.objects.create(content_object=story, tag=tag)

    executor = MigrationExecutor(connection)
    try:
        executor.migrate([after])
        assert copies(live.pk) == {when}
        assert copies(draft.pk) == {None}
    finally:
        # Back to the latest schema, or every later test would meet the tables as they were at 0008.
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
