"""Without Chromium the browser tests must not pass quietly: they skip, and the run says so last."""

import os
import re
import subprocess
import sys

from tools.quality import checks

JOURNEYS = "tests/browser/test_journeys.py"
NOT_RUN_LINE = "Chromium not installed at /nonexistent/chromium: browser tests NOT run"
NO_CHROMIUM_PLUGIN = """
from pathlib import Path
from tools.quality import checks
checks.CHROMIUM = Path("/nonexistent/chromium")
"""


def test_without_chromium_the_browser_tests_skip_and_the_run_ends_by_saying_so(tmp_path):
    (tmp_path / "no_chromium.py").write_text(NO_CHROMIUM_PLUGIN)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(checks.ROOT)])}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no_chromium", "-p", "no:cacheprovider", JOURNEYS],
        cwd=checks.ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    last_lines = result.stdout.strip().splitlines()[-2:]
    said = re.fullmatch(rf"{re.escape(NOT_RUN_LINE)} \((\d+) skipped\)", last_lines[0])
    assert said, result.stdout
    assert f"{said[1]} skipped" in last_lines[1] and "passed" not in last_lines[1], result.stdout
    assert int(said[1]) >= 3
