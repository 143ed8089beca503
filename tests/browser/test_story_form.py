"""The story form in a real browser: the editor starts under the site's CSP, the word count is live,
the slug fills itself from a Chinese headline, and Withdraw asks first."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles import richtext
from articles.models import Story, StoryStatus
from tests.factories import StoryFactory, UserFactory

pytestmark = pytest.mark.browser

EDITOR_AREA = ".ProseMirror[contenteditable=true]"


@pytest.fixture
def desk(browser_context, site):
    """A page in a fresh browser, logged in to the admin as an editor."""
    UserFactory(username="eda", role="Editor")
    page = browser_context().new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(reverse("admin:login"))
    page.fill("#id_username", "eda")
    page.fill("#id_password", "pass-for-tests")
    page.click("input[type=submit]")
    return page


def test_the_editor_starts_and_counts_words_as_you_type(desk):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, body="<p>Three words here.</p>")
    desk.goto(reverse("admin:articles_story_change", args=[story.pk]))
    count = desk.locator("#id_body_word_count")
    expect(count).to_have_text("3 words")

    desk.click(f"{EDITOR_AREA} p")
    desk.keyboard.press("End")
    desk.keyboard.type(" And five more words now.")
    expect(count).to_have_text("8 words")
    desk.keyboard.press("Enter")
    desk.keyboard.type("A second paragraph.")
    expect(count).to_have_text("11 words")

    desk.click("input[name=_continue]")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    saved = Story.objects.get(pk=story.pk)
    assert richtext.word_count(saved.body) == 11
    assert "<p>A second paragraph.</p>" in saved.body
    assert desk.errors == []


def test_a_chinese_headline_fills_the_slug(desk):
    desk.goto(reverse("admin:articles_story_add"))
    desk.wait_for_selector(EDITOR_AREA)
    desk.fill("#id_headline", "港口电影节开幕")
    desk.press("#id_headline", "End")  # the prefill listens for keys, as when typing
    expect(desk.locator("#id_slug")).to_have_value("港口电影节开幕")


def test_withdraw_asks_before_taking_a_story_off(desk):
    story = StoryFactory()
    desk.goto(reverse("admin:articles_story_change", args=[story.pk]))
    desk.wait_for_selector(EDITOR_AREA)
    asked = []

    def dismiss(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    desk.on("dialog", dismiss)
    desk.click("input[name=_withdraw]")
    expect(desk.locator(".story-state")).to_contain_text("Live")
    assert asked and "disappears from every page" in asked[0]
    assert Story.objects.get(pk=story.pk).status == StoryStatus.PUBLISHED
