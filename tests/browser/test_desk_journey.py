"""The whole desk in one journey, three people in three browsers (issue 11, "Done when").

The photo desk uploads two photos whose captions and credits come from their own IPTC/XMP metadata;
a reporter writes a story with three subheadings and thirty paragraphs, puts the second photo after a
chosen paragraph, adds an outside contributor as the byline, types four tags, previews and submits;
an editor schedules it a few seconds ahead; a reader sees every part in order once the time comes, and
"Updated" after a correction. Every screen is photographed at 1280 and 390 px.
"""

import io
import re
import struct
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from articles.demo import pictures
from articles.models import Author, AuthorKind, Correction, Photo, Placement, Story, StoryStatus
from articles.reader import seo
from tests.factories import SectionFactory, UserFactory

pytestmark = pytest.mark.browser

EDITOR_AREA = ".ProseMirror[contenteditable=true]"
MENUBAR = ".field-body .prose-menubar"
HEADLINE = "Quarry Lane flooded again as sandbag volunteers race the tide"
STANDFIRST = "Forty homes were cleared overnight; the council says new drains will not come before spring."
AFTER_PARAGRAPH = 17
# A story opens with a paragraph (the dateline's), then subheadings divide it.
SUBHEADINGS = {8: "The night the water came", 16: "Volunteers with shovels", 24: "What the council says"}
TAGS = ["Flooding", "Quarry Lane", "Weather", "Volunteers"]
CONTRIBUTOR = ("Lena Brandt", "Coastline Wire")
# Ahead of the editor's click by enough for the form to be saved and the service to accept the time.
SCHEDULE_AHEAD = timedelta(seconds=15)

# What each file says about itself: one in XMP (with alt text), one in IPTC IIM (without).
BOATS = {
    "caption": "Fishing boats tied up at the North Quay before the storm",
    "credit": "Ana Ruiz/Coastline Wire",
    "alt": "Fishing boats moored along a stone quay under a grey sky",
}
SANDBAGS = {"caption": "Volunteers fill sandbags at the corner of Quarry Lane", "credit": "Tom Vale/Harbour Gazette"}
SANDBAGS_ALT = "People in rain jackets shovel sand into bags on a wet street"


# --- Files the photo desk receives ----------------------------------------------------------------


def _drawn(scene: str, seed: int, **save) -> bytes:
    buffer = io.BytesIO()
    pictures.draw_scene(scene, seed, 1200, 800).save(buffer, "JPEG", quality=82, **save)
    return buffer.getvalue()


def _with_xmp(scene: str, seed: int, *, caption: str, credit: str, alt: str) -> bytes:
    """A JPEG carrying an XMP packet: dc:description, photoshop:Credit, Iptc4xmpCore:AltTextAccessibility."""
    packet = f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
 <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
   xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:Iptc4xmpCore="http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/">
  <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{caption}</rdf:li></rdf:Alt></dc:description>
  <photoshop:Credit>{credit}</photoshop:Credit>
  <Iptc4xmpCore:AltTextAccessibility><rdf:Alt><rdf:li xml:lang="x-default">{alt}</rdf:li></rdf:Alt>
  </Iptc4xmpCore:AltTextAccessibility>
 </rdf:Description>
</rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>"""
    return _drawn(scene, seed, xmp=packet.encode("utf-8"))


def _with_iim(scene: str, seed: int, *, caption: str, credit: str) -> bytes:
    """A JPEG with an APP13 "Photoshop 3.0" segment holding IPTC IIM datasets, in UTF-8."""

    def dataset(record: int, number: int, value: str | bytes) -> bytes:
        data = value.encode("utf-8") if isinstance(value, str) else value
        return bytes([0x1C, record, number]) + struct.pack(">H", len(data)) + data

    block = dataset(1, 90, b"\x1b%G") + dataset(2, 120, caption) + dataset(2, 110, credit)
    block += b"\x00" * (len(block) % 2)
    resource = b"8BIM" + struct.pack(">HHI", 0x0404, 0, len(block)) + block
    payload = b"Photoshop 3.0\x00" + resource
    jpeg = _drawn(scene, seed)
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


# --- People --------------------------------------------------------------------------------------


def _log_in(browser_context, username: str, role: str):
    UserFactory(username=username, first_name=username.title(), last_name="Desk", role=role)
    page = browser_context().new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(f"{error}"))
    page.goto(reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", "pass-for-tests")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username.title())
    return page


def _paragraph(n: int) -> str:
    return f"Paragraph {n} of the flood report tells readers one thing plainly."


def _choose_section(page, name: str) -> None:
    page.locator("#id_section + .select2 .select2-selection").click()
    page.locator(".select2-container--open .select2-search__field").fill(name)
    page.locator(".select2-results__option", has_text=name).first.click()
    expect(page.locator("#id_section + .select2 .select2-selection__rendered")).to_contain_text(name)


def _pick_in_chooser(page, words: str, screenshots=None) -> None:
    dialog = page.locator("dialog.photo-chooser")
    expect(dialog).to_be_visible()
    dialog.locator(".photo-chooser__search").fill(words)
    expect(dialog.locator(".photo-chooser__item")).to_have_count(1)
    expect(dialog.locator(".photo-chooser__item img")).to_have_js_property("complete", True)
    if screenshots is not None:
        screenshots.take(page, "journey-chooser", full_page=False)
    dialog.locator(".photo-chooser__item").click()
    expect(dialog).to_have_count(0)


# --- The journey ---------------------------------------------------------------------------------


def _photo_desk_uploads(browser_context, tmp_path, screenshots) -> tuple[Photo, Photo]:
    page = _log_in(browser_context, "pia", "Photo desk")
    boats = tmp_path / "north-quay-boats.jpg"
    boats.write_bytes(_with_xmp("harbour", 11, **BOATS))
    sandbags = tmp_path / "quarry-lane-sandbags.jpg"
    sandbags.write_bytes(_with_iim("street", 23, **SANDBAGS))
    page.goto(reverse("admin:articles_photo_bulk_upload"))
    page.set_input_files("#id_files", [str(boats), str(sandbags)])
    page.select_option("#id_usage", "editorial")
    page.click("input[value=Upload]")
    expect(page.locator(".messagelist")).to_contain_text("2 of 2 photos imported; 1 need attention")
    # The captions and credits the files carried, filled in without anyone typing them.
    first, second = Photo.objects.get(original_filename=boats.name), Photo.objects.get(original_filename=sandbags.name)
    assert (first.caption, first.credit, first.alt_text) == (BOATS["caption"], BOATS["credit"], BOATS["alt"])
    assert (second.caption, second.credit, second.alt_text) == (SANDBAGS["caption"], SANDBAGS["credit"], "")
    for image in page.locator(".upload-results img.admin-thumb").all():
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("img => img.naturalWidth") > 0
    # The IIM file has no alt text (IIM cannot say it): the desk writes it in the result list.
    index = page.locator(f'input[name$="-id"][value="{second.pk}"]').get_attribute("name").split("-")[1]
    expect(page.locator(f"#id_rows-{index}-caption")).to_have_value(SANDBAGS["caption"])
    page.fill(f"#id_rows-{index}-alt_text", SANDBAGS_ALT)
    page.click("input[value='Save captions, credits and alt text']")
    expect(page.locator(".messagelist")).to_contain_text("Saved 1 photo (1 had no changes); 0 still need attention.")
    screenshots.take(page, "journey-upload-result")
    assert page.errors == []
    second.refresh_from_db()
    return first, second


def _type_the_story(page) -> None:
    page.click(EDITOR_AREA)
    for n in range(1, 31):
        if n in SUBHEADINGS:
            page.keyboard.press("Control+Alt+2")
            page.keyboard.type(SUBHEADINGS[n])
            page.keyboard.press("Enter")
        page.keyboard.type(_paragraph(n))
        if n < 30:
            page.keyboard.press("Enter")
    expect(page.locator(f"{EDITOR_AREA} > h2")).to_have_text(list(SUBHEADINGS.values()))
    expect(page.locator(f"{EDITOR_AREA} > p")).to_have_count(30)


def _reporter_files_the_story(browser_context, screenshots) -> Story:
    page = _log_in(browser_context, "remi", "Reporter")
    page.goto(reverse("admin:articles_story_add"))
    page.wait_for_selector(EDITOR_AREA)
    page.fill("#id_headline", HEADLINE)
    page.fill("#id_standfirst", STANDFIRST)
    _choose_section(page, "City")
    page.fill("#id_dateline", "PORT HALDEN")
    _type_the_story(page)

    # The second photo, at the cursor: the end of the chosen paragraph.
    page.locator(f"{EDITOR_AREA} > p", has_text=_paragraph(AFTER_PARAGRAPH)).click()
    page.keyboard.press("End")
    page.click(f"{MENUBAR} [data-name=photoFigure]")
    expect(page.locator("dialog.photo-chooser .photo-chooser__bar .button")).to_be_visible()  # reporters may upload
    _pick_in_chooser(page, "sandbags", screenshots)
    figure = page.locator(f"{EDITOR_AREA} > figure.body-photo")
    expect(figure).to_have_count(1)
    assert figure.evaluate("f => f.previousElementSibling.textContent") == _paragraph(AFTER_PARAGRAPH)
    # The first photo leads the story.
    page.click("[data-choose-lead-photo]")
    _pick_in_chooser(page, "boats")
    expect(page.locator("[data-lead-photo-preview] img")).to_have_count(1)

    page.click(".story-contributor-open")
    page.fill("#id_contributor_name", CONTRIBUTOR[0])
    page.fill("#id_contributor_affiliation", CONTRIBUTOR[1])
    page.click(".story-contributor .button")
    expect(page.locator(".story-contributor-message")).to_contain_text(f"{CONTRIBUTOR[0]} ({CONTRIBUTOR[1]}) added")

    typing = page.locator("#id_tags_typing")
    for tag in TAGS:
        typing.type(tag)
        typing.press("Enter")
    expect(page.locator(".story-tag-chip")).to_have_count(4)
    expect(page.locator("#id_headline_count")).to_contain_text(f"{len(HEADLINE)} characters")
    page.evaluate("window.scrollTo(0, 0)")  # sticky parts (the sidebar, the toolbar) drawn where a writer sees them
    screenshots.take(page, "journey-story-form")

    with page.context.expect_page() as opened:
        page.click(".story-preview-button")
    preview = opened.value
    preview.wait_for_load_state()
    expect(preview.locator("h1")).to_have_text(HEADLINE)
    expect(preview.locator(".preview-banner")).to_contain_text("Draft")
    expect(preview.locator(".story-body h2")).to_have_text(list(SUBHEADINGS.values()))
    placed = preview.locator(".story-body figure.photo")
    expect(placed.locator(".caption")).to_have_text(SANDBAGS["caption"])
    _load_lazy_images(preview)
    screenshots.take(preview, "journey-preview")
    preview.close()
    assert not Story.objects.exists()  # previewing saved nothing

    page.click("input[name=_submit_story]")
    expect(page.locator(".messagelist")).to_contain_text("was submitted for editing")
    expect(page.locator(".story-state")).to_contain_text("Submitted")
    assert page.errors == []
    return Story.objects.get()


def _editor_schedules(editor, story: Story, screenshots):
    editor.goto(reverse("admin:desk_overview"))
    editor.get_by_role("link", name=HEADLINE).click()
    expect(editor.locator(".story-state")).to_contain_text("Submitted")
    editor.wait_for_selector(EDITOR_AREA)
    when = timezone.localtime(timezone.now() + SCHEDULE_AHEAD)
    editor.fill("#id_publish_at_0", when.strftime("%Y-%m-%d"))
    editor.fill("#id_publish_at_1", when.strftime("%H:%M:%S"))
    editor.click("input[name=_schedule]")
    expect(editor.locator(".messagelist")).to_contain_text("is scheduled for")
    story.refresh_from_db()
    assert story.publish_at == when.replace(microsecond=0) and not story.is_live()
    editor.goto(reverse("admin:desk_overview"))
    expect(editor.locator("main")).to_contain_text(HEADLINE)
    screenshots.take(editor, "journey-desk-scheduled")


# Each element's place in document order, so "before" and "after" are asserted, not assumed.
POSITIONS = """(wanted) => {
    const all = [...document.querySelectorAll("*")];
    return wanted.map(([selector, nth]) => all.indexOf(document.querySelectorAll(selector)[nth] || null));
}"""


def _reader_sees_it_in_order(reader) -> None:
    expect(reader.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    parts = [
        ("headline", "main h1", 0),
        ("byline", ".story-header .byline", 0),
        ("lead photo", ".story-lead figure.photo", 0),
        ("dateline", ".story-body .dateline", 0),
        ("first subheading", ".story-body h2", 0),
        ("second subheading", ".story-body h2", 1),
        ("photo in the body", ".story-body figure.photo", 0),
        ("third subheading", ".story-body h2", 2),
        ("tags", ".story-footer .tags", 0),
    ]
    positions = reader.evaluate(POSITIONS, [[selector, nth] for _, selector, nth in parts])
    found = dict(zip([name for name, _, _ in parts], positions, strict=True))
    assert all(position >= 0 for position in positions), found
    assert positions == sorted(positions), found

    expect(reader.locator(".byline")).to_contain_text(CONTRIBUTOR[0])
    expect(reader.locator(".story-body .dateline")).to_have_text("PORT HALDEN —")
    lead, placed = reader.locator(".story-lead figure.photo"), reader.locator(".story-body figure.photo")
    expect(lead.locator(".caption")).to_have_text(BOATS["caption"])
    expect(lead.locator(".credit")).to_have_text(BOATS["credit"])
    expect(lead.locator("img")).to_have_attribute("alt", BOATS["alt"])
    expect(placed.locator(".caption")).to_have_text(SANDBAGS["caption"])
    expect(placed.locator(".credit")).to_have_text(SANDBAGS["credit"])
    expect(placed.locator("img")).to_have_attribute("alt", SANDBAGS_ALT)
    assert placed.evaluate("f => f.previousElementSibling.textContent") == _paragraph(AFTER_PARAGRAPH)
    assert placed.evaluate("f => f.nextElementSibling.textContent") == _paragraph(AFTER_PARAGRAPH + 1)
    expect(reader.locator(".story-body > p")).to_have_count(30)
    expect(reader.locator(".tags li")).to_have_text(TAGS)  # in the order typed
    _load_lazy_images(reader)


def _load_lazy_images(page) -> None:
    """Scroll each photo into view, as a reader would, and wait for it: a full-page screenshot loads none."""
    for image in page.locator("figure.photo img").all():
        image.scroll_into_view_if_needed()
        expect(image).to_have_js_property("complete", True)
        assert image.evaluate("img => img.naturalWidth") > 0, "a photo did not load"
    page.evaluate("window.scrollTo(0, 0)")


def _wait_until_live(reader, story: Story) -> None:
    """The reader's page is a 404 until the publish time, then the story: nothing but the clock moves."""
    url = story.get_absolute_url()
    response = reader.goto(url)
    if timezone.now() < story.publish_at - timedelta(seconds=1):
        assert response.status == 404, f"{url} answered {response.status} before its publish time"
    deadline = story.publish_at + timedelta(seconds=20)
    while response.status != 200 and timezone.now() < deadline:
        reader.wait_for_timeout(500)
        response = reader.goto(url)
    assert response.status == 200, f"{url} still answers {response.status} after its publish time"


