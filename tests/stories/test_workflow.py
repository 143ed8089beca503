"""The workflow services and the admin's buttons: transitions, stamps, signals and bad input."""

import json
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from articles import richtext
from articles.models import Story, StoryStatus
from articles.stories import workflow
from articles.stories.signals import story_changed
from tests.admin.admin_pages import change_url, error_text, form_data, open_change_form
from tests.factories import AuthorFactory, PhotoFactory, PlacementFactory, SectionFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sent():
    """The story_changed signals sent during a test, as (story_id, reason)."""
    received = []

    def receiver(sender, story_id, reason, **kwargs):
        received.append((story_id, reason))

    story_changed.connect(receiver)
    yield received
    story_changed.disconnect(receiver)


def _draft(**kwargs):
    return StoryFactory(status=StoryStatus.DRAFT, publish_at=None, **kwargs)


def _messages(error: ValidationError) -> str:
    return " ".join(error.messages)


def _latest_comment(story) -> str:
    return Version.objects.get_for_object(story).order_by("-pk").first().revision.get_comment()


# --- Transitions ------------------------------------------------------------------------


def test_publish_now_stamps_who_and_when_and_raises_the_version(editor, sent, django_capture_on_commit_callbacks):
    story = _draft()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.story_publish(story=story, user=editor)
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED
    assert story.published_by == editor
    assert story.modified_by == editor
    assert story.first_published_at == story.publish_at
    assert story.version == 2
    assert Story.objects.live().filter(pk=story.pk).exists()
    assert _latest_comment(story) == "Published by Eda Editor."
    assert sent == [(story.pk, "published")]


def test_scheduling_keeps_the_story_off_the_site_until_its_time(editor, sent, django_capture_on_commit_callbacks):
    story = _draft()
    later = timezone.now() + timedelta(minutes=5)
    with django_capture_on_commit_callbacks(execute=True):
        workflow.story_publish(story=story, user=editor, publish_at=later)
    assert not Story.objects.live().filter(pk=story.pk).exists()
    assert Story.objects.live(now=later).filter(pk=story.pk).exists()
    assert _latest_comment(story).startswith("Scheduled by Eda Editor for ")
    assert sent == [(story.pk, "scheduled")]


def test_scheduling_in_the_past_is_refused_and_says_so(editor):
    story = _draft()
    with pytest.raises(ValidationError) as refused:
        workflow.story_publish(story=story, user=editor, publish_at=timezone.now() - timedelta(minutes=1))
    assert "is in the past" in _messages(refused.value)
    assert "publish_at" in refused.value.error_dict
    assert Story.objects.get(pk=story.pk).status == StoryStatus.DRAFT


def test_a_command_may_backdate_a_publication(editor):
    story = _draft()
    yesterday = timezone.now() - timedelta(days=1)
    workflow.story_publish(story=story, user=editor, publish_at=yesterday, backdate=True)
    assert story.publish_at == yesterday
    assert story.is_live()


def test_embargo_after_the_publish_time_is_refused(editor):
    story = _draft(embargo_until=timezone.now() + timedelta(hours=3))
    with pytest.raises(ValidationError) as refused:
        workflow.story_publish(story=story, user=editor, publish_at=timezone.now() + timedelta(hours=1))
    assert "The embargo ends at" in _messages(refused.value)
    assert "after the publish time" in _messages(refused.value)
    assert Story.objects.get(pk=story.pk).status == StoryStatus.DRAFT


def test_an_embargo_before_the_publish_time_is_fine(editor):
    story = _draft(embargo_until=timezone.now() + timedelta(hours=1))
    workflow.story_publish(story=story, user=editor, publish_at=timezone.now() + timedelta(hours=2))
    assert story.status == StoryStatus.PUBLISHED


def test_a_live_story_cannot_be_published_again(editor):
    story = StoryFactory()
    with pytest.raises(ValidationError) as refused:
        workflow.story_publish(story=story, user=editor)
    assert "already live" in _messages(refused.value)


def test_publish_now_brings_a_scheduled_story_forward(editor):
    story = StoryFactory(publish_at=timezone.now() + timedelta(days=1))
    workflow.story_publish(story=story, user=editor)
    assert story.is_live()


