"""ninjs 3.1 for every live story, checked against the IPTC's own schema (tests/fixtures/ninjs/)."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from jsonschema import Draft202012Validator, FormatChecker

from articles.models import DigitalSourceType, Photo, Story
from tests.factories import AuthorFactory, PhotoFactory, PlacementFactory, StoryFactory

pytestmark = pytest.mark.django_db

SCHEMA = json.loads((Path(__file__).parents[1] / "fixtures" / "ninjs" / "ninjs-schema_3.1.json").read_text())
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker())


def assert_valid(document: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def test_the_checker_catches_a_broken_document():
    assert list(VALIDATOR.iter_errors({"type": "text"}))  # no uri
    assert list(VALIDATOR.iter_errors({"uri": "x", "headline": "not a ninjs field"}))


def test_a_story_with_pictures_and_a_digital_source_type():
    lead = PhotoFactory(digital_source_type=DigitalSourceType.TRAINED_ALGORITHMIC_MEDIA)
    story = StoryFactory(lead_photo=lead, bylines=[AuthorFactory(name="Ana"), AuthorFactory(name="Ben")])
    story.tags.add("Harbour")
    PlacementFactory(story=story, caption="Inline")
    client = Client()
    document = client.get(f"/api/v1/stories/{story.pk}.ninjs")
    assert document["Content-Type"].startswith("application/ninjs+json")
    data = document.json()
    assert_valid(data)
    assert data["by"] == "Ana and Ben"
    pictures = data["associations"]
    assert [p["type"] for p in pictures] == ["picture", "picture"]
    assert pictures[0]["digitalSourceType"]["uri"] == (
        "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"
    )
    assert "digitalSourceType" not in pictures[1]
    assert all(r["href"].startswith("https://news.example.org/") for p in pictures for r in p["renditions"])
    negotiated = client.get(f"/api/v1/stories/{story.pk}", HTTP_ACCEPT="application/vnd.iptc.ninjs+json")
    assert negotiated.json() == data
    assert "Accept" in negotiated["Vary"]
    assert "headline" in client.get(f"/api/v1/stories/{story.pk}", HTTP_ACCEPT="application/json").json()


def test_every_demo_story_validates():
    call_command("load_demo", verbosity=0)
    client = Client()
    live = list(Story.objects.live().values_list("pk", flat=True))
    assert len(live) > 10
    for pk in live:
        response = client.get(f"/api/v1/stories/{pk}.ninjs")
        assert response.status_code == 200
        assert_valid(response.json())
    hidden = Story.objects.exclude(pk__in=live).values_list("pk", flat=True)
    for pk in hidden:
        assert client.get(f"/api/v1/stories/{pk}.ninjs").status_code == 404
    assert Photo.objects.exists()
