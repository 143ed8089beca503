"""The permission matrix: each role against each workflow action, through the services and the admin.

Hand-made POSTs count: a reporter who posts a publish button or a bulk action by
hand gets 403, and the story is exactly as it was.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from articles.models import Story, StoryStatus
from articles.stories import permissions, workflow
from tests.admin.admin_pages import change_url, form_data, open_change_form, page_text
from tests.factories import AuthorFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["Reporter", "Editor", "Photo desk", "Chief"]


@pytest.fixture
def users(db):
    return {role: UserFactory(username=role.lower().replace(" ", ""), role=role) for role in ROLES}


def _draft(**kwargs):
    return StoryFactory(status=StoryStatus.DRAFT, publish_at=None, **kwargs)


def _snapshot(story):
    story = Story.objects.get(pk=story.pk)
    return (story.status, story.headline, story.version, story.publish_at, story.withdrawn_at)


# --- Services: role × action -----------------------------------------------------------


def _story_for(action: str, owner):
    if action in ("submit", "publish", "schedule"):
        return _draft(created_by=owner)
    if action == "back_to_draft":
        return StoryFactory(status=StoryStatus.SUBMITTED, publish_at=None, created_by=owner)
    return StoryFactory(created_by=owner)  # withdraw: a live story


def _do(action: str, story, user):
    if action == "submit":
        return workflow.story_submit(story=story, user=user)
    if action == "publish":
        return workflow.story_publish(story=story, user=user)
    if action == "schedule":
        return workflow.story_publish(story=story, user=user, publish_at=timezone.now() + timedelta(hours=2))
    if action == "withdraw":
        return workflow.story_withdraw(story=story, user=user)
    return workflow.story_return_to_draft(story=story, user=user)


ALLOWED = {
    # role: actions the role may take on a story it created
    "Reporter": {"submit"},
    "Editor": {"submit", "publish", "schedule", "withdraw", "back_to_draft"},
    "Photo desk": set(),
    "Chief": {"submit", "publish", "schedule", "withdraw", "back_to_draft"},
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ["submit", "publish", "schedule", "withdraw", "back_to_draft"])
def test_service_permission_matrix(users, role, action):
    user = users[role]
    story = _story_for(action, owner=user)
    before = _snapshot(story)
    if action in ALLOWED[role]:
        _do(action, story, user)
        assert _snapshot(story) != before
    else:
        with pytest.raises(PermissionDenied):
            _do(action, story, user)
        assert _snapshot(story) == before


def test_reporter_cannot_submit_someone_elses_draft(users):
    story = _draft(created_by=users["Editor"])
    with pytest.raises(PermissionDenied):
        workflow.story_submit(story=story, user=users["Reporter"])
    assert Story.objects.get(pk=story.pk).status == StoryStatus.DRAFT


def test_reporter_may_submit_a_draft_carrying_their_byline(users):
    author = AuthorFactory(user=users["Reporter"])
    story = _draft(created_by=users["Editor"], bylines=[author])
    workflow.story_submit(story=story, user=users["Reporter"])
    assert story.status == StoryStatus.SUBMITTED


@pytest.mark.parametrize(
    ("role", "owner_role", "status", "editable"),
    [
        ("Reporter", "Reporter", StoryStatus.DRAFT, True),
        ("Reporter", "Reporter", StoryStatus.SUBMITTED, False),
        ("Reporter", "Reporter", StoryStatus.PUBLISHED, False),
        ("Reporter", "Editor", StoryStatus.DRAFT, False),
        ("Editor", "Reporter", StoryStatus.SUBMITTED, True),
        ("Editor", "Reporter", StoryStatus.PUBLISHED, True),
        ("Chief", "Reporter", StoryStatus.WITHDRAWN, True),
        ("Photo desk", "Photo desk", StoryStatus.DRAFT, False),
    ],
)
def test_who_may_edit_which_story(users, role, owner_role, status, editable):
    publish_at = None if status in (StoryStatus.DRAFT, StoryStatus.SUBMITTED) else timezone.now()
    story = StoryFactory(status=status, publish_at=publish_at, created_by=users[owner_role])
    assert permissions.story_can_edit(story=story, user=users[role]) is editable


# --- Admin: the change form ---------------------------------------------------------------


@pytest.mark.parametrize("button", ["_publish_now", "_schedule", "_withdraw", "_back_to_draft"])
def test_reporter_posting_an_editor_button_by_hand_gets_403_and_nothing_changes(client, users, button):
    reporter = users["Reporter"]
    story = _draft(created_by=reporter)
    client.force_login(reporter)
    data = open_change_form(client, story)
    data["headline"] = "Changed by a hand-made post"
    data["publish_at_0"] = (timezone.localdate() + timedelta(days=1)).isoformat()
    data["publish_at_1"] = "09:00:00"
    before = _snapshot(story)
    response = client.post(change_url(story), {**data, button: "1"})
    assert response.status_code == 403
    assert _snapshot(story) == before


def test_reporter_sees_only_the_submit_button(client, users):
    reporter = users["Reporter"]
    story = _draft(created_by=reporter)
    client.force_login(reporter)
    response = client.get(change_url(story))
    content = response.content.decode()
    assert 'name="_submit_story"' in content
    for button in ("_publish_now", "_schedule", "_withdraw", "_back_to_draft"):
        assert f'name="{button}"' not in content


def test_reporter_edits_and_submits_their_draft_then_can_no_longer_change_it(client, users):
    reporter = users["Reporter"]
    story = _draft(created_by=reporter)
    client.force_login(reporter)
    data = open_change_form(client, story)
    data["headline"] = "Harbour cranes to go electric"
    response = client.post(change_url(story), {**data, "_submit_story": "Submit for editing"})
    assert response.status_code == 302
    story.refresh_from_db()
    assert (story.status, story.headline) == (StoryStatus.SUBMITTED, "Harbour cranes to go electric")
    assert story.submitted_at is not None

    # The page is now read-only for the reporter, and a post is refused.
    page = client.get(change_url(story))
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    # The read-only body reads as text, not as a string of tags.
    assert "&lt;p&gt;" not in page.content.decode()
    data["headline"] = "Sneaky change after submitting"
    assert client.post(change_url(story), data).status_code == 403
    assert Story.objects.get(pk=story.pk).headline == "Harbour cranes to go electric"


def test_reporter_cannot_change_someone_elses_draft(client, users):
    story = _draft(created_by=users["Editor"])
    client.force_login(users["Reporter"])
    data = form_data(client.get(change_url(story)))
    data["headline"] = "Not mine to change"
    assert client.post(change_url(story), data).status_code == 403
    assert Story.objects.get(pk=story.pk).headline != "Not mine to change"


def test_reporter_cannot_set_publish_or_embargo_times(client, users):
    reporter = users["Reporter"]
    story = _draft(created_by=reporter)
    client.force_login(reporter)
    data = open_change_form(client, story)
    assert "publish_at_0" not in data and "embargo_until_0" not in data
    data.update({"publish_at_0": "2030-01-01", "publish_at_1": "09:00:00"})
    assert client.post(change_url(story), data).status_code == 302
    assert Story.objects.get(pk=story.pk).publish_at is None


def test_reporter_creates_a_story_and_it_is_theirs(client, users):
    reporter = users["Reporter"]
    client.force_login(reporter)
    data = form_data(client.get(reverse("admin:articles_story_add")))
    section = StoryFactory().section
    data.update({"headline": "Ferry timetable changes", "section": str(section.pk), "body": "<p>Words.</p>"})
    response = client.post(reverse("admin:articles_story_add"), data)
    assert response.status_code == 302
    story = Story.objects.get(headline="Ferry timetable changes")
    assert story.created_by == reporter
    assert story.status == StoryStatus.DRAFT
    assert permissions.story_can_edit(story=story, user=reporter)


@pytest.mark.parametrize("role", ["Editor", "Chief"])
def test_editors_and_chiefs_edit_any_story(client, users, role):
    story = StoryFactory(status=StoryStatus.SUBMITTED, publish_at=None, created_by=users["Reporter"])
    client.force_login(users[role])
    data = open_change_form(client, story)
    data["headline"] = f"Edited by the {role}"
    assert client.post(change_url(story), data).status_code == 302
    assert Story.objects.get(pk=story.pk).headline == f"Edited by the {role}"


def test_photo_desk_cannot_change_or_add_stories(client, users):
    story = _draft()
    client.force_login(users["Photo desk"])
    assert client.get(reverse("admin:articles_photo_changelist")).status_code == 200
    assert client.get(reverse("admin:articles_story_add")).status_code == 403
    data = form_data(client.get(change_url(story)))
    data["headline"] = "Photo desk headline"
    assert client.post(change_url(story), {**data, "_publish_now": "1"}).status_code == 403
    assert Story.objects.get(pk=story.pk).headline != "Photo desk headline"


def test_only_the_chief_manages_users(client, users):
    client.force_login(users["Chief"])
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 200
    client.force_login(users["Editor"])
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


# --- Admin: bulk actions ---------------------------------------------------------------------


@pytest.mark.parametrize("action", ["publish_selected", "withdraw_selected", "delete_selected"])
def test_reporter_posting_a_bulk_action_by_hand_gets_403_and_nothing_changes(client, users, action):
    reporter = users["Reporter"]
    draft = _draft(created_by=reporter)
    live = StoryFactory(created_by=reporter)
    client.force_login(reporter)
    before = [_snapshot(draft), _snapshot(live)]
    response = client.post(
        reverse("admin:articles_story_changelist"),
        {"action": action, "_selected_action": [draft.pk, live.pk], "post": "yes"},
    )
    assert response.status_code == 403
    assert [_snapshot(draft), _snapshot(live)] == before
    assert Story.objects.filter(pk__in=[draft.pk, live.pk]).count() == 2


def test_bulk_submit_by_a_reporter_refuses_the_whole_batch_when_one_story_is_not_theirs(client, users):
    reporter = users["Reporter"]
    mine = _draft(created_by=reporter)
    theirs = _draft(created_by=users["Editor"])
    client.force_login(reporter)
    response = client.post(
        reverse("admin:articles_story_changelist"),
        {"action": "submit_selected", "_selected_action": [mine.pk, theirs.pk]},
    )
    assert response.status_code == 403
    assert set(Story.objects.values_list("status", flat=True)) == {StoryStatus.DRAFT}


def test_reporter_submits_own_drafts_in_bulk(client, users):
    reporter = users["Reporter"]
    stories = [_draft(created_by=reporter) for _ in range(2)]
    client.force_login(reporter)
    response = client.post(
        reverse("admin:articles_story_changelist"),
        {"action": "submit_selected", "_selected_action": [s.pk for s in stories]},
    )
    assert response.status_code == 302
    assert set(Story.objects.values_list("status", flat=True)) == {StoryStatus.SUBMITTED}


def test_reporter_is_not_offered_editor_actions(client, users):
    client.force_login(users["Reporter"])
    _draft(created_by=users["Reporter"])
    content = client.get(reverse("admin:articles_story_changelist")).content.decode()
    assert 'value="submit_selected"' in content
    assert 'value="publish_selected"' not in content
    assert 'value="withdraw_selected"' not in content


# --- The reporter's list ------------------------------------------------------------------------


def test_reporters_list_shows_their_own_stories_first(client, users):
    reporter = users["Reporter"]
    own_by_creation = _draft(created_by=reporter, headline="Mine, created by me")
    own_by_byline = _draft(headline="Mine, by byline", bylines=[AuthorFactory(user=reporter)])
    others = [StoryFactory(headline=f"Someone else's {n}") for n in range(3)]
    # The others were changed most recently; mine still come first.
    Story.objects.filter(pk__in=[s.pk for s in others]).update(modified=timezone.now() + timedelta(hours=1))
    client.force_login(reporter)
    response = client.get(reverse("admin:articles_story_changelist"))
    rows = [story.headline for story in response.context["cl"].result_list]
    assert set(rows[:2]) == {own_by_creation.headline, own_by_byline.headline}
    assert "Mine" in page_text(response)


def test_editors_list_has_no_mine_column(client, users):
    StoryFactory()
    client.force_login(users["Editor"])
    response = client.get(reverse("admin:articles_story_changelist"))
    assert "mine" not in response.context["cl"].list_display
