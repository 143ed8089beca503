"""JSON Feed 1.1 beside RSS and Atom, and WebSub: every feed names the hub, and the site pings it."""

import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import feedparser
import pytest

from articles.reader import websub
from articles.stories.corrections import story_correct
from articles.stories.workflow import story_publish, story_withdraw
from tests.factories import AuthorFactory, SectionFactory, StoryFactory

pytestmark = pytest.mark.django_db

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"


def json_feed_problems(feed: dict) -> list[str]:
    """What breaks the JSON Feed 1.1 rules (https://jsonfeed.org/version/1.1): required fields and types."""
    problems = []
    if feed.get("version") != JSON_FEED_VERSION:
        problems.append(f"version is {feed.get('version')!r}")
    if not isinstance(feed.get("title"), str) or not feed["title"]:
        problems.append("title must be a non-empty string")
    for key in ("home_page_url", "feed_url", "description", "language"):
        if key in feed and not isinstance(feed[key], str):
            problems.append(f"{key} must be a string")
    for author in feed.get("authors", []):
        if not isinstance(author, dict) or not ({"name", "url", "avatar"} & author.keys()):
            problems.append("an author needs a name, url or avatar")
    for hub in feed.get("hubs", []):
        if not isinstance(hub.get("type"), str) or not isinstance(hub.get("url"), str):
            problems.append("a hub needs type and url strings")
    if not isinstance(feed.get("items"), list):
        return [*problems, "items must be a list"]
    ids = [item.get("id") for item in feed["items"]]
    if len(set(ids)) != len(ids):
        problems.append("item ids repeat")
    for item in feed["items"]:
        if not isinstance(item.get("id"), str) or not item["id"]:
            problems.append("an item needs a string id")
        if not any(isinstance(item.get(key), str) for key in ("content_html", "content_text")):
            problems.append(f"item {item.get('id')} has neither content_html nor content_text")
        for key in ("url", "title", "summary", "image", "date_published", "date_modified"):
            if key in item and not isinstance(item[key], str):
                problems.append(f"item {item.get('id')}: {key} must be a string")
        if "tags" in item and not all(isinstance(tag, str) for tag in item["tags"]):
            problems.append(f"item {item.get('id')}: tags must be strings")
        for key in ("date_published", "date_modified"):
            if key in item and "T" not in item[key]:
                problems.append(f"item {item.get('id')}: {key} is not RFC 3339")
    return problems


def test_the_checks_catch_a_broken_feed():
    assert json_feed_problems({"version": "1", "items": [{"id": 3}]})


def test_json_feeds_for_site_section_tag_and_author(client):
    author = AuthorFactory(slug="ana", name="Ana <b>Ruiz</b>")
    section = SectionFactory(slug="city", name="City & Port")
    story = StoryFactory(section=section, bylines=[author], headline="Ferry <returns>", standfirst="")
    story.tags.add("Ports & <Harbours>")
    tag_slug = story.tags.get().slug
    for url in (
        "/feeds/json/",
        "/feeds/sections/city/json/",
        f"/feeds/tags/{tag_slug}/json/",
        "/feeds/authors/ana/json/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/feed+json")
        feed = response.json()
        assert json_feed_problems(feed) == [], url
        assert feed["feed_url"] == f"https://news.example.org{url}"
        item = feed["items"][0]
        assert item["title"] == "Ferry <returns>"  # plain text, as given
        assert "<returns>" not in item["content_html"]
        assert item["authors"][0]["name"] == "Ana <b>Ruiz</b>"
        assert "Ports & <Harbours>" in item["tags"] and "City & Port" in item["tags"]
        assert "hubs" not in feed
    assert client.get("/feeds/sections/nowhere/json/").status_code == 404


def test_pages_link_their_json_feed(client):
    SectionFactory(slug="city")
    StoryFactory()
    home = client.get("/").content.decode()
    assert 'type="application/feed+json"' in home and 'href="/feeds/json/"' in home
    section = client.get("/city/").content.decode()
    assert 'href="/feeds/sections/city/json/"' in section


