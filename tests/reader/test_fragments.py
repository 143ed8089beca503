"""Fragments: a page missing from the page cache reuses its parts that did not change, and never a stale one.

The page cache is off here, so every request renders (a miss) and only the fragment cache can
save work; the page cache's own tests (test_cache.py) run with both on.
"""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Photo, Story
from articles.reader import cache as page_cache
from articles.reader import fragments, invalidation
from articles.stories import corrections, workflow
from newsroom.redis_cache import RedisCache
from tests.factories import AuthorFactory, PhotoFactory, PlacementFactory, SectionFactory, StoryFactory
from tests.reader import test_cache as base

STORY_PAGE_QUERIES = 8  # tests/reader/test_query_budgets.py
FROM_FRAGMENTS_QUERIES = 2  # the story's row (through the gate) and the navigation's sections


@pytest.fixture(autouse=True)
def fragments_on(settings, monkeypatch):
    settings.NEWSROOM_PAGE_CACHE = False
    settings.NEWSROOM_FRAGMENT_CACHE = True
    settings.NEWSROOM_PURGE_PENDING_CHECK_SECONDS = 3600  # the outbox is read once per test
    base.fresh_invalidation_state(monkeypatch)
    page_cache._next_change["at"] = float("-inf")  # no next scheduled change known from another test
    yield
    page_cache._next_change["at"] = float("-inf")


committed = base.committed


@pytest.fixture
def story(db):
    story = StoryFactory(
        headline="Ferry timetable changes",
        section=SectionFactory(slug="city", name="City"),
        bylines=[AuthorFactory(slug="mara-lind", name="Mara Lind")],
        lead_photo=PhotoFactory(caption="The old ferry at dusk"),
        body="<p>The first sailing moves to 7.10.</p><p>The last one stays at 22.40.</p>",
    )
    story.tags.set(["Harbour"])
    related = StoryFactory(headline="Harbour wall repaired", section=story.section, publish_at=story.publish_at)
    related.tags.set(["Harbour"])
    invalidation.flush()
    return story


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def stored(kind: str, story) -> bool:
    return fragments.cache.get(f"{fragments.PREFIX}{kind}:{story.pk}") is not None


# --- Reuse ---------------------------------------------------------------------------------------------


def test_a_second_miss_of_a_story_page_builds_it_from_fragments(client, story, django_assert_num_queries):
    first = client.get(story.get_absolute_url())
    assert all(stored(part, story) for part in fragments.STORY_PARTS)
    with django_assert_num_queries(FROM_FRAGMENTS_QUERIES):
        again = client.get(story.get_absolute_url())
    assert FROM_FRAGMENTS_QUERIES < STORY_PAGE_QUERIES
    assert again.content == first.content
    assert "The first sailing moves to 7.10." in text(again)
    assert "Harbour wall repaired" in text(again)  # the related block
    # The page still names everything it shows, the related story's key included.
    assert again["xkey"] == first["xkey"]
    assert f"story-{Story.objects.get(headline='Harbour wall repaired').pk}" in again["xkey"].split()


def test_a_listing_reuses_each_storys_card(client, story, django_assert_num_queries, monkeypatch):
    first = text(client.get("/city/"))
    assert stored("card", story)
    rendered = []
    monkeypatch.setattr("articles.templatetags.cards._card", lambda *args, **kwargs: rendered.append(args))
    again = text(client.get("/city/"))
    assert again == first
    assert rendered == []  # every card came from its fragment


def test_a_card_shown_another_way_is_rendered_and_kept_beside_the_first(client, story):
    client.get("/city/")  # the story as the section's lead
    home = text(client.get("/"))  # the story on the home page: another heading and photo
    assert stored("card", story)
    cards = fragments.cache.get(f"{fragments.PREFIX}card:{story.pk}")[3]
    assert len(cards) == 2
    assert text(client.get("/")) == home


# --- Invalidation ---------------------------------------------------------------------------------------


def test_editing_the_body_drops_its_fragment_and_shows_the_new_text(client, story, editor, committed):
    client.get(story.get_absolute_url())
    story.body = "<p>The first sailing now moves to 6.50.</p>"
    with committed():
        workflow.story_save(story=story, user=editor)
    page = text(client.get(story.get_absolute_url()))
    assert "The first sailing now moves to 6.50." in page
    assert "7.10" not in page
    assert text(client.get(story.get_absolute_url())) == page  # and that page is kept in turn


def test_a_correction_drops_the_fragments_and_shows_on_the_story(client, story, editor, committed):
    client.get(story.get_absolute_url())
    with committed():
        corrections.story_correct(story=story, user=editor, text="The ferry leaves at 9.15, not 9.50.")
    page = text(client.get(story.get_absolute_url()))
    assert "The ferry leaves at 9.15, not 9.50." in page
    assert page.count("9.15, not 9.50") == 2  # the foot of the story and the NewsArticle's correction


def test_a_new_headline_replaces_the_card_on_the_home_and_section_pages(client, story, editor, committed):
    for url in ("/", "/city/"):
        assert "Ferry timetable changes" in text(client.get(url))
    story.headline = "Ferry timetable changes again"
    with committed():
        workflow.story_save(story=story, user=editor)
    for url in ("/", "/city/"):
        page = text(client.get(url))
        assert "Ferry timetable changes again" in page, url


def test_a_change_to_a_related_story_drops_the_related_block(client, story, editor, committed):
    client.get(story.get_absolute_url())
    related = Story.objects.get(headline="Harbour wall repaired")
    related.headline = "Harbour wall repaired at last"
    with committed():
        workflow.story_save(story=related, user=editor)
    assert "Harbour wall repaired at last" in text(client.get(story.get_absolute_url()))