def test_the_desk_from_upload_to_a_correction_in_three_browsers(browser_context, site, tmp_path, screenshots):
    SectionFactory(name="City", slug="city")
    photos = _photo_desk_uploads(browser_context, tmp_path, screenshots)

    story = _reporter_files_the_story(browser_context, screenshots)
    assert story.status == StoryStatus.SUBMITTED and story.headline == HEADLINE
    assert story.lead_photo_id == photos[0].pk
    placement = Placement.objects.get(story=story)
    assert (placement.photo_id, placement.paragraph) == (photos[1].pk, AFTER_PARAGRAPH + 2)  # two subheadings above
    byline = story.bylines.get()
    assert byline.author.name == CONTRIBUTOR[0] and byline.author.kind == AuthorKind.CONTRIBUTOR
    assert Author.objects.count() == 1
    assert sorted(story.tags.names()) == sorted(TAGS)

    editor = _log_in(browser_context, "eda", "Editor")
    _editor_schedules(editor, story, screenshots)

    reader = browser_context().new_page()
    _wait_until_live(reader, story)
    _reader_sees_it_in_order(reader)
    expect(reader.locator(".times")).to_contain_text("Published")
    expect(reader.locator(".times .updated")).to_have_count(0)
    screenshots.take(reader, "journey-reader")

    # A correction afterwards: readers are told, with its time.
    editor.goto(reverse("admin:articles_story_change", args=[story.pk]))
    editor.wait_for_selector(EDITOR_AREA)
    editor.fill(
        "textarea[name='corrections-0-text']", "An earlier version said forty-four homes were cleared. It was forty."
    )
    editor.click(".story-bar-save")
    expect(editor.locator(".messagelist")).to_contain_text("was changed successfully")
    correction = Correction.objects.get(story=story)
    assert editor.errors == []

    reader.reload()
    updated = reader.locator(".times .updated time")
    expect(updated).to_have_attribute("datetime", seo.isoformat(correction.published_at))
    expect(updated).to_have_text(re.compile(timezone.localtime(correction.published_at).strftime(r"%H:%M")))
    expect(reader.locator(".corrections")).to_contain_text("It was forty.")
    _reader_sees_it_in_order(reader)
    screenshots.take(reader, "journey-updated")
