"""Feeds say names and titles as text (issue 14, item 8): a hostile name reaches feed readers as its letters.

Every feed kind, in RSS and Atom, with a hostile string in each name field: feedparser (a reader that
guesses, as many do) must show the literal string, and no text element may carry markup.
"""

import html

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from taggit.models import Tag

from articles.reader.feeds import rss_text
from tests.factories import AuthorFactory, SectionFactory, StoryFactory

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    "<b>Bold</b> &amp; <script>alert(2)</script> O'Hara",
]
FEEDS = {
    "site": "/feeds/{format}/",
    "section": "/feeds/sections/city/{format}/",
    "tag": "/feeds/tags/harbour/{format}/",
    "author": "/feeds/authors/mara/{format}/",
}
FIELDS = ["tag", "section", "author", "headline", "standfirst"]


@pytest.fixture(autouse=True)
def _render_every_request(settings):
    settings.NEWSROOM_PAGE_CACHE = False


def make_story(field: str, hostile: str):
    names = {name: hostile if field == name else benign for name, benign in _benign().items()}
    section = SectionFactory(name=names["section"], slug="city")
    author = AuthorFactory(name=names["author"], slug="mara")
    story = StoryFactory(
        headline=names["headline"],
        standfirst=names["standfirst"],
        section=section,
        bylines=[author],
        publish_at=timezone.now() - timezone.timedelta(hours=1),
    )
    story.tags.add(Tag.objects.create(name=names["tag"], slug="harbour"))
    return story


def _benign():
    return {
        "tag": "Harbour",
        "section": "City",
        "author": "Mara Lind",
        "headline": "Cranes return",
        "standfirst": "Three arrive.",
    }


def shown(detail) -> str:
    """What a reader displays for a text element, after checking it carries no markup."""
    if detail.type == "text/plain":
        return detail.value
    assert detail.type == "text/html", detail
    assert "<" not in detail.value and ">" not in detail.value, f"markup in a text element: {detail.value!r}"
    return html.unescape(detail.value)


def text_elements(parsed) -> dict[str, list[str]]:
    """Every text element feedparser read, as a reader shows it, by where it was."""
    channel = [shown(parsed.feed.title_detail)]
    if "subtitle_detail" in parsed.feed:
        channel.append(shown(parsed.feed.subtitle_detail))
    entries = []
    for entry in parsed.entries:
        entries.append(shown(entry.title_detail))
        entries += [tag.term for tag in entry.get("tags", [])]
        entries += [author.name for author in entry.get("authors", []) if "name" in author]
    return {"channel": channel, "entries": entries}


@pytest.mark.parametrize("hostile", HOSTILE, ids=["img", "mixed"])
@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("feed_format", ["rss", "atom"])
@pytest.mark.parametrize("kind", sorted(FEEDS))
def test_a_hostile_name_reaches_the_reader_as_literal_text(client, db, kind, feed_format, field, hostile):
    make_story(field, hostile)

    response = client.get(FEEDS[kind].format(format=feed_format))

    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    assert len(parsed.entries) == 1
    texts = text_elements(parsed)
    summary = BeautifulSoup(parsed.entries[0].summary, "html.parser")
    assert not summary.find_all(["img", "script", "b"]), parsed.entries[0].summary
    if field == "standfirst":
        assert hostile in summary.get_text()
    else:
        # The name is shown as typed wherever an entry carries it: title, categories, authors.
        assert hostile in texts["entries"], texts
    if field == kind:
        # ... and in the channel of its own feed: "Stories tagged …", "The latest stories about …".
        assert any(hostile in text for text in texts["channel"]), texts["channel"]
    for text in texts["channel"] + texts["entries"]:
        if hostile in text:
            continue
        assert "<" not in text, text  # nothing else picked up a stray tag


def test_the_rss_channel_description_of_a_hostile_tag_is_escaped_html(client, db):
    make_story("tag", HOSTILE[0])
    response = client.get("/feeds/tags/harbour/rss/")
    assert b"<description>The latest stories about &amp;lt;img src=x onerror=alert(1)&amp;gt; from" in response.content
    parsed = feedparser.parse(response.content)
    assert parsed.feed.subtitle_detail.type == "text/html"
    assert "<img" not in parsed.feed.subtitle
    assert html.unescape(parsed.feed.subtitle).startswith("The latest stories about <img src=x onerror=alert(1)>")


@pytest.mark.parametrize(
    ("typed", "sent"),
    [
        ("Harbour cranes return & “the city” cheers", "Harbour cranes return & “the city” cheers"),
        ("Fish <and> chips", "Fish &lt;and&gt; chips"),
        ("AT&amp;T", "AT&amp;amp;T"),
    ],
)
def test_rss_text_escapes_only_what_a_reader_could_take_for_markup(typed, sent):
    assert rss_text(typed) == sent
