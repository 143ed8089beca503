"""Invalidation by surrogate key: what each response names, what each change purges (and nothing
else), the edge nodes purged after commit, the outbox that survives a broken cache, and a cache
key nobody can inflate."""

import socket
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from articles.models import PendingPurge, StoryStatus
from articles.reader import cache as page_cache
from articles.reader import cache_requests, invalidation
from articles.stories import corrections, sharelinks, workflow
from tests.factories import SectionFactory, StoryFactory
from tests.reader import test_cache as base
from tests.reader.test_cache import text, warm

# The page cache's fixtures: on, fresh for each test; a story on every kind of page; commits.
page_cache_on = base.page_cache_on
story = base.story
committed = base.committed


def keys_of(response) -> set[str]:
    assert response["xkey"] == response["Surrogate-Key"]
    return set(response["xkey"].split())


@pytest.fixture(autouse=True)
def no_remembered_sessions():
    cache_requests.not_sessions.clear()
    yield
    cache_requests.not_sessions.clear()


# --- Keys on every public response ------------------------------------------------------------------


def test_every_public_page_names_what_it_shows(client, story):
    section, author, tag = story.section, story.authors.get(), story.tags.get()
    own = f"story-{story.pk}"
    expected = {
        "/": {"home", own},
        story.get_absolute_url(): {own},
        "/city/": {f"section-{section.pk}", own},
        "/tags/harbour/": {f"tag-{tag.pk}", own},
        "/authors/mara-lind/": {f"author-{author.pk}", own},
        "/archive/": {"archive"},
        "/feeds/rss/": {"feeds", own},
        "/feeds/sections/city/atom/": {"feeds", f"section-{section.pk}", own},
        "/feeds/authors/mara-lind/rss/": {"feeds", f"author-{author.pk}", own},
        "/sitemap.xml": {"sitemaps"},
        "/robots.txt": {"sitemaps"},
        "/search/?q=ferry": {"search"},  # the index is filled on commit: no hit here
        "/corrections/": {"corrections"},
    }
    for url, keys in expected.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert keys | {"site"} <= keys_of(response), url
        # The hit carries the same keys, for an edge that fetches it from the app's cache.
        assert keys_of(client.get(url)) == keys_of(response), url


def test_a_story_page_names_its_related_stories_but_not_its_section(client, story):
    other = StoryFactory(section=story.section, headline="Quay works begin")
    story.related.add(other)
    keys = keys_of(client.get(story.get_absolute_url()))
    assert {f"story-{story.pk}", f"story-{other.pk}"} <= keys
    assert f"section-{story.section_id}" not in keys and "home" not in keys


def test_staff_and_previews_get_no_keys(editor_client, story):
    response = editor_client.get(story.get_absolute_url())
    assert "xkey" not in response and "Surrogate-Key" not in response
    assert response["Cache-Control"] == "private, no-store"


# --- What each change purges ----------------------------------------------------------------------


def recorded_keys(block) -> set[str]:
    """The keys a change writes to the outbox."""
    PendingPurge.objects.all().delete()
    block()
    return {key for row in PendingPurge.objects.values_list("keys", flat=True) for key in row.split()}


def test_a_publish_purges_the_story_its_lists_and_nothing_else(story, editor):
    draft = StoryFactory(
        section=story.section, bylines=[story.authors.get()], status=StoryStatus.DRAFT, publish_at=None
    )
    draft.tags.set(["Harbour"])
    keys = recorded_keys(lambda: workflow.story_publish(story=draft, user=editor))
    tag = story.tags.get()
    assert keys == {
        f"story-{draft.pk}",
        f"section-{story.section_id}",
        f"tag-{tag.pk}",
        f"author-{story.authors.get().pk}",
        *("home", "archive", "feeds", "search", "sitemaps"),
    }


def test_an_edit_of_the_body_purges_only_the_story(story, editor):
    story.body = "<p>The timetable changes on Monday.</p>"
    assert recorded_keys(lambda: workflow.story_save(story=story, user=editor)) == {f"story-{story.pk}", "sitemaps"}


def test_a_correction_purges_the_story_and_the_corrections(story, editor):
    keys = recorded_keys(lambda: corrections.story_correct(story=story, user=editor, text="It leaves at six."))
    assert {f"story-{story.pk}", "corrections"} <= keys
    assert "home" not in keys and f"section-{story.section_id}" not in keys


