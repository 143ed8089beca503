"""An AI-generated or AI-composited picture carries its label on every surface a reader meets,
and the story's structured data lists every photo it shows as an ImageObject."""

import json
import re

import pytest

from articles.models import StoryStatus
from tests.factories import PhotoFactory, PlacementFactory, SectionFactory, StoryFactory

LABEL = "AI-generated image"


@pytest.fixture
def ai_story(db):
    section = SectionFactory(name="City", slug="city")
    lead = PhotoFactory(
        caption="A harbour that was never built",
        digital_source_type="trainedAlgorithmicMedia",
        photographer="Ana Ruiz",
        source="Coastline Wire",
        copyright="© Coastline Wire 2026",
    )
    story = StoryFactory(section=section, lead_photo=lead, status=StoryStatus.PUBLISHED)
    body = PhotoFactory(caption="Quay at dusk", digital_source_type="compositeWithTrainedAlgorithmicMedia")
    camera = PhotoFactory(caption="Crane at work", digital_source_type="digitalCapture")
    PlacementFactory(story=story, photo=body, paragraph=1, caption="Override words")
    PlacementFactory(story=story, photo=camera, paragraph=1, order=1)
    return story


def json_ld(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_story_page_figures_carry_the_label(client, ai_story):
    html = client.get(ai_story.get_absolute_url()).content.decode()
    body = html[html.index("<body") :]
    assert body.count('<span class="ai-label">AI-generated image</span>') == 1
    assert body.count('<span class="ai-label">Image includes AI-generated elements</span>') == 1
    # The label follows the caption the page shows, even one the story overrode.
    assert body.index("Override words") < body.index("Image includes AI-generated elements")
    assert body.count('class="ai-label"') == 2  # the camera's photograph has none


def test_cards_carry_the_label(client, ai_story):
    for url in ("/", ai_story.section.get_absolute_url()):
        html = client.get(url).content.decode()
        assert f'<p class="ai-label">{LABEL}</p>' in html, url


@pytest.mark.parametrize("url", ["/feeds/rss/", "/feeds/atom/"])
def test_feeds_carry_the_label(client, ai_story, url):
    xml = client.get(url).content.decode()
    assert f"A harbour that was never built ({LABEL})" in xml


def test_structured_data_lists_every_photo_as_an_image_object(client, ai_story):
    html = client.get(ai_story.get_absolute_url()).content.decode()
    article = next(block for block in json_ld(html) if block.get("@type") == "NewsArticle")
    media = article["associatedMedia"]
    assert [m["@type"] for m in media] == ["ImageObject"] * 3
    lead, body, camera = media
    assert lead["caption"] == f"A harbour that was never built ({LABEL})"
    assert lead["creditText"] == "Ana Ruiz/Coastline Wire"
    assert lead["creator"] == {"@type": "Person", "name": "Ana Ruiz"}
    assert lead["copyrightNotice"] == "© Coastline Wire 2026"
    assert lead["digitalSourceType"] == "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
    assert lead["contentUrl"].startswith("http") and "/photos/r/" in lead["contentUrl"]
    assert body["caption"] == "Override words (Image includes AI-generated elements)"
    assert camera["caption"] == "Crane at work"
    assert camera["digitalSourceType"].endswith("/digitalCapture")
    assert "license" not in lead  # the desk's terms are words, not a licence URL


def test_a_photo_readers_may_not_see_is_not_listed(client, ai_story):
    from datetime import timedelta

    from django.utils import timezone

    type(ai_story.lead_photo).objects.filter(pk=ai_story.lead_photo_id).update(
        rights_expire_on=timezone.localdate() - timedelta(days=2)
    )
    html = client.get(ai_story.get_absolute_url()).content.decode()
    article = next(block for block in json_ld(html) if block.get("@type") == "NewsArticle")
    assert len(article["associatedMedia"]) == 2
    assert LABEL + "</span>" not in html
