"""Check the demo site against the quality bars and write tools/quality/REPORT.md.

    tools/quality/run.sh                      # build a fresh demo site, serve it, check it
    tools/quality/run.sh --url http://127.0.0.1:8000   # check a server that is already running

Without --url it builds the demo in a temporary folder (SQLite, `load_demo`, `collectstatic`) and
serves it the way production does: DEBUG off, gunicorn, WhiteNoise with compressed and hashed
static files, the page cache on. Only TLS is missing (plain http on 127.0.0.1), so the settings
that need it (SSL redirect, secure cookies, HSTS) are turned off by environment variable.

Then, on home, a section, a story, a tag, an author, search, the archive, corrections and a 404:
  - the Nu Html Checker: zero errors;
  - axe-core in Chromium at 390px and 1280px: zero violations;
  - Lighthouse 12.2.3 (default mobile settings) on a story page: 95 or more in each category.

Exit status 0 when every bar is met, 1 when one is not, 2 when the checks could not run.
"""

import argparse
import gzip
import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent.parent.parent))

from tools.quality import checks

ROOT = checks.ROOT
PYTHON = sys.executable
REPORT = Path(__file__).resolve().parent / "REPORT.md"
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
LIGHTHOUSE_TARGET = 95
LIGHTHOUSE_METRICS = [
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
]
WIDTHS = sorted(checks.WIDTHS.values(), reverse=True)


@dataclass
class Page:
    name: str
    url: str
    status: int = 0
    html: str = ""
    html_errors: list = field(default_factory=list)
    loading: list = field(default_factory=list)  # render-blocking scripts, unsized images
    axe: dict = field(default_factory=dict)  # width -> violations


