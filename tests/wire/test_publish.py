"""From the wire to the reader with no retyping: ingest, make a draft, publish, read the story page."""

import html

import pytest

from articles.models import WireEntry
from articles.stories import workflow
from articles.wire.drafts import wire_make_draft
from articles.wire.ingest import wire_ingest_batch
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db

CASES = {
    "ferry.nitf.xml": {
        "headline": "Night ferry returns to the islands",
        "standfirst": "The overnight crossing to the outer islands runs again from Friday after a winter without it.",
        "bylines": ["Ada Quill", "Ben Ferrow"],
        "dateline": '<p><span class="dateline">SKERRY HAVEN —</span> The night ferry to the outer islands',
        "subheading": "<h2>A winter without a crossing</h2>",
        "captions": ["The ferry at Skerry Haven on Thursday evening.", "Crew on deck before the first sailing."],
        "credits": ["Cara Lens/Northwind Press Agency", "Northwind Press Agency"],
        "tags": ["ferries", "islands"],
    },
    "lighthouse.newsml.xml": {
        "headline": "Kestrel Point lighthouse shines again",
        "standfirst": "The lighthouse at Kestrel Point was lit again on Wednesday night.",
        "bylines": ["Ada Quill"],
        "dateline": '<p><span class="dateline">Kestrel Point —</span> The lamp at Kestrel Point turned',
        "subheading": "<h2>A village effort</h2>",
        "captions": ["The beam seen from the harbour on Wednesday night.", "The restored lens."],
        "credits": ["Cara Lens/Northwind Press Agency", "Northwind Press Agency"],
        "tags": ["lighthouse", "heritage"],
    },
}


@pytest.mark.parametrize("name", CASES)
def test_ingested_story_published_renders_every_part(name, desk_batch, editor, client):
    SectionFactory(name="News", slug="news")
    expected = CASES[name]
    wire_ingest_batch(desk_batch(name))
    story = wire_make_draft(item=WireEntry.objects.get(), user=editor)
    workflow.story_publish(story=story, user=editor)

    response = client.get(story.get_absolute_url())

    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert f"<h1>{expected['headline']}</h1>" in page
    assert f'<p class="standfirst">{expected["standfirst"]}</p>' in page
    for name_ in expected["bylines"]:
        assert name_ in page.split('class="byline"', 1)[1].split("</p>", 1)[0]
    assert '<p class="credit-line">Northwind Press Agency</p>' in page
    assert expected["dateline"] in page
    assert expected["subheading"] in page
    for caption in expected["captions"]:
        assert caption in page
    for credit in expected["credits"]:
        assert credit in page
    topics = page.split('id="topics-heading"', 1)[1]
    for tag in expected["tags"]:
        assert f'rel="tag">{tag}</a>' in topics