def test_moving_a_story_purges_the_section_it_left(story, editor):
    old = story.section
    story.section = SectionFactory(slug="business", name="Business")
    keys = recorded_keys(lambda: workflow.story_save(story=story, user=editor))
    assert {f"section-{old.pk}", f"section-{story.section_id}", "home"} <= keys


def test_a_drafts_edit_purges_nothing(story, editor):
    draft = StoryFactory(section=story.section, status=StoryStatus.DRAFT, publish_at=None, bylines=[])
    draft.headline = "Still a draft"
    assert recorded_keys(lambda: workflow.story_save(story=draft, user=editor)) == set()


# --- In the app's page cache -----------------------------------------------------------------------


def test_publishing_a_story_leaves_other_story_pages_cached(client, story, editor, committed):
    other = StoryFactory(section=story.section, headline="Harbour dues rise")
    invalidation.flush()
    warm(client, [story.get_absolute_url(), other.get_absolute_url(), "/", "/city/"])
    draft = StoryFactory(section=story.section, headline="Ferry strike called off", status=StoryStatus.DRAFT)
    with committed():
        workflow.story_publish(story=draft, user=editor)
    assert client.get(story.get_absolute_url())["X-Cache"] == "HIT"
    assert client.get(other.get_absolute_url())["X-Cache"] == "HIT"
    for url in ("/", "/city/"):
        response = client.get(url)
        assert response["X-Cache"] == "MISS" and "Ferry strike called off" in text(response), url


def test_a_moved_story_leaves_its_old_sections_page(client, story, editor, committed):
    warm(client, ["/city/"])
    story.section = SectionFactory(slug="business", name="Business")
    with committed():
        workflow.story_save(story=story, user=editor)
    assert "Ferry timetable changes" not in text(client.get("/city/"))


def test_a_withdrawal_is_gone_at_once_and_other_pages_stay(client, story, editor, committed):
    other = StoryFactory(section=SectionFactory(slug="sport"), headline="Regatta postponed")
    invalidation.flush()
    warm(client, [story.get_absolute_url(), other.get_absolute_url(), "/sport/"])
    with committed():
        workflow.story_withdraw(story=story, user=editor)
    assert client.get(story.get_absolute_url()).status_code == 404
    assert client.get(other.get_absolute_url())["X-Cache"] == "HIT"
    assert client.get("/sport/")["X-Cache"] == "HIT"


# --- The edge: purges after commit, to every node ---------------------------------------------------


