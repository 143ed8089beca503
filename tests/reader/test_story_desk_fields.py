"""The desk's new fields on the reader's page: dateline, credits, first publication, short headline."""

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories import StoryFactory

pytestmark = pytest.mark.django_db


def _page(client, story) -> BeautifulSoup:
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def _article(page) -> dict:
    for script in page.find_all("script", type="application/ld+json"):
        data = json.loads(script.string)
        if data.get("@type") == "NewsArticle":
            return data
    raise AssertionError("no NewsArticle")


def test_the_dateline_opens_the_first_paragraph(client):
    story = StoryFactory(dateline="PORT <HALDEN>", body="<h2>Sub</h2><p>First words.</p><p>Second.</p>")
    html = str(_page(client, story).find(class_="story-body"))
    assert '<p><span class="dateline">PORT &lt;HALDEN&gt; —</span> First words.</p>' in html
    assert html.count("dateline") == 1


def test_no_dateline_leaves_the_body_as_it_is(client):
    story = StoryFactory(dateline="", body="<p>First words.</p>")
    assert _page(client, story).find(class_="dateline") is None


def test_agency_credit_and_additional_reporting_are_shown(client):
    story = StoryFactory(credit_line="Coastline Wire", additional_reporting="Ana Ruiz and Ben Okafor")
    page = _page(client, story)
    assert page.find(class_="credit-line").get_text() == "Coastline Wire"
    assert page.find(class_="additional-reporting").get_text() == "Additional reporting by Ana Ruiz and Ben Okafor"


def test_agency_copy_keeps_its_first_publication_shown_and_in_structured_data(client):
    original = timezone.now() - timedelta(days=2)
    story = StoryFactory(credit_line="Coastline Wire", originally_published_at=original)
    page = _page(client, story)
    assert page.find(class_="first-published").get_text().startswith("First published by Coastline Wire")
    article = _article(page)
    assert article["dateCreated"] == timezone.localtime(original).isoformat(timespec="seconds")
    # This site's own publication stays the published date.
    assert article["datePublished"] == timezone.localtime(story.publish_at).isoformat(timespec="seconds")


def test_the_short_headline_is_the_social_title_and_the_page_keeps_the_headline(client):
    story = StoryFactory(headline="A long headline for the page itself", short_headline="Short one")
    page = _page(client, story)
    assert page.find("meta", property="og:title")["content"] == "Short one"
    assert page.find("meta", attrs={"name": "twitter:title"})["content"] == "Short one"
    assert page.find("h1").get_text() == "A long headline for the page itself"
    assert _article(page)["headline"] == "A long headline for the page itself"


def test_cards_use_the_short_headline(client):
    story = StoryFactory(headline="A long headline for the page itself", short_headline="Short one")
    page = BeautifulSoup(client.get(story.section.get_absolute_url()).content, "html.parser")
    assert [h.get_text() for h in page.select(".card-headline")] == ["Short one"]


def test_a_correction_shows_updated_on_the_page(client, editor):
    from articles.stories.corrections import story_correct

    story = StoryFactory(publish_at=timezone.now() - timedelta(days=1))
    story_correct(story=story, user=editor, text="The wall is 40 m long.")
    page = _page(client, story)
    assert page.find(class_="updated") is not None
    assert _article(page)["dateModified"] != _article(page)["datePublished"]
    assert page.find("meta", property="article:modified_time") is not None