def test_a_withdrawn_story_leaves_the_listings_and_its_page(client, story, editor, committed):
    client.get(story.get_absolute_url())
    client.get("/city/")
    with committed():
        workflow.story_withdraw(story=story, user=editor)
    assert client.get(story.get_absolute_url()).status_code == 404
    assert "Ferry timetable changes" not in text(client.get("/city/"))


def test_a_change_committed_during_the_render_keeps_the_fragment_out(client, story, monkeypatch):
    original = Story.objects.get(pk=story.pk)

    def purge_midway(story_id):
        parts = fragments.StoryParts(story_id, fragments.current())
        page_cache.purge_keys({f"story-{story_id}"})  # an edit commits while the page renders
        return parts

    monkeypatch.setattr(fragments, "story_parts", purge_midway)
    client.get(original.get_absolute_url())
    assert not stored("article", story)


# --- Time and rights -------------------------------------------------------------------------------------


def test_a_body_photo_whose_rights_end_at_midnight_is_not_shown_from_a_fragment(client, story):
    photo = PhotoFactory(caption="Pier at low tide", rights_expire_on=timezone.localdate())
    PlacementFactory(story=story, photo=photo, paragraph=1)
    invalidation.flush()
    tomorrow = timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=1), datetime.min.time()))
    with time_machine.travel(tomorrow - timedelta(seconds=5), tick=False):
        assert "Pier at low tide" in text(client.get(story.get_absolute_url()))
        assert stored("article", story)
    with time_machine.travel(tomorrow + timedelta(seconds=1), tick=False):
        page = text(client.get(story.get_absolute_url()))
    assert "Pier at low tide" not in page
    assert "The first sailing moves to 7.10." in page


def test_a_lead_photo_whose_rights_are_withdrawn_leaves_the_story_and_its_cards(client, story, committed):
    photo = Photo.objects.get(pk=story.lead_photo_id)
    folder = photo.renditions["slots"]["w"]["jpeg"][0][2].rsplit("/", 1)[0]
    for url in (story.get_absolute_url(), "/city/"):
        assert folder in text(client.get(url)), url
    photo.rights_expire_on = timezone.localdate() - timedelta(days=1)
    with committed():
        photo.save()
    for url in (story.get_absolute_url(), "/city/"):
        assert folder not in text(client.get(url)), url


def test_a_fragment_does_not_outlive_a_scheduled_story_going_live(client, story, settings):
    settings.NEWSROOM_PAGE_CACHE_TIMEOUT = 3600
    soon = timezone.now() + timedelta(minutes=10)
    StoryFactory(headline="Harbour toll abolished", section=story.section, publish_at=soon).tags.set(["Harbour"])
    with time_machine.travel(soon - timedelta(minutes=1), tick=False):
        client.get(story.get_absolute_url())
        entry = fragments.cache.get(f"{fragments.PREFIX}related:{story.pk}")
    assert entry[1] <= soon.timestamp()  # expires by the time the new story goes live
    with time_machine.travel(soon + timedelta(seconds=1), tick=False):
        assert "Harbour toll abolished" in text(client.get(story.get_absolute_url()))


# --- Who may use them ---------------------------------------------------------------------------------------


def test_a_preview_never_reads_or_writes_a_fragment(client, story, editor):
    draft = StoryFactory(headline="Unpublished scoop", status="draft", publish_at=None, section=story.section)
    client.force_login(editor)
    assert "Unpublished scoop" in text(client.get(draft.get_absolute_url(), follow=True))
    assert not any(stored(kind, draft) for kind in (*fragments.STORY_PARTS, "card"))


def test_staff_pages_neither_read_nor_write_fragments(client, story, editor):
    client.force_login(editor)
    client.get(story.get_absolute_url())
    client.get("/city/")
    assert not stored("article", story)
    assert not stored("card", story)


def test_with_the_cache_down_pages_are_rendered_in_full(client, story, monkeypatch, settings):
    down = RedisCache("redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.05, "socket_timeout": 0.05}})
    monkeypatch.setattr(fragments, "cache", down)
    monkeypatch.setattr(page_cache, "cache", down)
    for _ in range(2):
        page = text(client.get(story.get_absolute_url()))
        assert "The first sailing moves to 7.10." in page
        assert "Harbour wall repaired" in page
        assert "Ferry timetable changes" in text(client.get("/city/"))


def test_a_change_whose_purge_failed_is_shown_until_the_purge_lands(client, story, editor, committed, monkeypatch):
    client.get(story.get_absolute_url())
    purge_keys = page_cache.purge_keys

    def cache_down(keys):
        raise ConnectionError("the cache did not answer")

    monkeypatch.setattr(page_cache, "purge_keys", cache_down)
    story.body = "<p>The first sailing now moves to 6.50.</p>"
    with committed():
        workflow.story_save(story=story, user=editor)
    assert invalidation.pending_keys() >= {f"story-{story.pk}"}  # kept in the outbox for a retry
    # The old article is still stored, but a pending key keeps it from being used (or replaced).
    assert "The first sailing now moves to 6.50." in text(client.get(story.get_absolute_url()))
    monkeypatch.setattr(page_cache, "purge_keys", purge_keys)
    assert invalidation.flush()  # the cache answers again: the retry lands
    for _ in range(2):
        assert "The first sailing now moves to 6.50." in text(client.get(story.get_absolute_url()))
