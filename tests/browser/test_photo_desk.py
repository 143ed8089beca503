"""The photo desk in a real browser: a bulk upload of two photos (one without alt text), fixed in
the result list with the keyboard alone, and the photo change form; screenshots at 390 and 1280 px."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from articles.models import Photo
from tests.factories import UserFactory
from tests.photos.made import AI_URI, jpeg

pytestmark = pytest.mark.browser


@pytest.fixture
def photodesk_page(browser_context, site):
    UserFactory(username="pia", role="Photo desk")
    page = browser_context().new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(reverse("admin:login"))
    page.fill("#id_username", "pia")
    page.fill("#id_password", "pass-for-tests")
    page.click("input[type=submit]")
    return page


def test_bulk_upload_result_is_edited_in_place(photodesk_page, tmp_path, screenshots):
    page = photodesk_page
    described = tmp_path / "harbour-crane.jpg"
    described.write_bytes(jpeg(alt="A yellow crane lifts a container on the quay"))
    bare = tmp_path / "quay-at-dusk.jpg"
    bare.write_bytes(jpeg(AI_URI, caption="The old quay, imagined at dusk", colour=(150, 60, 20)))

    page.goto(reverse("admin:articles_photo_bulk_upload"))
    page.set_input_files("#id_files", [str(described), str(bare)])
    page.select_option("#id_usage", "editorial")
    page.click("input[value=Upload]")
    messages = page.locator(".messagelist")
    expect(messages).to_contain_text("2 of 2 photos imported; 1 need attention")
    rows = page.locator(".upload-results tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator(".upload-results img.admin-thumb")).to_have_count(2)
    expect(page.locator(".upload-results .attention")).to_contain_text(["Ready to use", "has no alt text"])
    # Thumbnails are really served to the desk (the photos are in no live story yet).
    for image in page.locator(".upload-results img.admin-thumb").all():
        page.wait_for_function("img => img.complete", arg=image.element_handle())  # loaded, or failed
        assert image.evaluate("img => img.naturalWidth > 0")
    screenshots.take(page, "photo-bulk-result")

    # Keyboard only: from the bare photo's caption, Tab to its credit, then its alt text; then to Save.
    bare_photo = Photo.objects.get(original_filename="quay-at-dusk.jpg")
    index = page.locator(f'input[name$="-id"][value="{bare_photo.pk}"]').get_attribute("name").split("-")[1]
    page.focus(f"#id_rows-{index}-caption")
    page.keyboard.press("Tab")
    expect(page.locator(f"#id_rows-{index}-credit")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(f"#id_rows-{index}-alt_text")).to_be_focused()
    page.keyboard.type("An old stone quay under an orange sky")
    page.locator("input[value='Save captions, credits and alt text']").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("Saved 1 photo (1 had no changes); 0 still need attention.")
    bare_photo.refresh_from_db()
    assert bare_photo.alt_text == "An old stone quay under an orange sky"
    assert bare_photo.usage == "editorial"
    screenshots.take(page, "photo-bulk-saved")
    assert page.errors == []


def test_photo_change_form(photodesk_page, tmp_path, screenshots):
    page = photodesk_page
    picture = tmp_path / "city.jpg"
    picture.write_bytes(jpeg(AI_URI, caption="A city skyline that does not exist", alt="Towers by a bay"))
    page.goto(reverse("admin:articles_photo_add"))
    page.set_input_files("#id_image", str(picture))
    page.fill("#id_rights_expire_on", "2031-05-04")
    page.click("input[name=_save]")
    photo = Photo.objects.get()
    assert photo.digital_source_type == "trainedAlgorithmicMedia"
    assert str(photo.rights_expire_on) == "2031-05-04"
    page.goto(reverse("admin:articles_photo_change", args=[photo.pk]))
    expect(page.locator("#id_rights_expire_on")).to_have_attribute("type", "date")
    expect(page.locator("#id_rights_expire_on")).to_have_value("2031-05-04")
    expect(page.locator("#id_digital_source_type")).to_have_value("trainedAlgorithmicMedia")
    expect(page.locator("#id_usage")).to_be_visible()
    expect(page.locator("a", has_text="Download the original")).to_have_count(1)
    screenshots.take(page, "photo-change-form")
    assert page.errors == []