def test_every_feed_names_the_hub(client, settings):
    settings.NEWSROOM_WEBSUB_HUB = "https://hub.example/"
    StoryFactory()
    assert client.get("/feeds/json/").json()["hubs"] == [{"type": "WebSub", "url": "https://hub.example/"}]
    for url in ("/feeds/rss/", "/feeds/atom/"):
        parsed = feedparser.parse(client.get(url).content)
        hubs = [link["href"] for link in parsed.feed.links if link.get("rel") == "hub"]
        assert hubs == ["https://hub.example/"], url


class HubStub:
    """A tiny hub on 127.0.0.1 that records each POST's form; refuses the first `fail_first` with a 503."""

    def __init__(self, fail_first: int = 0):
        self.posts: list[dict] = []
        self.fail_first = fail_first
        self.seen = 0
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                form = urllib.parse.parse_qs(self.rfile.read(length).decode())
                stub.seen += 1
                if stub.seen <= stub.fail_first:
                    self.send_response(503)
                else:
                    stub.posts.append({key: values[0] for key, values in form.items()})
                    self.send_response(202)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def hub(settings):
    stub = HubStub()
    settings.NEWSROOM_WEBSUB_HUB = stub.url
    settings.NEWSROOM_WEBSUB_TIMEOUT = 2.0
    yield stub
    stub.stop()


def wait_for(condition, seconds=10.0):
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_publish_withdraw_and_correct_ping_the_hub_after_commit(
    hub, editor, django_capture_on_commit_callbacks, monkeypatch
):
    threads = []
    original = websub.ping_in_background
    monkeypatch.setattr(websub, "ping_in_background", lambda urls: threads.append(original(urls)) or threads[-1])
    author = AuthorFactory(slug="ana")
    story = StoryFactory(status="draft", publish_at=None, section=SectionFactory(slug="city"), bylines=[author])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        story_publish(story=story, user=editor)
    assert hub.posts == [] and threads == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert wait_for(lambda: threads and not threads[0].is_alive())
    urls = {post["hub.url"] for post in hub.posts}
    assert {post["hub.mode"] for post in hub.posts} == {"publish"}
    assert {
        "https://news.example.org/feeds/rss/",
        "https://news.example.org/feeds/json/",
        "https://news.example.org/feeds/sections/city/atom/",
        "https://news.example.org/feeds/authors/ana/json/",
    } <= urls
    count = len(hub.posts)
    with django_capture_on_commit_callbacks(execute=True):
        story_correct(story=story, user=editor, text="The ferry is blue.")
    assert wait_for(lambda: len(hub.posts) == 2 * count)
    with django_capture_on_commit_callbacks(execute=True):
        story_withdraw(story=story, user=editor)
    assert wait_for(lambda: len(hub.posts) == 3 * count)


def test_the_ping_is_retried_and_a_dead_hub_never_raises():
    stub = HubStub(fail_first=2)
    try:
        failed = websub.ping(stub.url, ["https://news.example.org/feeds/rss/"], attempts=3, timeout=2, pause=0.01)
        assert failed == [] and stub.seen == 3 and len(stub.posts) == 1
    finally:
        stub.stop()
    failed = websub.ping(
        "http://127.0.0.1:9/", ["https://news.example.org/feeds/rss/"], attempts=2, timeout=0.5, pause=0
    )
    assert failed == ["https://news.example.org/feeds/rss/"]


def test_no_hub_no_ping(settings, editor, django_capture_on_commit_callbacks, monkeypatch):
    settings.NEWSROOM_WEBSUB_HUB = ""
    called = []
    monkeypatch.setattr(websub, "ping_in_background", called.append)
    story = StoryFactory(status="draft", publish_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        story_publish(story=story, user=editor)
    assert called == []
