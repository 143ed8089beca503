"""The quality bars, kept honest: axe-core and the Nu Html Checker on the site's main pages.

`make quality` runs the same checks on the full demo site, with Lighthouse (tools/quality/).
"""

import gzip

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

from tools.quality import checks
from tools.quality.checks import WIDTHS

SEARCH_WORD = "stockpiles"


def main_pages(newsroom) -> dict[str, tuple[str, int]]:
    """Each main page of the site: name -> (path, the status it answers with)."""
    story = newsroom.lead
    author = story.bylines.first().author
    return {
        "home": ("/", 200),
        "section": (story.section.get_absolute_url(), 200),
        "story": (story.get_absolute_url(), 200),
        "tag": ("/tags/flooding/", 200),
        "author": (author.get_absolute_url(), 200),
        "search": (f"/search/?q={SEARCH_WORD}", 200),
        "empty search": ("/search/?q=", 200),
        "archive": ("/archive/", 200),
        "corrections": ("/corrections/", 200),
        "not found": ("/no-such-section/", 404),
    }


def server_error_page() -> str:
    """The 500 page, as Django renders it when a view fails: no context, no request."""
    return server_error(RequestFactory().get("/")).content.decode()


pytestmark = pytest.mark.validator

# Known faults, checked in the same run: they prove the checker ran and reports what it finds.
BROKEN_PAGE = (
    '<!doctype html><html lang="en"><title>Broken</title><main><h1>Broken</h1>'
    '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">'
    '<p id="twice"><input type="text"></p><p id="twice"></p></main></html>'
)


@pytest.mark.browser
def test_axe_finds_no_accessibility_violations_on_the_main_pages_at_phone_and_desktop_widths(
    newsroom, browser_context, axe_ready
):
    # The site's CSP forbids inline scripts: bypass it so axe can be injected.
    page = browser_context(bypass_csp=True).new_page()
    violations = []
    for name, (path, status) in main_pages(newsroom).items():
        response = page.goto(path)
        assert response.status == status, f"{name} ({path}) answered {response.status}"
        for width in WIDTHS.values():  # the layout changes with the width: check each
            page.set_viewport_size({"width": width, "height": 900})
            violations += checks.run_axe(page, f"{name} at {width}px ({path})")
    page.goto("/")  # so the 500 page's stylesheet loads from the live server
    page.set_content(server_error_page())
    for width in WIDTHS.values():
        page.set_viewport_size({"width": width, "height": 900})
        violations += checks.run_axe(page, f"server error at {width}px")
    assert not violations, "axe-core found:\n" + "\n".join(map(str, violations))

    page.set_content(BROKEN_PAGE)
    assert {"image-alt", "label"} <= {violation.rule for violation in checks.run_axe(page, "broken")}


def test_the_nu_html_checker_finds_no_errors_on_the_main_pages(newsroom, client, vnu_ready):
    pages = {}
    for name, (path, status) in main_pages(newsroom).items():
        response = client.get(path)
        assert response.status_code == status, f"{name} ({path}) answered {response.status_code}"
        pages[f"{name} ({path})"] = response.content.decode()
    errors = checks.validate_html({**pages, "server error": server_error_page(), "broken": BROKEN_PAGE})
    assert "Duplicate ID “twice”." in [error.message for error in errors if error.page == "broken"]
    errors = [error for error in errors if error.page != "broken"]
    assert not errors, "The Nu Html Checker found:\n" + "\n".join(map(str, errors))


def test_the_main_pages_block_on_no_script_size_every_image_and_link_one_small_stylesheet(newsroom, client):
    problems, sheets = [], set()
    for name, (path, status) in main_pages(newsroom).items():
        response = client.get(path)
        assert response.status_code == status, f"{name} ({path}) answered {response.status_code}"
        html = response.content.decode()
        problems += checks.loading_problems(html, f"{name} ({path})")
        sheets.update(checks.stylesheets(html))
    problems += checks.loading_problems(server_error_page(), "server error")
    assert not problems, "\n".join(problems)
    assert checks.loading_problems('<script src="/x.js"></script><img src="/y.jpg" alt="">', "known faults") == [
        'known faults: render-blocking script <script src="/x.js"></script>',
        'known faults: image without width and height <img alt="" src="/y.jpg"/>',
    ]

    assert len(sheets) == 1, sheets
    response = client.get(sheets.pop())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert 1000 < len(gzip.compress(response.getvalue())) <= checks.CSS_BUDGET_GZIPPED
