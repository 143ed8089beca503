"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live server.

Browsers cannot be downloaded here, so the tests launch /usr/bin/chromium (`apt-get install chromium`;
.ci/run does it). Where it is missing they are skipped, never quietly passed: each skip says so, and
the end of the run repeats it in a line of its own. The same goes for the npm validators (`npm ci`).
"""

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission

from articles.stories.roles import sync_roles
from tests import one_at_a_time
from tests.browser import demo
from tests.factories import UserFactory
from tools.quality import checks

SCREENSHOTS = checks.ROOT / "screenshots"
WIDTHS = checks.WIDTHS
NOT_RUN = "NOT run"
MISSING = checks.missing_tools()
SKIP_REASONS = {
    "chromium": f"{MISSING['chromium']}: browser tests {NOT_RUN}" if "chromium" in MISSING else None,
    "axe": f"{MISSING['axe']}: accessibility check {NOT_RUN}" if "axe" in MISSING else None,
    "vnu": f"{MISSING['vnu']}: HTML validation {NOT_RUN}" if "vnu" in MISSING else None,
}


def pytest_collection_modifyitems(config, items):
    """Browser tests skip, loudly, when Chromium is missing."""
    if SKIP_REASONS["chromium"] is None:
        return
    for item in items:
        if item.get_closest_marker("browser") is not None:
            item.add_marker(pytest.mark.skip(reason=SKIP_REASONS["chromium"]))


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_terminal_summary(terminalreporter):
    """Say which browser checks did not run, and why, after pytest's own summary: the run's last words."""
    result = yield
    reasons = {}
    for report in terminalreporter.stats.get("skipped", []):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        if NOT_RUN in reason:
            reason = reason.removeprefix("Skipped: ")
            reasons[reason] = reasons.get(reason, 0) + 1
    for reason, count in reasons.items():
        terminalreporter.write_line(f"{reason} ({count} skipped)", red=True, bold=True)
    return result


# --- Chromium ------------------------------------------------------------------------------------


@pytest.fixture(scope="package")
def chromium():
    # Playwright's sync API runs an event loop in this thread, so Django would refuse every
    # ORM call the tests and fixtures make here ("You cannot call this from an async context").
    # The ORM is used synchronously; the live server answers from its own thread.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(checks.CHROMIUM), args=checks.CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture
def desk_roles(transactional_db):
    # The role groups come from a data migration, and each transactional test's flush empties them.
    sync_roles(Group, Permission)


@pytest.fixture
def newsroom(desk_roles):
    """Seven live stories from the demo, published by an editor."""
    return demo.build(publisher=UserFactory(username="desk-editor", role="Editor"))


@pytest.fixture
def site(live_server, settings, desk_roles):
    """The live server's base URL, with uploaded photos served as on the demo site."""
    settings.ROOT_URLCONF = "tests.browser.urls"
    return live_server.url


@pytest.fixture
def axe_ready():
    if SKIP_REASONS["axe"]:
        pytest.skip(SKIP_REASONS["axe"])


@pytest.fixture
def vnu_ready():
    if SKIP_REASONS["vnu"]:
        pytest.skip(SKIP_REASONS["vnu"])


@pytest.fixture
def browser_context(chromium, site):
    """Make browser contexts on the live server; all are closed after the test."""
    made = []

    def make(**options):
        options = {"base_url": site, "viewport": {"width": WIDTHS["desktop"], "height": 900}, **options}
        context = chromium.new_context(**options)
        context.set_default_timeout(10_000)
        made.append(context)
        return context

    yield make
    for context in made:
        context.close()
    # A request still writing when the test's flush starts would make the flush fail.
    one_at_a_time.wait_until_idle()


@pytest.fixture
def reader(browser_context):
    """A page in a fresh browser, as an anonymous reader sees the site."""
    return browser_context().new_page()


# --- Screenshots ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Screenshots:
    folder: Path

    def take(self, page, name: str, *, full_page: bool = True) -> list[Path]:
        """Full-page screenshots at phone and desktop widths, e.g. screenshots/story-phone-390.png.

        A modal dialog is best seen as the person sees it: `full_page=False` keeps to the window.
        """
        self.folder.mkdir(exist_ok=True)
        viewport = page.viewport_size
        paths = []
        for label, width in WIDTHS.items():
            page.set_viewport_size({"width": width, "height": 900})
            path = self.folder / f"{name}-{label}-{width}.png"
            page.screenshot(path=path, full_page=full_page)
            paths.append(path)
        page.set_viewport_size(viewport)
        return paths


@pytest.fixture
def screenshots():
    return Screenshots(SCREENSHOTS)