def test_withdrawing_takes_the_story_off_at_once_and_stamps_the_time(editor, sent, django_capture_on_commit_callbacks):
    story = StoryFactory()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.story_withdraw(story=story, user=editor)
    assert story.status == StoryStatus.WITHDRAWN
    assert story.withdrawn_at is not None
    assert not Story.objects.live().filter(pk=story.pk).exists()
    assert sent == [(story.pk, "withdrawn")]


def test_a_withdrawn_story_goes_back_to_draft_before_it_can_be_published_again(editor):
    story = StoryFactory()
    workflow.story_withdraw(story=story, user=editor)
    with pytest.raises(ValidationError) as refused:
        workflow.story_publish(story=story, user=editor)
    assert "Return it to draft" in _messages(refused.value)
    workflow.story_return_to_draft(story=story, user=editor)
    workflow.story_publish(story=story, user=editor)
    assert story.is_live()
    assert story.withdrawn_at is None


def test_only_published_stories_can_be_withdrawn(editor):
    story = _draft()
    with pytest.raises(ValidationError) as refused:
        workflow.story_withdraw(story=story, user=editor)
    assert "Only a published story can be withdrawn" in _messages(refused.value)


def test_unscheduling_forgets_a_first_publication_that_never_happened(editor):
    story = _draft()
    workflow.story_publish(story=story, user=editor, publish_at=timezone.now() + timedelta(hours=4))
    assert story.first_published_at is not None
    workflow.story_return_to_draft(story=story, user=editor)
    assert story.status == StoryStatus.DRAFT
    assert story.first_published_at is None
    assert _latest_comment(story).startswith("Unscheduled by")


def test_a_live_story_is_withdrawn_not_returned_to_draft(editor):
    story = StoryFactory()
    with pytest.raises(ValidationError) as refused:
        workflow.story_return_to_draft(story=story, user=editor)
    assert "Withdraw it" in _messages(refused.value)


def test_submitting_stamps_the_time_and_only_works_on_drafts(reporter):
    story = _draft(created_by=reporter)
    workflow.story_submit(story=story, user=reporter)
    assert story.status == StoryStatus.SUBMITTED
    assert story.submitted_at is not None
    assert story.version == 2


def test_an_empty_draft_cannot_be_submitted(reporter):
    story = _draft(created_by=reporter, body="<p> </p>")
    with pytest.raises(ValidationError) as refused:
        workflow.story_submit(story=story, user=reporter)
    assert "body is empty" in _messages(refused.value)


def test_a_refused_transition_sends_no_signal(editor, sent, django_capture_on_commit_callbacks):
    story = _draft(bylines=[])
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        workflow.story_publish(story=story, user=editor)
    assert sent == []


# --- What stops a story going out -------------------------------------------------------------


def test_publish_without_a_byline_names_the_problem(editor):
    story = _draft(bylines=[])
    with pytest.raises(ValidationError) as refused:
        workflow.story_publish(story=story, user=editor)
    assert "Add at least one byline before publishing." in refused.value.messages


def test_publish_with_an_empty_body_names_the_problem(editor):
    story = _draft(body="")
    with pytest.raises(ValidationError) as refused:
        workflow.story_publish(story=story, user=editor)
    assert refused.value.error_dict["body"][0].message == "The body is empty. Write the story before publishing it."


def test_an_overlong_headline_is_a_publishing_problem():
    # PostgreSQL would refuse to store it; SQLite would not, so the check stands guard too.
    story = _draft()
    story.headline = "H" * 230
    problems = workflow.story_publish_problems(story)
    assert problems["headline"] == ["The headline is 230 characters long; the limit is 200. Shorten it."]


@pytest.mark.parametrize(
    ("photo_fields", "expected"),
    [
        ({"alt_text": ""}, "has no alt text"),
        ({"credit": "", "photographer": "", "source": ""}, "has no credit"),
        ({"rights_expire_on": date(2020, 1, 31)}, "our rights to use it end on 31 Jan 2020"),
    ],
)
@pytest.mark.parametrize("where", ["lead", "body"])
def test_a_photo_unfit_to_publish_is_named(editor, photo_fields, expected, where):
    photo = PhotoFactory(caption="Cranes at dawn", **photo_fields)
    story = _draft(lead_photo=photo if where == "lead" else None)
    if where == "body":
        PlacementFactory(story=story, photo=photo)
    with pytest.raises(ValidationError) as refused:
        workflow.story_publish(story=story, user=editor)
    message = _messages(refused.value)
    assert f"Photo “Cranes at dawn” (no. {photo.pk})" in message
    assert expected in message
    assert Story.objects.get(pk=story.pk).status == StoryStatus.DRAFT


