"""Share links: a signed, expiring, revocable preview for someone without an account."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles.models import ShareLink, ShareLinkUse, StoryStatus
from articles.stories import sharelinks
from articles.stories.sharelinks import SHARE_PARAMETER, sharelink_token, sharelink_url
from tests.admin.desk_forms import form_data, set_fields
from tests.factories import StoryFactory, UserFactory

NOT_FOUND = "We can’t find that page"
BANNER = "Preview, not published"


@pytest.fixture
def draft(db):
    return StoryFactory(headline="Council budget leaks", status=StoryStatus.DRAFT, publish_at=None)


def relative(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def open_link(client, link, **headers):
    return client.get(relative(sharelink_url(link)), headers=headers)


# --- The service ------------------------------------------------------------------


def test_share_link_lasts_48_hours_by_default(editor, draft):
    with time_machine.travel("2025-03-10 09:00 +00:00", tick=False):
        link = sharelinks.sharelink_create(story=draft, user=editor, note="lawyer")
        assert link.is_usable()
    assert link.expires_at == timezone.datetime(2025, 3, 12, 9, 0, tzinfo=timezone.UTC)
    assert link.created_by == editor and link.note == "lawyer"


@pytest.mark.parametrize("hours", [1, 24, 48, 7 * 24])
def test_share_link_lasts_the_chosen_time(editor, draft, hours):
    before = timezone.now()
    link = sharelinks.sharelink_create(story=draft, user=editor, hours=hours)
    assert before + timedelta(hours=hours) <= link.expires_at <= timezone.now() + timedelta(hours=hours)


@pytest.mark.parametrize("hours", [0, -1, 7 * 24 + 1, True, "48"])
def test_share_link_refuses_a_lifetime_outside_an_hour_to_a_week(editor, draft, hours):
    with pytest.raises(ValidationError):
        sharelinks.sharelink_create(story=draft, user=editor, hours=hours)
    assert not ShareLink.objects.exists()


@pytest.mark.parametrize("role", ["Reporter", "Photo desk"])
def test_only_editors_make_or_revoke_share_links(db, draft, editor, role):
    someone = UserFactory(username=f"share-{role}", role=role)
    with pytest.raises(PermissionDenied):
        sharelinks.sharelink_create(story=draft, user=someone)
    link = sharelinks.sharelink_create(story=draft, user=editor)
    with pytest.raises(PermissionDenied):
        sharelinks.sharelink_revoke(link=link, user=someone)
    link.refresh_from_db()
    assert link.revoked_at is None


def test_withdrawn_story_cannot_be_shared(editor):
    story = StoryFactory(status=StoryStatus.WITHDRAWN)
    with pytest.raises(ValidationError, match="withdrawn"):
        sharelinks.sharelink_create(story=story, user=editor)


def test_revoking_twice_keeps_the_first_revocation(editor, draft):
    link = sharelinks.sharelink_create(story=draft, user=editor)
    first = sharelinks.sharelink_revoke(link=link, user=editor).revoked_at
    other = UserFactory(username="second-editor", role="Editor")
    sharelinks.sharelink_revoke(link=link, user=other)
    link.refresh_from_db()
    assert link.revoked_at == first and link.revoked_by == editor


# --- Opening a link ---------------------------------------------------------------


def test_share_link_url_is_the_story_address_with_a_signed_token(editor, draft):
    link = sharelinks.sharelink_create(story=draft, user=editor)
    url = urlsplit(sharelink_url(link))
    assert url.path == draft.get_absolute_url()
    token = parse_qs(url.query)[SHARE_PARAMETER][0]
    assert token == sharelink_token(link)
    assert str(link.key.hex) in signing.b64_decode(token.split(":")[0].encode()).decode()


def test_valid_link_shows_the_story_to_someone_signed_out_and_logs_the_use(client, editor, draft):
    link = sharelinks.sharelink_create(story=draft, user=editor, note="lawyer")
    response = open_link(client, link, user_agent="LawFirmBrowser/2.0")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Council budget leaks" in html and BANNER in html
    assert "You opened a share link" in html
    assert "Back to editing" not in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    use = ShareLinkUse.objects.get(link=link)
    assert use.ip_address == "127.0.0.1"
    assert use.user_agent == "LawFirmBrowser/2.0"
    assert abs(use.used_at - timezone.now()) < timedelta(minutes=1)


def test_every_opening_is_logged(client, editor, draft):
    link = sharelinks.sharelink_create(story=draft, user=editor)
    for _ in range(3):
        assert open_link(client, link).status_code == 200
    assert link.uses.count() == 3


def test_overlong_user_agent_is_cut_to_fit(client, editor, draft):
    link = sharelinks.sharelink_create(story=draft, user=editor)
    assert open_link(client, link, user_agent="x" * 1000).status_code == 200
    assert len(link.uses.get().user_agent) == 300


def assert_not_found(response):
    assert response.status_code == 404
    html = response.content.decode()
    assert NOT_FOUND in html
    assert "Council budget leaks" not in html and BANNER not in html


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: "x" + token,
        lambda token: token.split(":")[0],
        lambda token: "",
        lambda token: "not-a-token",
    ],
    ids=["changed signature", "changed payload", "no signature", "empty", "garbage"],
)
def test_tampered_link_gives_the_not_found_page(client, editor, draft, tamper):
    link = sharelinks.sharelink_create(story=draft, user=editor)
    url = f"{draft.get_absolute_url()}?{SHARE_PARAMETER}={tamper(sharelink_token(link))}"
    assert_not_found(client.get(url))
    assert not ShareLinkUse.objects.exists()


def test_token_signed_for_another_purpose_gives_the_not_found_page(client, editor, draft):
    link = sharelinks.sharelink_create(story=draft, user=editor)
    forged = signing.Signer(salt="some.other.purpose").sign_object([draft.pk, link.key.hex])
    assert_not_found(client.get(f"{draft.get_absolute_url()}?{SHARE_PARAMETER}={forged}"))


def test_expired_link_gives_the_not_found_page(client, editor, draft):
    with time_machine.travel("2025-03-10 09:00 +00:00", tick=False):
        link = sharelinks.sharelink_create(story=draft, user=editor)
    with time_machine.travel("2025-03-12 08:59 +00:00", tick=False):
        assert open_link(client, link).status_code == 200
    with time_machine.travel("2025-03-12 09:00 +00:00", tick=False):
        assert_not_found(open_link(client, link))
    assert link.uses.count() == 1


def test_one_hour_link_stops_after_an_hour(client, editor, draft):
    with time_machine.travel("2025-03-10 09:00 +00:00", tick=False):
        link = sharelinks.sharelink_create(story=draft, user=editor, hours=1)
    with time_machine.travel("2025-03-10 10:01 +00:00", tick=False):
        assert_not_found(open_link(client, link))


def test_revoked_link_gives_the_not_found_page_at_once(client, editor, draft):
    link = sharelinks.sharelink_create(story=draft, user=editor)
    assert open_link(client, link).status_code == 200
    sharelinks.sharelink_revoke(link=link, user=editor)
    assert_not_found(open_link(client, link))
    assert link.uses.count() == 1


def test_link_for_one_story_does_not_open_another(client, editor, draft):
    other = StoryFactory(headline="Another secret draft", status=StoryStatus.DRAFT, publish_at=None)
    link = sharelinks.sharelink_create(story=draft, user=editor)
    response = client.get(f"{other.get_absolute_url()}?{SHARE_PARAMETER}={sharelink_token(link)}")
    assert response.status_code == 404
    assert "Another secret draft" not in response.content.decode()


def test_token_naming_another_storys_key_finds_nothing(client, editor, draft):
    """Even a correctly signed token must name a link that belongs to the story it opens."""
    other = StoryFactory(status=StoryStatus.DRAFT, publish_at=None)
    other_link = sharelinks.sharelink_create(story=other, user=editor)
    crossed = signing.Signer(salt="articles.preview.sharelink").sign_object([draft.pk, other_link.key.hex])
    assert_not_found(client.get(f"{draft.get_absolute_url()}?{SHARE_PARAMETER}={crossed}"))


def test_link_stops_working_when_the_story_is_withdrawn(client, editor):
    story = StoryFactory(headline="Council budget leaks", publish_at=timezone.now() + timedelta(days=1))
    link = sharelinks.sharelink_create(story=story, user=editor)
    assert open_link(client, link).status_code == 200
    story.status = StoryStatus.WITHDRAWN
    story.save()
    assert_not_found(open_link(client, link))


def test_a_tampered_link_is_refused_even_to_an_editor(client, editor, draft):
    client.force_login(editor)
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert client.get(f"{draft.get_absolute_url()}?{SHARE_PARAMETER}=forged").status_code == 404


def test_once_the_story_is_live_the_link_shows_the_public_page(client, editor):
    story = StoryFactory(headline="Council budget leaks", publish_at=timezone.now() + timedelta(hours=1))
    link = sharelinks.sharelink_create(story=story, user=editor)
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        response = open_link(client, link)
    assert response.status_code == 200
    assert BANNER not in response.content.decode()


def test_old_address_with_a_share_link_redirects_keeping_the_token(client, editor, draft):
    link = sharelinks.sharelink_create(story=draft, user=editor)
    token_query = urlsplit(sharelink_url(link)).query
    old = f"/{draft.section.slug}/{draft.pk}/an-older-slug/?{token_query}"
    response = client.get(old)
    assert response.status_code == 302
    assert response["Location"] == f"{draft.get_absolute_url()}?{token_query}"


# --- The admin ----------------------------------------------------------------------


def change_url(story) -> str:
    return reverse("admin:articles_story_change", args=[story.pk])


def test_editor_makes_a_share_link_on_the_story_form(client, editor, draft):
    client.force_login(editor)
    page = client.get(change_url(draft))
    data = set_fields(form_data(page), **{"share_links-0-note": "Outside counsel", "share_links-0-hours": "24"})
    response = client.post(change_url(draft), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    link = ShareLink.objects.get(story=draft)
    assert link.note == "Outside counsel" and link.created_by == editor
    assert timedelta(hours=23, minutes=59) < link.expires_at - timezone.now() <= timedelta(hours=24)
    html = client.get(change_url(draft)).content.decode()
    assert sharelink_url(link) in html


def test_untouched_share_link_row_makes_no_link(client, editor, draft):
    client.force_login(editor)
    data = form_data(client.get(change_url(draft)))
    assert client.post(change_url(draft), data).status_code == 302
    assert not ShareLink.objects.exists()


def test_share_link_without_a_name_is_refused_on_the_form(client, editor, draft):
    client.force_login(editor)
    data = set_fields(form_data(client.get(change_url(draft))), **{"share_links-0-hours": "1"})
    response = client.post(change_url(draft), data)
    assert response.status_code == 200
    assert "Say who the link is for" in response.content.decode()
    assert not ShareLink.objects.exists()


def test_editor_revokes_a_link_on_the_story_form(client, editor, draft):
    link = sharelinks.sharelink_create(story=draft, user=editor, note="Reviewer")
    sharelinks.sharelink_record_use(link=link, ip_address="192.0.2.7", user_agent="Test")
    client.force_login(editor)
    page = client.get(change_url(draft))
    html = page.content.decode()
    assert sharelink_url(link) in html
    assert reverse("admin:articles_sharelink_change", args=[link.pk]) in html
    data = set_fields(form_data(page), **{"share_links-0-revoke": "on"})
    assert client.post(change_url(draft), data).status_code == 302
    link.refresh_from_db()
    assert link.revoked_at is not None and link.revoked_by == editor
    assert_not_found(open_link(client.__class__(), link))
    assert "Revoked" in client.get(change_url(draft)).content.decode()


def test_share_link_admin_lists_uses_and_revokes_with_an_action(client, editor, draft):
    link = sharelinks.sharelink_create(story=draft, user=editor, note="Reviewer")
    sharelinks.sharelink_record_use(link=link, ip_address="192.0.2.7", user_agent="ReviewerBrowser")
    client.force_login(editor)
    detail = client.get(reverse("admin:articles_sharelink_change", args=[link.pk])).content.decode()
    assert "192.0.2.7" in detail and "ReviewerBrowser" in detail
    response = client.post(
        reverse("admin:articles_sharelink_changelist"),
        {"action": "revoke_selected", "_selected_action": [link.pk]},
    )
    assert response.status_code == 302
    link.refresh_from_db()
    assert link.revoked_by == editor


def test_reporter_sees_no_share_links(client, draft):
    reporter = UserFactory(username="share-rep", role="Reporter")
    draft.created_by = reporter
    draft.save()
    client.force_login(reporter)
    assert "share_links-TOTAL_FORMS" not in client.get(change_url(draft)).content.decode()
    assert client.get(reverse("admin:articles_sharelink_changelist")).status_code == 403
