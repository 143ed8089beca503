"""The real app (Django's live server, SQLite) behind varnishd with the project's VCL: every response
names its keys, every change purges exactly those at the edge after its commit, and the edge keeps
serving a page while the app is down.

Between Varnish and the app sits a small TCP relay, so a test can take the app away (connections
refused) without stopping the live server the other tests share.
"""

import contextlib
import socket
import socketserver
import threading
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group, Permission

from articles.models import StoryStatus
from articles.reader import cache as page_cache
from articles.reader import cache_requests, invalidation
from articles.stories import corrections, sharelinks, workflow
from articles.stories.roles import sync_roles
from tests.edge.conftest import HOST, running_varnish
from tests.factories import AuthorFactory, PhotoFactory, SectionFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.edge


class Relay:
    """Forwards TCP connections from a port of its own to the app; stop() refuses new ones."""

    def __init__(self, target: tuple[str, int]):
        relay = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                if not relay.open:
                    return
                with socket.create_connection(target) as upstream:
                    threading.Thread(target=pipe, args=(upstream, self.request), daemon=True).start()
                    pipe(self.request, upstream)

        def pipe(source, destination):
            try:
                while data := source.recv(65536):
                    destination.sendall(data)
            except OSError:
                pass
            finally:
                for end in (source, destination):
                    with contextlib.suppress(OSError):
                        end.shutdown(socket.SHUT_RDWR)

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.open = True
        self.server = socketserver.ThreadingTCPServer((HOST, 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.open = False
        self.server.shutdown()
        self.server.server_close()

    def start(self):
        self.open = True
        self.server = socketserver.ThreadingTCPServer((HOST, self.port), self.server.RequestHandlerClass)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def stack(live_server, settings, transactional_db):
    """Varnish in front of the live app; the app purges it after each commit."""
    address = urlsplit(live_server.url)
    relay = Relay((address.hostname, address.port))
    settings.NEWSROOM_PAGE_CACHE = True
    settings.NEWSROOM_PURGE_PENDING_CHECK_SECONDS = 0
    page_cache.local_copies.clear()
    cache_requests.not_sessions.clear()
    invalidation.forget_pending_read()
    page_cache.cache.clear()
    with running_varnish([f"{HOST}:{relay.port}"]) as edge:
        settings.NEWSROOM_EDGE_PURGE_URLS = [f"http://{HOST}:{edge.port}"]
        edge.relay = relay
        yield edge
    relay.stop()
    page_cache.local_copies.clear()


@pytest.fixture
def newsroom(stack):
    # The role groups come from a data migration, and each transactional test's flush empties them.
    sync_roles(Group, Permission)
    editor = UserFactory(username="edge-editor", role="Editor")
    city = SectionFactory(slug="city", name="City")
    sport = SectionFactory(slug="sport", name="Sport")
    author = AuthorFactory(slug="mara-lind", name="Mara Lind")
    story = StoryFactory(headline="Ferry timetable changes", section=city, bylines=[author])
    other = StoryFactory(headline="Regatta postponed", section=sport, bylines=[author])
    return {"story": story, "other": other, "city": city, "editor": editor}


def served(edge, path, **headers):
    response = edge.get(path, **headers)
    return response.status, response.headers.get("X-Cache"), response.body


def warmed(edge, *paths):
    for path in paths:
        assert edge.get(path).status == 200, path
        status, cached, _ = served(edge, path)
        assert (status, cached) == (200, "HIT"), path


def test_a_page_is_a_hit_after_the_first_fetch_and_keys_do_not_reach_readers(stack, newsroom):
    url = newsroom["story"].get_absolute_url()
    first = stack.get(url)
    assert first.status == 200 and first.headers["X-Cache"] == "MISS"
    again = stack.get(url)
    assert again.headers["X-Cache"] == "HIT" and again.body == first.body
    assert "xkey" not in again.headers and "Surrogate-Key" not in again.headers


def test_a_publish_purges_its_lists_and_leaves_other_stories_cached(stack, newsroom):
    story, other = newsroom["story"], newsroom["other"]
    warmed(stack, "/", "/city/", story.get_absolute_url(), other.get_absolute_url(), "/sport/")
    draft = StoryFactory(headline="Ferry strike called off", section=newsroom["city"], status=StoryStatus.DRAFT)
    workflow.story_publish(story=draft, user=newsroom["editor"])
    for path in ("/", "/city/"):
        status, cached, body = served(stack, path)
        assert status == 200 and cached == "MISS" and "Ferry strike called off" in body, path
    for path in (story.get_absolute_url(), other.get_absolute_url(), "/sport/"):
        assert served(stack, path)[1] == "HIT", path


def test_an_edit_purges_the_pages_showing_the_story_and_no_other(stack, newsroom):
    story = newsroom["story"]
    warmed(stack, story.get_absolute_url(), "/city/", "/sport/", newsroom["other"].get_absolute_url())
    story.body = "<p>The new timetable starts on Monday.</p>"
    workflow.story_save(story=story, user=newsroom["editor"])
    _status, cached, body = served(stack, story.get_absolute_url())
    assert cached == "MISS" and "The new timetable starts on Monday." in body
    assert served(stack, "/city/")[1] == "MISS"  # its card is there (story-<id>)
    assert served(stack, "/sport/")[1] == "HIT"
    assert served(stack, newsroom["other"].get_absolute_url())[1] == "HIT"


def test_a_correction_purges_the_story_and_the_corrections_page(stack, newsroom):
    story = newsroom["story"]
    warmed(stack, story.get_absolute_url(), "/corrections/", "/sport/")
    corrections.story_correct(story=story, user=newsroom["editor"], text="The ferry leaves at 9.15.")
    for path in (story.get_absolute_url(), "/corrections/"):
        _status, cached, body = served(stack, path)
        assert cached == "MISS" and "The ferry leaves at 9.15." in body, path
    assert served(stack, "/sport/")[1] == "HIT"


def test_a_withdrawal_is_gone_at_the_edge_at_once(stack, newsroom):
    story, other = newsroom["story"], newsroom["other"]
    warmed(stack, story.get_absolute_url(), "/city/", other.get_absolute_url())
    workflow.story_withdraw(story=story, user=newsroom["editor"])
    assert stack.get(story.get_absolute_url()).status == 404
    assert "Ferry timetable changes" not in stack.get("/city/").body
    assert served(stack, other.get_absolute_url())[1] == "HIT"


def rendition_path(photo) -> str:
    return "/" + photo.renditions["slots"]["w"]["jpeg"][0][2]


def test_a_withdrawn_storys_photo_files_are_gone_at_the_edge_at_once(stack, newsroom):
    story, other = newsroom["story"], newsroom["other"]
    for each in (story, other):
        each.lead_photo = PhotoFactory()
        each.save()
    ours, theirs = rendition_path(story.lead_photo), rendition_path(other.lead_photo)
    warmed(stack, ours, theirs)
    workflow.story_withdraw(story=story, user=newsroom["editor"])
    assert stack.get(ours).status == 404
    assert served(stack, theirs)[1] == "HIT"


def test_a_photo_edit_reaches_its_api_answer_at_the_edge(stack, newsroom):
    story = newsroom["story"]
    story.lead_photo = PhotoFactory(credit="Ana Ruiz")
    story.save()
    path = f"/api/v1/photos/{story.lead_photo_id}"
    warmed(stack, path)
    story.lead_photo.credit = "Harbour Agency"
    story.lead_photo.save()
    _status, cached, body = served(stack, path)
    assert cached == "MISS" and "Harbour Agency" in body


def test_staff_and_share_link_previews_are_never_cached(stack, newsroom, client):
    story = newsroom["story"]
    client.force_login(newsroom["editor"])
    session = client.cookies["sessionid"].value
    for _ in range(2):
        response = stack.get(story.get_absolute_url(), Cookie=f"sessionid={session}")
        assert response.headers.get("X-Cache") != "HIT"
        assert response.headers["Cache-Control"] == "private, no-store"
    draft = StoryFactory(headline="For the lawyer", section=newsroom["city"], status=StoryStatus.DRAFT)
    link = sharelinks.sharelink_create(story=draft, user=newsroom["editor"])
    address = urlsplit(sharelinks.sharelink_url(link))
    for _ in range(2):
        response = stack.get(f"{address.path}?{address.query}")
        assert response.status == 200 and response.headers.get("X-Cache") != "HIT"
        assert "no-store" in response.headers["Cache-Control"]


def test_tracking_parameters_do_not_split_the_cache(stack, newsroom):
    warmed(stack, "/")
    for path in ("/?utm_source=news&utm_medium=social", "/?fbclid=abc", "/?gclid=1"):
        assert served(stack, path)[1] == "HIT", path


def test_a_stale_page_is_served_while_the_app_is_down(stack, newsroom):
    url = newsroom["story"].get_absolute_url()
    warmed(stack, url)
    assert stack.purge(f"story-{newsroom['story'].pk}").status == 200  # stale now, kept for grace
    stack.relay.stop()
    try:
        response = stack.get(url)
        assert response.status == 200 and "Ferry timetable changes" in response.body
    finally:
        stack.relay.start()