class FakeEdge:
    """An HTTP server that answers PURGE like the project's VCL and records each xkey-purge."""

    def __init__(self, status: int = 200):
        self.purges: list[str] = []
        self.status = status
        edge = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):
                edge.purges.append(self.headers.get("xkey-purge", ""))
                self.send_response(edge.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def purged_keys(self) -> set[str]:
        return {key for value in self.purges for key in value.split()}

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def edges(settings):
    nodes = [FakeEdge(), FakeEdge()]
    settings.NEWSROOM_EDGE_PURGE_URLS = [node.url for node in nodes]
    yield nodes
    for node in nodes:
        node.close()


def test_a_withdrawal_purges_its_keys_at_every_edge_node_after_commit(
    story, editor, edges, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow.story_withdraw(story=story, user=editor)
    assert all(not node.purges for node in edges)  # nothing before the commit
    for callback in callbacks:
        callback()
    for node in edges:
        assert {f"story-{story.pk}", f"section-{story.section_id}", "home", "feeds"} <= node.purged_keys()
    assert not PendingPurge.objects.exists()


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_an_edge_that_is_down_keeps_the_purge_until_a_request_replays_it(client, story, editor, settings, committed):
    settings.NEWSROOM_EDGE_PURGE_URLS = [f"http://127.0.0.1:{closed_port()}"]
    settings.NEWSROOM_EDGE_PURGE_TIMEOUT = 0.5
    with committed():
        workflow.story_withdraw(story=story, user=editor)
    row = PendingPurge.objects.get()
    assert row.attempts == 1 and "edge purge failed" in row.last_error
    edge = FakeEdge()
    try:
        settings.NEWSROOM_EDGE_PURGE_URLS = [edge.url]
        settings.NEWSROOM_PURGE_PENDING_CHECK_SECONDS = 0
        invalidation.forget_replay()
        client.get("/")  # any reader's request replays it
        assert f"story-{story.pk}" in edge.purged_keys()
        assert not PendingPurge.objects.exists()
    finally:
        edge.close()


# --- A broken cache during a withdrawal ------------------------------------------------------------


def test_a_withdrawal_with_the_cache_down_succeeds_and_the_story_is_gone_at_once(
    transactional_db, client, story, editor, settings
):
    # Real commits: the purge runs inside the editor's request, as in production.
    reader = Client()
    url = story.get_absolute_url()
    warm(reader, [url])
    working = settings.CACHES
    settings.NEWSROOM_PURGE_PENDING_CHECK_SECONDS = 0
    settings.CACHES = {
        "default": {
            "BACKEND": "newsroom.redis_cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/8",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2, "CIRCUIT_SECONDS": 0},
        }
    }
    client.force_login(editor)
    changelist = reverse("admin:articles_story_changelist")
    response = client.post(changelist, {"action": "withdraw_selected", "_selected_action": [story.pk]}, follow=True)
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert "1 story withdrawn." in shown
    assert any("Clearing the cached pages failed" in message for message in shown)
    story.refresh_from_db()
    assert story.status == StoryStatus.WITHDRAWN
    assert reader.get(url).status_code == 404  # with the cache down
    assert PendingPurge.objects.exists()
    # The cache comes back, still holding the page from before: not served while the purge waits.
    settings.CACHES = working
    assert reader.get(url).status_code == 404
    call_command("flush_invalidations")
    assert not PendingPurge.objects.exists()
    assert reader.get(url).status_code == 404


def test_flush_invalidations_reports_a_failure_and_keeps_the_rows(story, settings, capsys):
    settings.NEWSROOM_EDGE_PURGE_URLS = [f"http://127.0.0.1:{closed_port()}"]
    settings.NEWSROOM_EDGE_PURGE_TIMEOUT = 0.5
    invalidation.record({f"story-{story.pk}"})
    with pytest.raises(SystemExit):
        call_command("flush_invalidations")
    assert "kept for a retry" in capsys.readouterr().err
    assert PendingPurge.objects.exists()


# --- Times that change visibility --------------------------------------------------------------------


def test_a_page_never_outlives_the_next_scheduled_change(client, story):
    StoryFactory(section=story.section, publish_at=timezone.now() + timedelta(seconds=90))
    invalidation.flush()
    response = client.get("/")
    control = response["Cache-Control"]
    s_maxage = int(control.split("s-maxage=")[1].split(",")[0])
    max_age = int(control.split("max-age=")[1].split(",")[0])
    assert 0 < s_maxage <= 90 and max_age <= 60


# --- A key nobody can inflate ---------------------------------------------------------------------


def test_tracking_and_unknown_parameters_do_not_split_the_cache(client, story):
    warm(client, ["/", "/city/"])
    for url in ("/?utm_source=x&utm_medium=y", "/?fbclid=abc", "/?gclid=1&_ga=2", "/?anything=else"):
        assert client.get(url)["X-Cache"] == "HIT", url
    assert client.get("/city/?page=1&utm_campaign=z")["X-Cache"] == "MISS"  # page is read by the view
    assert client.get("/city/?utm_campaign=other&page=1")["X-Cache"] == "HIT"


def test_a_forged_share_token_gets_the_cached_page(client, story):
    warm(client, [story.get_absolute_url()])
    response = client.get(story.get_absolute_url() + "?share=forged.token")
    assert response["X-Cache"] == "HIT"


def test_a_valid_share_token_bypasses_the_cache(client, story, editor):
    warm(client, [story.get_absolute_url()])
    link = sharelinks.sharelink_create(story=story, user=editor)
    token = sharelinks.sharelink_token(link)
    response = client.get(story.get_absolute_url(), {"share": token})
    assert "X-Cache" not in response


def test_a_valid_staff_session_bypasses_the_cache(story, editor):
    reader = Client()
    warm(reader, [story.get_absolute_url()])
    staff = Client()
    staff.force_login(editor)
    assert "X-Cache" not in staff.get(story.get_absolute_url())
    assert page_cache.may_use_cache  # the rule lives in cache_requests.bypasses_cache
