"""What a reader and an editor do, in a real browser: Debian's Chromium driven by Playwright."""

import io
import re
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from articles.demo import content
from tests.factories import AuthorFactory, SectionFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.browser

SPECIAL_REPORT = "port-halden-general-emergency-department"
SECOND_REPORT = "line-3-tram-extension-over-budget"
# In the lead story's body only: not in any headline, standfirst or other story of the demo.
BODY_WORD = "stockpiles"


def _headline(slug: str) -> str:
    return next(story["headline"] for story in content.STORIES if story["slug"] == slug)


def test_a_reader_goes_from_home_to_a_section_a_story_a_tag_an_author_and_search(newsroom, reader, screenshots):
    page = reader
    lead = newsroom.lead

    page.goto("/")
    expect(page).to_have_title(re.compile("Port Halden Chronicle"))
    expect(page.locator(".lead .card-headline")).to_have_text(lead.headline)
    expect(page.locator(".lead img")).to_have_attribute("alt", lead.lead_photo.alt_text)
    page.wait_for_function("img => img.complete", arg=page.locator(".lead img").element_handle())  # loaded, or failed
    assert page.locator(".lead img").evaluate("img => img.naturalWidth > 0"), "the photo did not load"
    screenshots.take(page, "home")

    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Special Reports").click()
    expect(page).to_have_url(re.compile(r"/special-reports/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Special Reports")
    expect(page.get_by_role("link", name=_headline(SECOND_REPORT))).to_be_visible()
    screenshots.take(page, "section")

    page.get_by_role("link", name=_headline(SPECIAL_REPORT)).first.click()
    story = newsroom.stories[SPECIAL_REPORT]
    expect(page).to_have_url(re.compile(rf"/special-reports/{story.pk}/{SPECIAL_REPORT}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(story.headline)
    expect(page.locator(".story-lead img")).to_have_attribute("alt", story.lead_photo.alt_text)
    expect(page.locator(".story-body h2").first).to_be_visible()
    screenshots.take(page, "story")

    page.get_by_role("navigation", name="Topics").get_by_role("link", name="Investigation").click()
    expect(page).to_have_url(re.compile(r"/tags/investigation/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Investigation")
    expect(page.get_by_role("link", name=story.headline)).to_be_visible()
    screenshots.take(page, "tag")

    page.get_by_role("link", name=_headline(SECOND_REPORT)).click()
    author = newsroom.authors["ines-harrowgate"]
    page.locator(".byline").get_by_role("link", name=author.name).click()
    expect(page).to_have_url(re.compile(rf"/authors/{author.slug}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(author.name)
    expect(page.get_by_text(author.role, exact=True)).to_be_visible()
    expect(page.locator(".author-photo img")).to_have_attribute("alt", f"Portrait of {author.name}")
    for slug in (SPECIAL_REPORT, SECOND_REPORT):
        expect(page.get_by_role("link", name=_headline(slug))).to_be_visible()
    screenshots.take(page, "author")

    search_box = page.get_by_role("searchbox", name="Search stories")
    search_box.fill(BODY_WORD)
    search_box.press("Enter")
    expect(page).to_have_url(re.compile(rf"/search/\?q={BODY_WORD}$"))
    results = page.locator(".search-results")
    expect(results.get_by_role("link", name=lead.headline)).to_be_visible()
    expect(results.locator("mark").first).to_have_text(re.compile(BODY_WORD, re.IGNORECASE))
    expect(results.locator("li")).to_have_count(1)
    screenshots.take(page, "search")

    results.get_by_role("link", name=lead.headline).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(lead.headline)


def _jpeg(width: int, height: int) -> bytes:
    image = Image.new("RGB", (width, height), (24, 86, 120))
    for x in range(0, width, 40):  # a few stripes, so the file is not a flat colour
        image.paste((230, 190, 80), (x, height // 2, x + 20, height // 2 + 30))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def _choose(page, field_id: str, typed: str, option: str) -> None:
    """Pick a value in one of the admin's autocomplete (select2) fields."""
    page.locator(f"#{field_id} + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(typed)
    page.locator(".select2-results__option", has_text=option).first.click()
    expect(page.locator(f"#{field_id} + .select2 .select2-selection__rendered")).to_contain_text(option)


def test_an_editor_writes_a_story_with_a_photo_publishes_it_and_readers_see_it(
    desk_roles, browser_context, screenshots
):
    SectionFactory(name="City", slug="city")
    author = AuthorFactory(name="Maren Tolland", slug="maren-tolland")
    yesterdays = StoryFactory(headline="Yesterday's lead story", publish_at=timezone.now() - timedelta(days=1))
    UserFactory(username="eda", first_name="Eda", role="Editor", password="desk-pass-for-tests")
    desk = browser_context().new_page()
    desk.goto("/admin/")
    desk.get_by_label("Username").fill("eda")
    desk.get_by_label("Password").fill("desk-pass-for-tests")
    desk.get_by_role("button", name="Log in").click()
    expect(desk.get_by_text("Welcome, Eda")).to_be_visible()

    # The photo desk's add form: the upload, with alt text and credit.
    desk.goto("/admin/articles/photo/add/")
    desk.get_by_label("Photo:").set_input_files(
        {"name": "pier-lights.jpg", "mimeType": "image/jpeg", "buffer": _jpeg(1200, 800)}
    )
    desk.get_by_label("Caption:").fill("Lights along the North Pier at dusk")
    desk.get_by_label("Alt text:").fill("A row of lamps along a stone pier at dusk")
    desk.get_by_label("Credit:").fill("Chronicle staff")
    desk.get_by_role("button", name="Save", exact=True).click()
    expect(desk.locator(".messagelist")).to_contain_text("was added successfully")

    # The story, written in the admin with the prose editor, the lead photo and a byline.
    headline = "North Pier lights switched back on after ten dark winters"
    desk.goto("/admin/articles/story/add/")
    desk.get_by_label("Headline:", exact=True).fill(headline)
    desk.get_by_label("Standfirst:").fill("Volunteers raised the money to rewire all 64 lamps.")
    _choose(desk, "id_section", "City", "City")
    body = desk.locator(".prose-editor [contenteditable=true]")
    body.click()
    body.press_sequentially("The lamps along the North Pier came back on at dusk on Friday.")
    body.press("Enter")
    body.press_sequentially("About two hundred people watched from the promenade.")
    _choose(desk, "id_lead_photo", "North Pier", "North Pier")
    _choose(desk, "id_bylines-0-author", "Tolland", author.name)
    screenshots.take(desk, "admin-story-form")
    desk.get_by_role("button", name="Publish now").click()
    expect(desk.locator(".messagelist")).to_contain_text("is published and live")

    reader = browser_context().new_page()
    reader.goto("/")
    lead = reader.locator(".lead")
    expect(lead.get_by_role("link", name=headline)).to_be_visible()
    expect(lead).not_to_contain_text(yesterdays.headline)  # the newest story leads the home page
    expect(lead.locator("img")).to_have_attribute("alt", "A row of lamps along a stone pier at dusk")
    lead.get_by_role("link", name=headline).click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(headline)
    expect(reader.locator(".story-body")).to_contain_text("About two hundred people watched from the promenade.")
    expect(reader.locator(".byline")).to_contain_text(author.name)
    expect(reader.locator(".story-lead figcaption")).to_contain_text("Chronicle staff")


FOCUSED = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {tag: element.outerHTML.slice(0, 90), outline: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""


def test_a_keyboard_reader_meets_the_skip_link_first_and_always_sees_where_focus_is(site, reader):
    StoryFactory.create_batch(3, section=SectionFactory(name="City", slug="city"))
    reader.goto("/")
    reader.keyboard.press("Tab")
    skip = reader.locator(":focus")
    expect(skip).to_have_text("Skip to content")
    expect(skip).to_be_in_viewport()
    reader.keyboard.press("Enter")
    expect(reader).to_have_url(re.compile(r"/#main$"))
    expect(reader.locator("main")).to_be_focused()

    seen = []
    for _ in range(40):  # on through the stories in <main> and the footer, to the end of the page
        reader.keyboard.press("Tab")
        focused = reader.evaluate(FOCUSED)
        if focused["tag"].startswith("<body"):
            break
        assert focused["outline"] != "none" and focused["width"] >= 2, focused
        seen.append(focused["tag"])
    assert len(seen) >= 8, seen
    assert any('href="/corrections/"' in tag for tag in seen), seen
