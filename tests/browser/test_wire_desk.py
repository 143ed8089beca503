"""The wire desk in a real browser: the list with its flags and the reader view of an item with its pictures,
at phone and desktop widths (screenshots/wire-desk-*.png, looked at by a person)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import WireEntry
from articles.wire.drafts import wire_make_draft
from articles.wire.ingest import wire_ingest_batch, wire_ingest_file
from tests.factories import SectionFactory, UserFactory
from tests.wire.conftest import DESK, FIXTURES, PICTURES, jpeg_bytes

pytestmark = pytest.mark.browser


def _deliver(name: str) -> None:
    files = [(name, (DESK / name).read_bytes())]
    files += [(picture, jpeg_bytes(n * 11)) for n, picture in enumerate(PICTURES[name], start=1 + len(name))]
    wire_ingest_batch(files)


def test_wire_desk_list_and_item(browser_context, site, screenshots):
    editor = UserFactory(username="eda", role="Editor")
    SectionFactory(name="News", slug="news")
    _deliver("ferry.nitf.xml")
    _deliver("lighthouse.newsml.xml")
    for path in ("nitf/story.xml", "ninjs/story.json", "newsml-g2/story.xml", "bad/xxe.xml"):
        wire_ingest_file(data=(FIXTURES / path).read_bytes(), name=path.rsplit("/", 1)[-1])
    ferry = WireEntry.objects.get(guid="npa-2026-1120-ferry")
    wire_make_draft(item=ferry, user=editor)
    wire_ingest_file(data=(DESK / "ferry-update.nitf.xml").read_bytes(), name="ferry-v2.xml")
    bridge = WireEntry.objects.get(guid="npa-2026-1203-bridge")
    wire_make_draft(item=bridge, user=editor)
    wire_ingest_file(data=(FIXTURES / "nitf" / "story-kill.xml").read_bytes(), name="bridge-kill.xml")

    page = browser_context().new_page()
    page.goto(reverse("admin:login"))
    page.fill("#id_username", "eda")
    page.fill("#id_password", "pass-for-tests")
    page.click("input[type=submit]")

    page.goto(reverse("admin:articles_wireentry_changelist"))
    expect(page.locator("#result_list")).to_contain_text("Night ferry returns to the islands")
    expect(page.locator(".wire-killed").first).to_be_visible()
    expect(page.locator(".wire-updated").first).to_be_visible()
    expect(page.locator(".wire-rejections")).to_contain_text("xxe.xml")
    screenshots.take(page, "wire-desk-list")

    page.goto(
        reverse(
            "admin:articles_wireentry_change",
            args=[WireEntry.objects.get(format="newsml-g2", guid__contains="20261120").pk],
        )
    )
    expect(page.locator("h1")).to_have_text("Kestrel Point lighthouse shines again")
    expect(page.locator(".wire-pictures img")).to_have_count(2)
    # Lazy or slow: wait until the picture has loaded (or failed), then check it really is a picture.
    first = page.locator(".wire-pictures img").first
    first.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete", arg=first.element_handle())
    assert first.evaluate("img => img.naturalWidth") > 0
    screenshots.take(page, "wire-desk-item")

    page.click("input[value='Make a draft']")
    expect(page.locator(".messagelist")).to_contain_text("Draft made from the wire")
    expect(page.locator("body")).to_contain_text("From the wire:")
    screenshots.take(page, "wire-desk-story")
