"""Every endpoint × anonymous / reporter / editor / photo desk / chief × every state of a story.

The expected outcome comes from the rules the admin itself uses (articles.stories.permissions)
and the workflow's own states: refused by role is a 403 with the service's words, refused by
state a 422, a story the reader may not see a 404, no token a 401.
"""

import json
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Author, StoryStatus
from articles.stories import permissions
from tests.api.conftest import TokenClient, token_for
from tests.factories import AuthorFactory, StoryFactory

pytestmark = pytest.mark.django_db

STATES = ["draft", "scheduled", "embargoed", "published", "withdrawn"]
ROLES = ["anonymous", "reporter", "editor", "photodesk", "chief"]


def make_story(state: str, owner):
    now = timezone.now()
    fields = {
        "draft": {"status": StoryStatus.DRAFT, "publish_at": None},
        "scheduled": {"publish_at": now + timedelta(hours=2)},
        "embargoed": {"publish_at": now - timedelta(hours=1), "embargo_until": now + timedelta(hours=2)},
        "published": {},
        "withdrawn": {"status": StoryStatus.WITHDRAWN, "withdrawn_at": now},
    }[state]
    author = Author.objects.filter(user=owner).first() or AuthorFactory(user=owner)
    return StoryFactory(created_by=owner, bylines=[author], **fields)


def tomorrow() -> str:
    return (timezone.now() + timedelta(days=1)).isoformat()


# endpoint: (method, path, body, who may (from the admin's rules), states where the service accepts it, success)
ENDPOINTS = {
    "patch": ("patch", "", {"standfirst": "New words."}, "edit", set(STATES), 200),
    "submit": ("post", "/submit", None, "edit", {"draft"}, 200),
    "publish": ("post", "/publish", None, "publish", {"draft", "scheduled"}, 200),
    "schedule": ("post", "/schedule", "tomorrow", "publish", {"draft", "scheduled", "embargoed"}, 200),
    "withdraw": ("post", "/withdraw", None, "publish", {"scheduled", "embargoed", "published"}, 200),
    "return-to-draft": ("post", "/return-to-draft", None, "publish", {"scheduled", "embargoed", "withdrawn"}, 200),
    "correct": ("post", "/corrections", {"text": "The vote was 5-4."}, "publish", {"published"}, 201),
}


def expected(endpoint: str, user, story, state: str) -> int:
    _method, _path, _body, rule, accepted, success = ENDPOINTS[endpoint]
    if user is None:
        return 401
    if not user.has_perm("articles.view_story"):
        return 404
    allowed = (
        permissions.story_can_edit(story=story, user=user) if rule == "edit" else permissions.user_can_publish(user)
    )
    if not allowed:
        return 403
    return success if state in accepted else 422


@pytest.fixture
def users(reporter, editor, photodesk, chief):
    return {"anonymous": None, "reporter": reporter, "editor": editor, "photodesk": photodesk, "chief": chief}


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_grid(role, state, users, settings):
    settings.NEWSROOM_API_TOKEN_PER_MINUTE = 10_000
    settings.NEWSROOM_API_ANON_PER_MINUTE = 10_000
    user = users[role]
    client = TokenClient(token_for(user)) if user is not None else TokenClient()
    reporter = users["reporter"]
    outcomes = {}

    # Reading: the same for everyone, token or not: only a live story exists.
    story = make_story(state, reporter)
    read_status = 200 if state == "published" else 404
    for path in (f"/api/v1/stories/{story.pk}", f"/api/v1/stories/{story.pk}.ninjs"):
        outcomes[path] = (client.get(path).status_code, read_status)
    listed = [item["id"] for item in Client().get("/api/v1/stories").json()["items"]]
    outcomes["listed"] = (story.pk in listed, state == "published")
    desk = client.get(f"/api/v1/desk/stories/{story.pk}")
    outcomes["desk get"] = (desk.status_code, 401 if user is None else 200)

    for endpoint, (method, path, body, _rule, _accepted, _success) in ENDPOINTS.items():
        story = make_story(state, reporter)
        story.refresh_from_db()
        want = expected(endpoint, user, story, state)
        if body == "tomorrow":
            body = {"publish_at": tomorrow()}
        url = f"/api/v1/desk/stories/{story.pk}{path}"
        response = getattr(client, method)(
            url,
            json.dumps(body) if body is not None else "",
            content_type="application/json",
            HTTP_IF_MATCH=f'"v{story.version}"',
        )
        outcomes[endpoint] = (response.status_code, want)
        if response.status_code >= 400:
            problem = response.json()
            assert response["Content-Type"] == "application/problem+json"
            assert problem["status"] == response.status_code and problem["detail"]
            unchanged = type(story).objects.get(pk=story.pk)
            assert (unchanged.status, unchanged.version) == (story.status, story.version), endpoint
        if want == 403 and endpoint in ("publish", "schedule", "withdraw", "return-to-draft"):
            assert response.json()["detail"] == "Only an editor can publish, schedule or withdraw a story."

    wrong = {name: got for name, (got, want) in outcomes.items() if got != want}
    assert not wrong, {name: outcomes[name] for name in wrong}
