"""Schemathesis runs the API's own OpenAPI document against the app: no 5xx, no answer off the schema.

Bounded so it stays well under a minute: a few examples per operation, no shrinking, no deadline.
Runs in-process through the WSGI app (no server), against a small newsroom with live stories and
an editor's token for the desk endpoints.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from articles.models import Correction
from tests.api.conftest import token_for
from tests.factories import AuthorFactory, PhotoFactory, PlacementFactory, SectionFactory, StoryFactory, UserFactory

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())

CHECKS = [not_a_server_error, response_schema_conformance]
BOUNDED = settings(
    max_examples=8,
    deadline=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """As Django's test client does: a request's end must not close the test's (uncommitted) connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def newsroom(db, settings, wsgi_keeps_the_test_connection):
    settings.NEWSROOM_API_ANON_PER_MINUTE = 100_000
    settings.NEWSROOM_API_TOKEN_PER_MINUTE = 100_000
    section = SectionFactory(slug="city")
    author = AuthorFactory(slug="ana")
    photo = PhotoFactory()
    for _ in range(2):
        story = StoryFactory(section=section, bylines=[author], lead_photo=photo)
        story.tags.add("Harbour")
        PlacementFactory(story=story, photo=photo)
        Correction.objects.create(story=story, text="Fixed.")
    editor = UserFactory(username="schemathesis-editor", role="Editor")
    return {"Authorization": f"Bearer {token_for(editor)}"}


@pytest.mark.django_db
@schema.parametrize()
@BOUNDED
def test_every_operation_keeps_to_its_schema(case, newsroom):
    case.call_and_validate(headers=newsroom, checks=CHECKS)


@pytest.mark.django_db
def test_stateful_create_then_read(newsroom):
    """Sequences of calls linked by the schema (a draft created, then read, changed, moved on)."""
    links = schema.as_state_machine()

    class Desk(links):
        def get_call_kwargs(self, case):
            return {"headers": newsroom}

        def validate_response(self, response, case, additional_checks=None, **kwargs):
            case.validate_response(response, checks=CHECKS)

    Desk.run(
        settings=settings(
            max_examples=10,
            stateful_step_count=6,
            deadline=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
    )