def test_rights_ending_before_the_scheduled_time_are_caught(editor):
    photo = PhotoFactory(rights_expire_on=timezone.localdate() + timedelta(days=1))
    story = _draft(lead_photo=photo)
    with pytest.raises(ValidationError) as refused:
        workflow.story_publish(story=story, user=editor, publish_at=timezone.now() + timedelta(days=3))
    assert "our rights to use it end on" in _messages(refused.value)


# --- The admin's buttons -----------------------------------------------------------------------


def _future_fields(hours: int) -> dict:
    moment = timezone.localtime() + timedelta(hours=hours)
    return {"publish_at_0": moment.date().isoformat(), "publish_at_1": moment.strftime("%H:%M:%S")}


def test_publish_now_button_saves_the_edit_and_publishes(editor_client):
    story = _draft()
    data = open_change_form(editor_client, story)
    data["headline"] = "Tram depot reopens"
    response = editor_client.post(change_url(story), {**data, "_publish_now": "Publish now"})
    assert response.status_code == 302
    assert response["Location"] == change_url(story)
    story.refresh_from_db()
    assert (story.status, story.headline) == (StoryStatus.PUBLISHED, "Tram depot reopens")
    assert story.is_live()
    page = editor_client.get(response["Location"])
    assert "“Tram depot reopens” is published and live." in page.content.decode()
    assert _latest_comment(story).startswith("Published by Eda Editor.")


def test_schedule_button_uses_the_publish_time_on_the_form(editor_client):
    story = _draft()
    data = {**open_change_form(editor_client, story), **_future_fields(hours=3)}
    response = editor_client.post(change_url(story), {**data, "_schedule": "Schedule"})
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.status == StoryStatus.PUBLISHED
    assert not story.is_live()
    assert story.is_live(now=timezone.now() + timedelta(hours=4))


def test_schedule_button_without_a_time_asks_for_one(editor_client):
    story = _draft()
    data = open_change_form(editor_client, story)
    response = editor_client.post(change_url(story), {**data, "_schedule": "Schedule"})
    assert response.status_code == 200
    assert "Set a publish time in the future to schedule the story." in error_text(response)


def test_scheduling_in_the_past_from_the_form_saves_nothing_and_keeps_the_text(editor_client):
    story = _draft()
    data = {**open_change_form(editor_client, story), **_future_fields(hours=-2)}
    data["headline"] = "My unsaved headline"
    data["body"] = "<p>My unsaved paragraph.</p>"
    response = editor_client.post(change_url(story), {**data, "_schedule": "Schedule"})
    assert response.status_code == 200
    assert "is in the past" in error_text(response)
    shown = form_data(response)
    assert shown["headline"] == "My unsaved headline"
    assert "My unsaved paragraph." in shown["body"]
    fresh = Story.objects.get(pk=story.pk)
    assert (fresh.status, fresh.headline, fresh.publish_at, fresh.version) == (
        StoryStatus.DRAFT,
        story.headline,
        None,
        story.version,
    )


def test_embargo_after_the_publish_time_is_refused_on_the_form(editor_client):
    story = _draft()
    data = {**open_change_form(editor_client, story), **_future_fields(hours=1)}
    later = timezone.localtime() + timedelta(hours=5)
    data.update({"embargo_until_0": later.date().isoformat(), "embargo_until_1": later.strftime("%H:%M:%S")})
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 200
    assert "after the publish time" in error_text(response)
    assert Story.objects.get(pk=story.pk).embargo_until is None


def test_missing_byline_at_publish_is_shown_on_the_form_and_nothing_is_saved(editor_client):
    story = _draft()
    data = open_change_form(editor_client, story)
    data["bylines-0-DELETE"] = "on"
    data["standfirst"] = "A new standfirst"
    response = editor_client.post(change_url(story), {**data, "_publish_now": "Publish now"})
    assert response.status_code == 200
    assert "Add at least one byline before publishing." in error_text(response)
    fresh = Story.objects.get(pk=story.pk)
    assert fresh.bylines.count() == 1
    assert fresh.standfirst != "A new standfirst"
    assert fresh.status == StoryStatus.DRAFT


