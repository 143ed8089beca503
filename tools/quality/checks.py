"""The validators behind the quality bars, shared by `make quality` and the browser tests.

- The Nu Html Checker (npm package vnu-jar), run with the machine's Java on saved HTML.
- axe-core (npm package axe-core), injected into a page that Playwright has open.
- Debian's Chromium, launched the same way everywhere.

Nothing here downloads anything: the npm packages come from `npm ci` (package-lock.json at the
project root), Chromium from `apt-get install chromium`.
"""

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling Google's hosts, which this
# machine's closed network refuses; the sandbox needs privileges a root container lacks.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The widths pages are checked and photographed at: a phone and a desktop.
WIDTHS = {"phone": 390, "desktop": 1280}
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def missing_tools() -> dict[str, str]:
    """What each check lacks on this machine, as a plain sentence (empty when all is there)."""
    missing = {}
    if not CHROMIUM.exists():
        missing["chromium"] = f"Chromium not installed at {CHROMIUM}"
    if not AXE_JS.exists():
        missing["axe"] = f"axe-core not installed at {AXE_JS.relative_to(ROOT)} (run `npm ci`)"
    if not VNU_JAR.exists():
        missing["vnu"] = f"vnu-jar not installed at {VNU_JAR.relative_to(ROOT)} (run `npm ci`)"
    elif shutil.which("java") is None:
        missing["vnu"] = "java not found on PATH (the Nu Html Checker needs Java 11 or newer)"
    return missing


# --- The Nu Html Checker -------------------------------------------------------------------------


@dataclass(frozen=True)
class HtmlMessage:
    page: str
    line: int | None
    message: str
    extract: str

    def __str__(self) -> str:
        where = f"{self.page}, line {self.line}" if self.line else self.page
        extract = " ".join(self.extract.split())
        return f"{where}: {self.message}" + (f"  [{extract}]" if extract else "")


def validate_html(pages: dict[str, str]) -> list[HtmlMessage]:
    """Every error the Nu Html Checker finds in these documents ({name: html}), in one Java run."""
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        files = {}  # file name -> page name
        for name, html in pages.items():
            path = Path(folder) / f"page-{len(files):02d}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = name
        command = ["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", "--exit-zero-always"]
        result = subprocess.run(
            [*command, *sorted(str(Path(folder) / file_name) for file_name in files)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    if result.returncode != 0:
        raise RuntimeError(f"vnu.jar failed ({result.returncode}): {result.stderr.strip()}")
    messages = []
    for item in json.loads(result.stdout)["messages"]:
        if item.get("type") not in {"error", "non-document-error"}:
            continue
        url = item.get("url", "")
        messages.append(
            HtmlMessage(
                page=files.get(url.rsplit("/", 1)[-1], url or "?"),
                line=item.get("lastLine"),
                message=item.get("message", ""),
                extract=item.get("extract", ""),
            )
        )
    return messages


# --- What loading costs: scripts, image sizes, CSS ------------------------------------------------

# site.css is about 3.6 KB gzipped; twice that would still be small. A budget, not a target.
CSS_BUDGET_GZIPPED = 8 * 1024


def loading_problems(html: str, name: str) -> list[str]:
    """Scripts that block rendering, and images without width and height (they shift the page as they load)."""
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for script in soup.find_all("script"):
        kind = script.get("type", "")
        if kind == "application/ld+json":  # data, never run
            continue
        if script.get("src") and (script.has_attr("async") or script.has_attr("defer") or kind == "module"):
            continue
        problems.append(f"{name}: render-blocking script {str(script)[:120]}")
    for image in soup.find_all("img"):
        if not (image.get("width") and image.get("height")):
            problems.append(f"{name}: image without width and height {str(image)[:120]}")
    return problems


def stylesheets(html: str) -> list[str]:
    """The URLs of the stylesheets a page links to."""
    soup = BeautifulSoup(html, "html.parser")
    return [link["href"] for link in soup.find_all("link", rel="stylesheet", href=True)]


# --- axe-core ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AxeViolation:
    page: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]
    summary: str

    def __str__(self) -> str:
        targets = ", ".join(self.targets[:5]) + (f" (+{len(self.targets) - 5} more)" if len(self.targets) > 5 else "")
        return f"{self.page}: [{self.impact}] {self.rule}: {self.help} — {targets}" + (
            f"\n    {self.summary}" if self.summary else ""
        )


@cache
def _axe_source() -> str:
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page, name: str) -> list[AxeViolation]:
    """Inject axe-core into an open Playwright page and return its violations.

    The site's Content-Security-Policy forbids inline scripts, so the page's browser context
    must be created with bypass_csp=True for the injection to run.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=_axe_source())
    # Every rule axe runs by default (WCAG 2.x A and AA plus best practices); experimental ones stay off.
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    violations = []
    for item in results["violations"]:
        nodes = item.get("nodes", [])
        violations.append(
            AxeViolation(
                page=name,
                rule=item["id"],
                impact=item.get("impact") or "",
                help=item.get("help", ""),
                targets=tuple(" ".join(map(str, node.get("target", []))) for node in nodes),
                summary=" ".join((nodes[0].get("failureSummary") or "").split()) if nodes else "",
            )
        )
    return violations
