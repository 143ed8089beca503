"""The body editor in a real browser: a long story typed with its shortcuts, a photo placed from the
chooser after paragraph 12 with its caption changed, the reader's page showing it there, the toolbar
on screen at the end of the story, and paste from a word processor keeping only the structure."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.admin import photo_chooser
from articles.models import Placement, Story, StoryStatus
from articles.photos.public import desk_rendition_url
from tests.factories import PhotoFactory, StoryFactory, UserFactory

pytestmark = pytest.mark.browser

EDITOR_AREA = ".ProseMirror[contenteditable=true]"
MENUBAR = ".field-body .prose-menubar"
CAPTION = "Cranes over the harbour as the night shift starts"


@pytest.fixture
def desk(browser_context, site):
    UserFactory(username="eda", role="Editor")
    page = browser_context(viewport={"width": 1280, "height": 800}).new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(reverse("admin:login"))
    page.fill("#id_username", "eda")
    page.fill("#id_password", "pass-for-tests")
    page.click("input[type=submit]")
    return page


def paragraph(n):
    return f"Paragraph {n} of the story says one thing clearly."


def type_long_story(page):
    """Three subheadings (typed with Ctrl+Alt+2) and thirty paragraphs."""
    page.click(EDITOR_AREA)
    for n in range(1, 31):
        if n in (1, 11, 21):
            page.keyboard.press("Control+Alt+2")
            page.keyboard.type(f"Subheading before {n}")
            page.keyboard.press("Enter")
        page.keyboard.type(paragraph(n))
        if n < 30:
            page.keyboard.press("Enter")


def toolbar_is_on_screen(page):
    box = page.locator(MENUBAR).bounding_box()
    height = page.viewport_size["height"]
    return box is not None and box["y"] >= -1 and box["y"] + box["height"] <= height


def test_a_photo_placed_from_the_chooser_stands_between_paragraphs_12_and_13(desk, screenshots):
    photo = PhotoFactory(caption="Cranes at dusk", photographer="Ana Ruiz", source="Coastline Wire")
    PhotoFactory(caption="A market stall")
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, body="", headline="Night shift at the port")
    desk.goto(reverse("admin:articles_story_change", args=[story.pk]))
    desk.wait_for_selector(EDITOR_AREA)
    type_long_story(desk)
    assert desk.locator(f"{EDITOR_AREA} > h2").count() == 3
    assert desk.locator(f"{EDITOR_AREA} > p").count() == 30

    # The toolbar is still on screen at the end of a long story, and works from there.
    assert toolbar_is_on_screen(desk)
    desk.click(f"{MENUBAR} [data-name=bold]")
    desk.keyboard.type(" Bold words")
    expect(desk.locator(f"{EDITOR_AREA} > p").last.locator("strong")).to_have_text(" Bold words")

    # The cursor after paragraph 12, then the chooser: search, pick.
    desk.locator(f"{EDITOR_AREA} > p", has_text=paragraph(12)).click()
    desk.keyboard.press("End")
    desk.click(f"{MENUBAR} [data-name=photoFigure]")
    dialog = desk.locator("dialog.photo-chooser")
    expect(dialog).to_be_visible()
    expect(dialog.locator(".photo-chooser__item")).to_have_count(2)
    dialog.locator(".photo-chooser__search").fill("cranes")
    expect(dialog.locator(".photo-chooser__item")).to_have_count(1)
    expect(dialog.locator(".photo-chooser__item")).to_contain_text("Ana Ruiz/Coastline Wire")
    screenshots.folder.mkdir(exist_ok=True)
    desk.screenshot(path=screenshots.folder / "body-editor-chooser-desktop-1280.png")
    dialog.locator(".photo-chooser__item").click()
    expect(dialog).to_have_count(0)

    figure = desk.locator(f"{EDITOR_AREA} > figure.body-photo")
    expect(figure).to_have_count(1)
    expect(figure.locator("img")).to_have_attribute("src", desk_rendition_url(photo, photo_chooser.THUMB_WIDTH))
    assert figure.evaluate("f => f.previousElementSibling.textContent") == paragraph(12)
    assert figure.evaluate("f => f.nextElementSibling.textContent") == paragraph(13)

    # Removed like text, and back with undo. The editor's history groups steps less than 500 ms apart
    # (ProseMirror's newGroupDelay): wait past that, as a person would, so undo brings back only the delete.
    desk.wait_for_timeout(600)
    figure.locator("img").click()
    desk.keyboard.press("Delete")
    expect(figure).to_have_count(0)
    desk.keyboard.press("Control+z")
    expect(figure).to_have_count(1)
    assert figure.evaluate("f => f.previousElementSibling.textContent") == paragraph(12)

    # Its caption, changed for this story.
    caption = figure.locator(".body-photo__caption")
    expect(caption).to_have_attribute("placeholder", "Cranes at dusk")
    caption.fill(CAPTION)
    caption.press("Enter")
    desk.locator(f"{EDITOR_AREA} > figure.body-photo").scroll_into_view_if_needed()
    desk.screenshot(path=screenshots.folder / "body-editor-figure-desktop-1280.png")

    # The lead photo from the same chooser.
    desk.click("[data-choose-lead-photo]")
    desk.locator("dialog.photo-chooser .photo-chooser__search").fill("cranes")
    expect(desk.locator("dialog.photo-chooser .photo-chooser__item")).to_have_count(1)
    desk.locator("dialog.photo-chooser .photo-chooser__item").click()
    expect(desk.locator("#id_lead_photo")).to_have_value(str(photo.pk))
    expect(desk.locator("[data-lead-photo-preview] img")).to_have_count(1)

    desk.click("input[name=_continue]")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    saved = Story.objects.get(pk=story.pk)
    assert saved.lead_photo_id == photo.pk
    assert f'<figure data-photo="{photo.pk}"><figcaption>{CAPTION}</figcaption></figure>' in saved.body
    placement = Placement.objects.get(story=saved)
    assert (placement.photo_id, placement.paragraph, placement.caption) == (photo.pk, 14, CAPTION)  # 12 + 2 subheadings

    # The reader's page (the desk's preview of this draft) shows it between paragraphs 12 and 13.
    desk.goto(saved.get_absolute_url())
    shown = desk.locator(".story-body figure.photo")
    expect(shown).to_have_count(1)
    expect(shown.locator(".caption")).to_have_text(CAPTION)
    expect(shown.locator(".credit")).to_have_text("Ana Ruiz/Coastline Wire")
    assert shown.evaluate("f => f.previousElementSibling.textContent") == paragraph(12)
    assert shown.evaluate("f => f.nextElementSibling.textContent") == paragraph(13)
    assert desk.errors == []


@pytest.mark.parametrize(("width", "height", "label"), [(1280, 800, "desktop"), (390, 844, "phone")])
def test_the_toolbar_stays_on_screen_at_the_end_of_a_long_story(
    browser_context, site, width, height, label, screenshots
):
    UserFactory(username="eda", role="Editor")
    page = browser_context(viewport={"width": width, "height": height}).new_page()
    page.goto(reverse("admin:login"))
    page.fill("#id_username", "eda")
    page.fill("#id_password", "pass-for-tests")
    page.click("input[type=submit]")
    body = "".join(
        (f"<h2>Subheading {n}</h2>" if n in (1, 11, 21) else "") + f"<p>{paragraph(n)}</p>" for n in range(1, 31)
    )
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, body=body)
    page.goto(reverse("admin:articles_story_change", args=[story.pk]))
    page.wait_for_selector(EDITOR_AREA)
    last = page.locator(f"{EDITOR_AREA} > p").last
    last.scroll_into_view_if_needed()
    last.click()
    page.keyboard.press("End")
    page.mouse.wheel(0, 300)
    page.wait_for_timeout(200)
    assert toolbar_is_on_screen(page), page.locator(MENUBAR).bounding_box()
    screenshots.folder.mkdir(exist_ok=True)
    page.screenshot(path=screenshots.folder / f"body-editor-toolbar-{label}-{width}.png")

    # Heading 2 from the block menu, then Bold, with the end of the story in view.
    page.click(f"{MENUBAR} .prose-menubar__selected")
    page.click(f"{MENUBAR} .prose-menubar__option[data-name=heading2]")
    expect(page.locator(f"{EDITOR_AREA} > h2").last).to_have_text(paragraph(30))
    page.keyboard.press("End")
    page.click(f"{MENUBAR} [data-name=bold]")
    page.keyboard.type(" now")
    expect(page.locator(f"{EDITOR_AREA} > h2").last.locator("strong")).to_have_text(" now")
    # The block menu's arrow is drawn, not a glyph a font may lack.
    arrow = page.locator(f"{MENUBAR} .prose-menubar__selected").evaluate(
        "el => { const s = getComputedStyle(el, '::after'); return [s.content, s.borderTopWidth]; }"
    )
    assert arrow == ['""', "5px"]


WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head>
<body><h1 style="color:red">Big title</h1>
<p class=MsoNormal style="font-family:Calibri"><span style="font-size:12pt">First <b>bold</b> and
<a href="https://example.org/report" class="x" style="color:blue">a link</a>.</span><o:p></o:p></p>
<h4>Small heading</h4>
<p class=MsoListParagraphCxSpFirst style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·</span>Item one</p>
<p class=MsoListParagraphCxSpLast style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·</span>Item two</p>
<table><tr><td>Cell A</td><td>Cell B</td></tr></table>
<img src="https://example.org/tracker.gif"><p><span class="c1">Last line.</span></p></body></html>"""