def test_missing_section_is_named_on_the_form(editor_client):
    story = _draft()
    data = open_change_form(editor_client, story)
    data["section"] = ""
    response = editor_client.post(change_url(story), {**data, "_publish_now": "Publish now"})
    assert response.status_code == 200
    assert "Choose a section." in error_text(response)
    assert Story.objects.get(pk=story.pk).status == StoryStatus.DRAFT


def test_overlong_headline_is_named_on_the_form(editor_client):
    story = _draft()
    data = open_change_form(editor_client, story)
    data["headline"] = "Long " * 50
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 200
    assert "The headline is 249 characters long; the limit is 200. Shorten it." in error_text(response)


def test_photo_without_alt_text_is_named_on_the_form(editor_client):
    photo = PhotoFactory(caption="Night market", alt_text="")
    story = _draft()
    PlacementFactory(story=story, photo=photo)
    data = open_change_form(editor_client, story)
    response = editor_client.post(change_url(story), {**data, "_publish_now": "Publish now"})
    assert response.status_code == 200
    assert f"Photo “Night market” (no. {photo.pk}) has no alt text" in error_text(response)
    assert Story.objects.get(pk=story.pk).status == StoryStatus.DRAFT


def test_a_published_story_must_keep_meeting_the_rules_on_every_save(editor_client):
    story = StoryFactory()
    data = open_change_form(editor_client, story)
    data["bylines-0-DELETE"] = "on"
    response = editor_client.post(change_url(story), data)
    assert response.status_code == 200
    assert "This story is published, so every save must meet the publishing rules." in error_text(response)
    assert Story.objects.get(pk=story.pk).bylines.count() == 1


def test_withdraw_button_takes_a_live_story_off(editor_client):
    story = StoryFactory()
    content = editor_client.get(change_url(story)).content.decode()
    assert 'name="_withdraw"' in content and "data-confirm=" in content
    data = open_change_form(editor_client, story)
    response = editor_client.post(change_url(story), {**data, "_withdraw": "Withdraw"})
    assert response.status_code == 302
    assert Story.objects.get(pk=story.pk).status == StoryStatus.WITHDRAWN


def test_submit_button_on_the_add_page_creates_and_submits(client, reporter):
    client.force_login(reporter)
    data = form_data(client.get(reverse("admin:articles_story_add")))
    data.update(
        {"headline": "Library hours extended", "section": str(SectionFactory().pk), "body": "<p>Open till nine.</p>"}
    )
    response = client.post(reverse("admin:articles_story_add"), {**data, "_submit_story": "Submit for editing"})
    assert response.status_code == 302
    story = Story.objects.get(headline="Library hours extended")
    assert story.status == StoryStatus.SUBMITTED
    assert response["Location"] == change_url(story)


def test_status_is_read_only_on_the_form(editor_client):
    story = _draft()
    data = open_change_form(editor_client, story)
    assert "status" not in data
    editor_client.post(change_url(story), {**data, "status": StoryStatus.PUBLISHED})
    assert Story.objects.get(pk=story.pk).status == StoryStatus.DRAFT


def test_bulk_publish_reports_each_refusal_and_publishes_the_rest(editor_client):
    good = _draft()
    bad = _draft(headline="No byline here", bylines=[])
    response = editor_client.post(
        reverse("admin:articles_story_changelist"),
        {"action": "publish_selected", "_selected_action": [good.pk, bad.pk]},
        follow=True,
    )
    content = response.content.decode()
    assert "“No byline here”: Add at least one byline before publishing." in content
    assert "1 story published." in content
    assert Story.objects.get(pk=good.pk).is_live()
    assert Story.objects.get(pk=bad.pk).status == StoryStatus.DRAFT


def test_bulk_actions_record_one_revision_per_story(editor_client):
    stories = [_draft() for _ in range(2)]
    editor_client.post(
        reverse("admin:articles_story_changelist"),
        {"action": "publish_selected", "_selected_action": [s.pk for s in stories]},
    )
    revisions = {Version.objects.get_for_object(s).get().revision_id for s in stories}
    assert len(revisions) == 2


# --- Writing: editor, sanitizing, slug ------------------------------------------------------------


