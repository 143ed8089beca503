"""The story form around the body, in a real browser: growing counted fields, tags typed as words,
ordered bylines with a new contributor, preview of the unsaved form, unsaved changes kept and offered
back, the warning before leaving, presence, and every desk screen at phone width."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect
from taggit.models import Tag

from articles.models import Author, AuthorKind, EditPresence, Story, StoryStatus
from articles.stories import presence, workflow
from tests.factories import AuthorFactory, SectionFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.browser

EDITOR_AREA = ".ProseMirror[contenteditable=true]"


@pytest.fixture(autouse=True)
def _settle(transactional_db):
    """Closing a form's tab sends a "left" beacon: let it land before the test's database is emptied."""
    yield
    time.sleep(1)


def _log_in(browser_context, username: str, role: str = "Editor", **context):
    UserFactory(username=username, first_name=username.title(), last_name="Desk", role=role)
    page = browser_context(**context).new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(f"{error} {error.stack}"))
    page.goto(reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", "pass-for-tests")
    page.click("input[type=submit]")
    return page


@pytest.fixture
def desk(browser_context, site):
    return _log_in(browser_context, "eda")


def _draft(**fields) -> Story:
    return StoryFactory(status=StoryStatus.DRAFT, publish_at=None, **fields)


def _open(page, story=None):
    page.goto(reverse("admin:articles_story_change", args=[story.pk]) if story else reverse("admin:articles_story_add"))
    page.wait_for_selector(EDITOR_AREA)


def test_headline_and_standfirst_grow_and_count_as_you_type(desk):
    _open(desk, _draft(headline="Short"))
    headline = desk.locator("#id_headline")
    height = headline.bounding_box()["height"]
    text = "A headline long enough to need more than one line on a desk screen " * 2
    desk.fill("#id_headline", text)
    expect(desk.locator("#id_headline_count")).to_contain_text(
        f"{len(text)} characters; aim for 70 or fewer, limit 200"
    )
    expect(desk.locator("#id_headline_count")).to_have_class("help story-count story-count-over")
    assert headline.bounding_box()["height"] > height
    desk.press("#id_headline", "Enter")
    assert "\n" not in headline.input_value()
    desk.fill("#id_standfirst", "One sentence.")
    expect(desk.locator("#id_standfirst_count")).to_contain_text("13 characters; aim for 160 or fewer")
    assert desk.errors == []


def test_tags_are_typed_as_words_with_suggestions_and_saved(desk):
    Tag.objects.create(name="Transport", slug="transport")
    story = _draft()
    _open(desk, story)
    typing = desk.locator("#id_tags_typing")
    typing.type("Harbour")
    typing.press("Enter")
    typing.type("Night life,")
    typing.type("Tra")
    expect(desk.locator("#id_tags_suggestions li")).to_have_text(["Transport"])
    typing.press("ArrowDown")
    typing.press("Enter")
    expect(desk.locator(".story-tag-chip")).to_have_count(3)
    desk.locator(".story-tag-remove[aria-label='Remove tag Night life']").click()
    desk.click(".story-bar-save")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    assert sorted(tag.name for tag in Story.objects.get(pk=story.pk).tags.all()) == ["Harbour", "Transport"]
    assert desk.errors == []


def test_a_new_contributor_becomes_a_byline_and_bylines_reorder_with_buttons(desk):
    staff = AuthorFactory(name="Ana Staff")
    story = _draft()
    story.bylines.all().delete()
    story.bylines.create(author=staff, order=0)
    _open(desk, story)
    desk.click(".story-contributor-open")
    desk.fill("#id_contributor_name", "Lena Brandt")
    desk.fill("#id_contributor_affiliation", "Coastline Wire")
    desk.click(".story-contributor .button")
    expect(desk.locator(".story-contributor-message")).to_contain_text("Lena Brandt (Coastline Wire) added")
    # Move the contributor above the staff byline, by keyboard.
    rows = desk.locator("#bylines-group tr.form-row:not(.empty-form)")
    rows.nth(1).locator(".story-move-up").focus()
    desk.keyboard.press("Enter")
    desk.click(".story-bar-save")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    names = [b.author.name for b in Story.objects.get(pk=story.pk).bylines.all()]
    assert names == ["Lena Brandt", "Ana Staff"]
    assert Author.objects.get(name="Lena Brandt").kind == AuthorKind.CONTRIBUTOR
    assert desk.errors == []


def test_preview_opens_the_unsaved_form_in_a_new_tab(desk, screenshots):
    story = _draft(headline="Saved headline", dateline="")
    _open(desk, story)
    desk.fill("#id_headline", "Unsaved headline for the preview")
    desk.fill("#id_dateline", "PORT HALDEN")
    with desk.context.expect_page() as opened:
        desk.click(".story-preview-button")
    preview = opened.value
    preview.wait_for_load_state()
    expect(preview.locator("h1")).to_have_text("Unsaved headline for the preview")
    expect(preview.locator(".preview-banner")).to_contain_text("Draft")
    expect(preview.locator(".dateline")).to_have_text("PORT HALDEN —")
    expect(preview.locator(".times")).to_have_count(0)
    screenshots.take(preview, "story-preview")
    assert Story.objects.get(pk=story.pk).headline == "Saved headline"
    # The form is still there, unsaved, and still warns before leaving.
    expect(desk.locator("#id_headline")).to_have_value("Unsaved headline for the preview")


def _accept_leaving(page) -> list[str]:
    asked = []

    def on_dialog(dialog):
        asked.append(dialog.type)
        dialog.accept()

    page.on("dialog", on_dialog)
    return asked


def test_unsaved_changes_survive_leaving_and_are_offered_back(desk):
    story = _draft(headline="Saved headline")
    _open(desk, story)
    asked = _accept_leaving(desk)
    desk.fill("#id_headline", "Typed but never saved")
    desk.locator("#id_standfirst").click()  # a real gesture, as a writer makes
    desk.wait_for_timeout(800)
    _open(desk, story)
    assert asked == ["beforeunload"]
    expect(desk.locator("#story-restore")).to_contain_text("Restore your unsaved changes from")
    expect(desk.locator("#id_headline")).to_have_value("Saved headline")
    desk.click(".story-restore-yes")
    expect(desk.locator("#id_headline")).to_have_value("Typed but never saved")
    desk.click(".story-bar-save")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    assert Story.objects.get(pk=story.pk).headline == "Typed but never saved"
    # Saved: nothing is offered back, and leaving asks nothing.
    expect(desk.locator("#story-restore")).to_be_hidden()
    keys = desk.evaluate("Object.keys(localStorage).filter(k => k.startsWith('newsroom:story-draft'))")
    assert keys == []
    _open(desk, story)
    assert asked == ["beforeunload"]


def test_the_body_is_kept_and_restored_too(desk):
    story = _draft(body="<p>Saved body.</p>")
    _open(desk, story)
    _accept_leaving(desk)
    desk.click(f"{EDITOR_AREA} p")
    desk.keyboard.press("End")
    desk.keyboard.type(" Typed words in the body.")
    desk.wait_for_timeout(800)
    _open(desk, story)
    desk.click(".story-restore-yes")
    expect(desk.locator(f"{EDITOR_AREA} p")).to_have_text("Saved body. Typed words in the body.")
    expect(desk.locator("#id_body_word_count")).to_have_text("7 words")


def test_a_newer_saved_version_is_shown_beside_the_unsaved_changes(desk, screenshots):
    story = _draft(headline="First version")
    _open(desk, story)
    _accept_leaving(desk)
    desk.fill("#id_headline", "My unsaved rewrite")
    desk.locator("#id_standfirst").click()
    desk.wait_for_timeout(800)
    # Meanwhile someone else saves.
    other = UserFactory(username="ben", role="Editor")
    fresh = Story.objects.get(pk=story.pk)
    fresh.headline = "Their newer version"
    workflow.story_save(story=fresh, user=other)
    _open(desk, story)
    box = desk.locator("#story-restore")
    expect(box).to_contain_text("this story was saved again since")
    expect(box).to_contain_text("Their newer version")
    expect(box).to_contain_text("My unsaved rewrite")
    # Nothing was put in the form without asking.
    expect(desk.locator("#id_headline")).to_have_value("Their newer version")
    screenshots.take(desk, "story-form-restore-newer")


def test_presence_names_only_who_has_the_form_open_and_drops_them_on_leaving(browser_context, site, monkeypatch):
    monkeypatch.setattr(presence, "HEARTBEAT", timedelta(seconds=1))
    story = _draft()
    ana = _log_in(browser_context, "ana")
    ben = _log_in(browser_context, "ben")
    _open(ben, story)
    _open(ana, story)
    expect(ana.locator("#story-presence")).to_contain_text("Ben Desk (now)")
    ben.close()  # pagehide: the "left" beacon
    expect(ana.locator("#story-presence")).to_be_hidden(timeout=5000)
    assert not EditPresence.objects.filter(user__username="ben").exists()


def test_a_read_only_viewer_is_not_named(browser_context, site):
    story = StoryFactory()  # live: a reporter can only read it
    reporter = _log_in(browser_context, "remi", role="Reporter")
    reporter.goto(reverse("admin:articles_story_change", args=[story.pk]))
    editor = _log_in(browser_context, "eda")
    _open(editor, story)
    expect(editor.locator("#story-presence")).to_be_hidden()


# What sticks out past the phone's width, to say in a failure.
WIDEST = """[...document.querySelectorAll('body *')]
    .map((node) => [Math.max(node.getBoundingClientRect().right, node.getBoundingClientRect().left + node.scrollWidth),
                    `${node.tagName}#${node.id}.${node.className}`])
    .sort((a, b) => b[0] - a[0])
    .slice(0, 6)
    .map(([right, name]) => `${name} ${Math.round(right)}`)"""

SCREENS = {
    "index": "admin:index",
    "story-list": "admin:articles_story_changelist",
    "story-add": "admin:articles_story_add",
    "desk-overview": "admin:desk_overview",
}


def test_every_desk_screen_fits_a_phone(browser_context, site, screenshots):
    section = SectionFactory(name="Special Reports", slug="special-reports")
    story = StoryFactory(
        section=section,
        headline="Harbour wall to be rebuilt after the winter storms broke it in three places",
        standfirst="The council approved four million for the work, which starts in spring.",
        dateline="PORT HALDEN",
        publish_at=timezone.now() - timedelta(hours=3),
    )
    story.tags.set(["Harbour", "City council", "Weather"])
    phone = browser_context(viewport={"width": 390, "height": 844})
    login = phone.new_page()
    login.goto(reverse("admin:login"))
    assert login.evaluate("document.documentElement.scrollWidth") <= 390, "login"
    screenshots.take(login, "admin-login")
    for role, username in (("Reporter", "remi"), ("Editor", "eda")):
        page = _log_in(browser_context, username, role=role, viewport={"width": 390, "height": 844})
        screens = dict(SCREENS, **{"story-change": None})
        for name, url_name in screens.items():
            url = reverse(url_name) if url_name else reverse("admin:articles_story_change", args=[story.pk])
            page.goto(url)
            page.wait_for_load_state("networkidle")  # the editor and form scripts have laid the page out
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, f"{name} as {role} is {width} px wide: {page.evaluate(WIDEST)}"
            if role == "Editor":
                screenshots.take(page, f"admin-{name}")
        assert page.errors == []