def test_paste_from_a_word_processor_keeps_structure_and_drops_the_rest(desk):
    story = StoryFactory(status=StoryStatus.DRAFT, publish_at=None, body="<p>Start.</p>")
    desk.goto(reverse("admin:articles_story_change", args=[story.pk]))
    desk.wait_for_selector(EDITOR_AREA)
    desk.locator(f"{EDITOR_AREA} p").click()
    desk.keyboard.press("End")
    desk.keyboard.press("Enter")
    desk.evaluate(
        """html => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "fallback");
            const area = document.querySelector(".ProseMirror[contenteditable=true]");
            area.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        }""",
        WORD_HTML,
    )
    desk.click("input[name=_continue]")
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")
    body = Story.objects.get(pk=story.pk).body
    assert "<h2>Big title</h2>" in body
    assert "<h3>Small heading</h3>" in body
    assert '<strong>bold</strong> and <a href="https://example.org/report" rel="noopener noreferrer">a link</a>' in body
    assert "<ul><li><p>Item one</p></li><li><p>Item two</p></li></ul>" in body, body
    assert "Cell A" in body and "Cell B" in body and "<table" not in body
    assert all(bad not in body for bad in ("<img", "style=", "class=", "<span", "tracker", "·"))
    assert "<p>Last line.</p>" in body
    assert desk.errors == []