def test_body_uses_the_prose_editor_with_its_script_under_the_csp_nonce(editor_client):
    response = editor_client.get(reverse("admin:articles_story_add"))
    content = response.content.decode()
    assert "data-django-prose-editor-configurable" in content
    nonce = response.context["csp_nonce"]
    assert f'<script type="importmap" nonce="{nonce}">' in content
    assert "articles/admin/story_form.js" in content
    textarea = BeautifulSoup(content, "html.parser").find("textarea", attrs={"name": "body"})
    extensions = json.loads(textarea["data-django-prose-editor-configurable"])["extensions"]
    assert extensions["Heading"] == {"levels": [2, 3]}
    for name in ("Bold", "Italic", "Link", "BulletList", "OrderedList", "Blockquote"):
        assert name in extensions
    for name in ("Image", "Table", "CodeBlock", "TextAlign", "Color"):
        assert name not in extensions


def test_body_html_is_sanitized_on_save(editor_client):
    story = _draft()
    data = open_change_form(editor_client, story)
    data["body"] = (
        "<p>Kept <strong>bold</strong> and <a href='https://example.org' onclick='x()'>a link</a>.</p>"
        "<h1>Big</h1><h2>Sub</h2><script>alert(1)</script><style>p{color:red}</style>"
        "<iframe src='https://evil.example'></iframe><p style='color:red'>Styled</p>"
        "<a href='javascript:alert(2)'>bad link</a>"
    )
    assert editor_client.post(change_url(story), data).status_code == 302
    body = Story.objects.get(pk=story.pk).body
    for forbidden in ("<script", "alert(", "<style", "color:red", "<iframe", "onclick", "javascript:", "<h1"):
        assert forbidden not in body
    assert "<strong>bold</strong>" in body
    assert 'href="https://example.org"' in body
    assert "<h2>Sub</h2>" in body


def test_chinese_headline_gets_a_chinese_slug_when_left_empty(editor_client):
    data = form_data(editor_client.get(reverse("admin:articles_story_add")))
    data.update(
        {"headline": "港口电影节开幕", "slug": "", "section": str(SectionFactory().pk), "body": "<p>开幕。</p>"}
    )
    data["bylines-0-author"] = str(AuthorFactory().pk)
    assert editor_client.post(reverse("admin:articles_story_add"), data).status_code == 302
    story = Story.objects.get(headline="港口电影节开幕")
    assert story.slug == "港口电影节开幕"
    workflow.story_publish(story=story, user=UserFactory(username="chief", role="Chief"))
    reader = Client()
    assert reader.get(story.get_absolute_url()).status_code == 200


def test_slug_prefill_is_wired_for_unicode(editor_client):
    response = editor_client.get(reverse("admin:articles_story_add"))
    prepopulated = response.context["adminform"].prepopulated_fields
    slug = next(item for item in prepopulated if item["field"].name == "slug")
    assert [dependency.name for dependency in slug["dependencies"]] == ["headline"]
    assert slug["field"].field.allow_unicode is True


def test_a_headline_of_punctuation_still_gets_a_slug(editor_client):
    data = form_data(editor_client.get(reverse("admin:articles_story_add")))
    data.update({"headline": "?!…", "slug": "", "section": str(SectionFactory().pk), "body": "<p>x</p>"})
    assert editor_client.post(reverse("admin:articles_story_add"), data).status_code == 302
    assert Story.objects.get(headline="?!…").slug == "story"


def test_word_count_keeps_paragraphs_and_list_items_apart():
    assert richtext.word_count("<p>One two.</p><p>Three</p><ul><li>four</li><li>five</li></ul>six<br>seven") == 7


def test_every_problem_is_named_at_once(editor):
    story = _draft(bylines=[], body="")
    with pytest.raises(ValidationError) as refused:
        workflow.story_publish(story=story, user=editor, publish_at=timezone.now() - timedelta(hours=1))
    message = _messages(refused.value)
    assert "is in the past" in message
    assert "Add at least one byline" in message
    assert "The body is empty" in message


def test_an_edit_never_changes_the_status(editor):
    story = _draft()
    story.status = StoryStatus.PUBLISHED
    story.publish_at = timezone.now()
    story.headline = "Edited words"
    workflow.story_save(story=story, user=editor)
    fresh = Story.objects.get(pk=story.pk)
    assert (fresh.status, fresh.headline) == (StoryStatus.DRAFT, "Edited words")


def test_a_new_story_always_starts_as_a_draft(editor):
    story = Story(headline="Brand new", section=SectionFactory(), status=StoryStatus.PUBLISHED)
    story.publish_at = timezone.now()
    workflow.story_save(story=story, user=editor)
    assert Story.objects.get(pk=story.pk).status == StoryStatus.DRAFT
    assert story.created_by == editor