# --- The demo server -----------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env(folder: Path, port: int) -> dict:
    env = {key: value for key, value in os.environ.items() if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(
        {
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "NEWSROOM_SITE_URL": f"http://127.0.0.1:{port}",
            # Plain http on the loopback: nothing to redirect to, no secure cookies, no HSTS.
            "SECURE_SSL_REDIRECT": "false",
            "SESSION_COOKIE_SECURE": "false",
            "CSRF_COOKIE_SECURE": "false",
            "SECURE_HSTS_SECONDS": "0",
            "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            "ORIGINALS_ROOT": str(folder / "originals"),
            "STATIC_ROOT": str(folder / "static"),
            # No web server in front: this process serves the renditions, as the laptop demo does.
            "NEWSROOM_SERVE_MEDIA": "true",
        }
    )
    return env


def _manage(env: dict, *args: str) -> None:
    print(f"  manage.py {' '.join(args)}", flush=True)
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")


def start_demo_server(folder: Path) -> tuple[str, subprocess.Popen]:
    port = _free_port()
    env = _server_env(folder, port)
    print(f"Building the demo site in {folder} (DEBUG off, SQLite) ...", flush=True)
    _manage(env, "migrate", "--noinput")
    _manage(env, "load_demo", "--no-accounts")
    _manage(env, "collectstatic", "--noinput")
    log = (folder / "server.log").open("w")
    server = subprocess.Popen(
        [PYTHON, "-m", "gunicorn", "newsroom.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(60):
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped:\n{(folder / 'server.log').read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/robots.txt", timeout=2):
                break
        except OSError:
            time.sleep(0.5)
    else:
        raise SystemExit("gunicorn did not answer within 30 seconds")
    print(f"Serving on {url} with gunicorn (pid {server.pid})", flush=True)
    return url, server


# --- Which pages ---------------------------------------------------------------------------------


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def _link(html: str, base: str, selector: str) -> str:
    element = BeautifulSoup(html, "html.parser").select_one(selector)
    if element is None:
        raise SystemExit(f"No link matching {selector!r} on {base}: is the demo content loaded?")
    return urljoin(base, element["href"])


def _search_word(story_html: str) -> str:
    """A long word from the story's body, so search has something real to find."""
    soup = BeautifulSoup(story_html, "html.parser")
    text = " ".join(p.get_text(" ") for p in soup.select(".story-body p"))
    words = re.findall(r"[A-Za-z]{8,}", text)
    return words[0].lower() if words else "harbour"


def discover_pages(base: str) -> list[Page]:
    """The main pages of the site, found by following links from the home page as a reader would."""
    home = urljoin(base, "/")
    _, home_html = fetch(home)
    section = _link(home_html, home, '.site-nav a[href]:not([href="/"])')
    story = _link(home_html, home, ".lead .card-headline a")
    _, story_html = fetch(story)
    pages = [
        Page("home", home),
        Page("section", section),
        Page("story", story),
        Page("tag", _link(story_html, story, 'a[rel="tag"]')),
        Page("author", _link(story_html, story, 'a[rel="author"]')),
        Page("search", urljoin(base, f"/search/?q={_search_word(story_html)}")),
        Page("archive", urljoin(base, "/archive/")),
    ]
    _, archive_html = fetch(pages[-1].url)
    month = BeautifulSoup(archive_html, "html.parser").find("a", href=re.compile(r"^/archive/\d{4}/\d{1,2}/$"))
    if month is not None:
        pages.append(Page("archive month", urljoin(base, month["href"])))
    pages += [
        Page("corrections", urljoin(base, "/corrections/")),
        Page("404", urljoin(base, "/this-page-does-not-exist/")),
    ]
    return pages


# --- The checks ----------------------------------------------------------------------------------


def check_html(pages: list[Page]) -> None:
    for page in pages:
        page.status, page.html = fetch(page.url)
    errors = checks.validate_html({page.name: page.html for page in pages})
    for page in pages:
        page.html_errors = [error for error in errors if error.page == page.name]
        page.loading = checks.loading_problems(page.html, page.name)


def css_sizes(pages: list[Page]) -> dict[str, tuple[int, int]]:
    """Each stylesheet the pages link to: (bytes, bytes gzipped)."""
    sizes = {}
    for page in pages:
        for href in checks.stylesheets(page.html):
            url = urljoin(page.url, href)
            if url not in sizes:
                with urllib.request.urlopen(url, timeout=30) as response:
                    css = response.read()
                sizes[url] = (len(css), len(gzip.compress(css)))
    return sizes


def check_axe(pages: list[Page]) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(checks.CHROMIUM), args=checks.CHROMIUM_ARGS)
        # The site's CSP forbids inline scripts; bypass it so axe can be injected.
        context = browser.new_context(bypass_csp=True)
        tab = context.new_page()
        for page in pages:
            tab.goto(page.url)
            for width in WIDTHS:
                tab.set_viewport_size({"width": width, "height": 900})
                page.axe[width] = checks.run_axe(tab, f"{page.name} at {width}px")
        browser.close()


def lighthouse_command(url: str, output: Path) -> list[str]:
    flags = " ".join(["--headless", *checks.CHROMIUM_ARGS])
    return [
        "npx",
        "--no-install",
        "lighthouse",
        url,
        f"--chrome-flags={flags}",
        f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
        "--output=json",
        f"--output-path={output}",
        "--quiet",
    ]


def run_lighthouse(url: str, folder: Path) -> dict:
    output = folder / f"lighthouse-{len(list(folder.glob('lighthouse-*')))}.json"
    env = {**os.environ, "CHROME_PATH": str(checks.CHROMIUM)}
    result = subprocess.run(
        lighthouse_command(url, output), cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0 or not output.exists():
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report = json.loads(output.read_text())
    scores = {key: round(report["categories"][key]["score"] * 100) for key in LIGHTHOUSE_CATEGORIES}
    audits_by_category = {}
    for key in LIGHTHOUSE_CATEGORIES:
        for ref in report["categories"][key]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if audit.get("score") is not None and audit["score"] < 0.9:
                weak = f"{audit['title']} ({audit['score']:.2f}) {audit.get('displayValue', '')}".strip()
                audits_by_category.setdefault(key, []).append(weak)
    metrics = {name: report["audits"][name].get("displayValue", "") for name in LIGHTHOUSE_METRICS}
    errored = {
        key: audit.get("errorMessage", "")
        for key, audit in report["audits"].items()
        if audit.get("scoreDisplayMode") == "error"
    }
    return {
        "url": url,
        "scores": scores,
        "weak_audits": audits_by_category,
        "metrics": metrics,
        "errored": errored,
        "warnings": report.get("runWarnings", []),
    }


# --- The report ----------------------------------------------------------------------------------


def write_report(
    pages: list[Page], lighthouse: list[dict], css: dict, *, base: str, built: bool, started: datetime
) -> bool:
    html_total = sum(len(page.html_errors) for page in pages)
    axe_total = sum(len(violations) for page in pages for violations in page.axe.values())
    loading_total = sum(len(page.loading) for page in pages)
    css_gzipped = sum(gzipped for _, gzipped in css.values())
    story_scores = lighthouse[0]["scores"] if lighthouse else {}
    lighthouse_ok = bool(story_scores) and all(score >= LIGHTHOUSE_TARGET for score in story_scores.values())
    passed = (
        html_total == 0 and axe_total == 0 and loading_total == 0 and css_gzipped <= checks.CSS_BUDGET_GZIPPED
    ) and lighthouse_ok

    def path(url: str) -> str:
        parts = urlsplit(url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    lines = [
        "# Quality report",
        "",
        f"Run {started:%Y-%m-%d %H:%M} UTC by `tools/quality/run.sh` (`make quality`). "
        + ("**Every bar is met.**" if passed else "**Some bars are not met: see below.**"),
        "",
        (
            "Server: the demo site built afresh (`migrate`, `load_demo --no-accounts`, `collectstatic`) on SQLite, "
            "served by gunicorn with production settings (DEBUG off, WhiteNoise compressed and hashed static files, "
            "page cache on), over plain http on 127.0.0.1 (so SSL redirect, secure cookies and HSTS are off)."
            if built
            else f"Server: {base}, already running (`--url`)."
        ),
        "",
        "Lighthouse runs with its default settings: a mobile device with simulated throttling. axe-core and the "
        "page checks look at every page listed under Pages.",
        "",
        "## Summary",
        "",
        "| bar | target | result |",
        "|---|---|---|",
        f"| Nu Html Checker (vnu-jar {_npm_version('vnu-jar')}) | 0 errors | {html_total} errors |",
        f"| axe-core {_npm_version('axe-core')} at {' and '.join(f'{w}px' for w in WIDTHS)} | 0 violations "
        f"| {axe_total} violations |",
    ]
    lines += [
        f"| Render-blocking scripts and images without width/height | 0 | {loading_total} |",
        f"| CSS, gzipped ({len(css)} stylesheet{'s' if len(css) != 1 else ''}: "
        + ", ".join(f"{path(url)} {raw:,} bytes" for url, (raw, _) in css.items())
        + f") | at most {checks.CSS_BUDGET_GZIPPED:,} bytes | {css_gzipped:,} bytes |",
    ]
    for run in lighthouse:
        scores = ", ".join(f"{key} {value}" for key, value in run["scores"].items())
        bar = f"{LIGHTHOUSE_TARGET}+ in each" if run is lighthouse[0] else "(for information)"
        lines.append(f"| Lighthouse 12.2.3 on {path(run['url'])} | {bar} | {scores} |")
    lines += ["", "## Pages", "", "| page | path | status | HTML errors | axe violations |", "|---|---|---|---|---|"]
    for page in pages:
        axe = ", ".join(f"{len(violations)} at {width}px" for width, violations in page.axe.items())
        lines.append(f"| {page.name} | `{path(page.url)}` | {page.status} | {len(page.html_errors)} | {axe} |")
    if html_total:
        lines += ["", "## Nu Html Checker errors", ""]
        lines += [f"- {error}" for page in pages for error in page.html_errors]
    if axe_total:
        lines += ["", "## axe-core violations", ""]
        lines += [f"- {v}" for page in pages for violations in page.axe.values() for v in violations]
    if loading_total:
        lines += ["", "## Loading problems", ""]
        lines += [f"- {problem}" for page in pages for problem in page.loading]
    for run in lighthouse:
        lines += ["", f"## Lighthouse on {path(run['url'])}", ""]
        lines += [f"- {key}: {value}" for key, value in run["metrics"].items()]
        for category, audits in run["weak_audits"].items():
            lines += [f"- {category}, audits below 0.9: " + "; ".join(audits)]
        if run["errored"]:
            # Lighthouse 12.2.3 is older than Debian's Chromium: some trace-based diagnostics fail the same way.
            causes = sorted({message.rsplit(":", 1)[-1].strip() for message in run["errored"].values()})
            lines += [
                f"- {len(run['errored'])} audits could not run ({'; '.join(causes)}): "
                + ", ".join(f"`{key}`" for key in run["errored"])
            ]
        lines += [f"- Lighthouse warned: {warning}" for warning in run["warnings"]]
    lines += [
        "",
        "## Commands",
        "",
        "```",
        "npm ci --ignore-scripts     # vnu-jar, axe-core, lighthouse@12.2.3 (package-lock.json)",
        "make quality                # = tools/quality/run.sh: build, serve, check, write this file",
        "tools/quality/run.sh --url http://127.0.0.1:8000   # check a running server instead",
        "java -jar node_modules/vnu-jar/build/dist/vnu.jar --errors-only --format json --stdout PAGES.html",
        "CHROME_PATH=/usr/bin/chromium " + shlex.join(lighthouse_command("STORY_URL", Path("out.json"))[:-2]),
        "```",
        "",
        "axe-core is injected with Playwright (`bypass_csp=True`, since the site's CSP forbids inline scripts) and "
        "runs its default rule set: WCAG 2.x A and AA plus best practices. The browser tests "
        "(`tests/browser/test_quality_bars.py`) run the same two validators on every `make test`.",
        "",
    ]
    REPORT.write_text("\n".join(lines), encoding="utf-8")
    return passed


def _npm_version(package: str) -> str:
    try:
        return json.loads((ROOT / "node_modules" / package / "package.json").read_text())["version"]
    except OSError:
        return "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="check this running server instead of building the demo")
    parser.add_argument("--keep", action="store_true", help="keep the temporary demo folder")
    args = parser.parse_args()

    missing = checks.missing_tools()
    if missing:
        print("Cannot run the quality checks:\n  " + "\n  ".join(missing.values()), file=sys.stderr)
        return 2
    started = datetime.now(UTC)
    folder = Path(tempfile.mkdtemp(prefix="newsroom-quality-"))
    server = None
    try:
        if args.url:
            base = args.url.rstrip("/")
        else:
            base, server = start_demo_server(folder)
        pages = discover_pages(base)
        print("Nu Html Checker ...", flush=True)
        check_html(pages)
        print("axe-core ...", flush=True)
        check_axe(pages)
        lighthouse = []
        for name in ("story", "home"):
            url = next(page.url for page in pages if page.name == name)
            print(f"Lighthouse on {url} ...", flush=True)
            lighthouse.append(run_lighthouse(url, folder))
        passed = write_report(pages, lighthouse, css_sizes(pages), base=base, built=server is not None, started=started)
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        if args.keep:
            print(f"Kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(REPORT.read_text())
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
