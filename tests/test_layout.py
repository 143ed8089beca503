"""The house rules of DESIGN.md's layout, checked on the code itself.

Folders import downwards only: the models know no job folder; the job folders (stories, photos,
wire, search) never import the doors (admin, reader, api); and no module grows past 500 lines.
"""

import ast
from pathlib import Path

import pytest

ARTICLES = Path(__file__).resolve().parents[1] / "articles"
JOB_FOLDERS = ("stories", "photos", "wire", "search")
DOORS = ("admin", "reader", "api")
# Modules below the models, which anything may use: sanitizing, addresses, how a time is shown.
FOUNDATIONS = ("articles.richtext", "articles.paths", "articles.dates")
MAX_LINES = 500


def modules(folder: Path = ARTICLES):
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(ARTICLES).parts
        if parts[0] in ("migrations", "demo"):
            continue
        yield path


def imported(path: Path) -> set[str]:
    """Every articles.* module the file imports, anywhere in it (function bodies too)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "articles":  # from articles import richtext: the module is articles.richtext
                names.update(f"articles.{alias.name}" for alias in node.names)
            else:
                names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name == "articles" or name.startswith("articles.")}


def in_folder(name: str, folder: str) -> bool:
    return name == f"articles.{folder}" or name.startswith(f"articles.{folder}.")


@pytest.mark.parametrize("path", list(modules(ARTICLES / "models")), ids=lambda p: p.name)
def test_models_import_only_models_and_foundations(path):
    wrong = {name for name in imported(path) if not in_folder(name, "models") and not name.startswith(FOUNDATIONS)}
    assert not wrong, f"{path.relative_to(ARTICLES)} imports {sorted(wrong)}"


@pytest.mark.parametrize(
    "path",
    [path for folder in JOB_FOLDERS if (ARTICLES / folder).exists() for path in modules(ARTICLES / folder)],
    ids=lambda p: str(p.relative_to(ARTICLES)),
)
def test_job_folders_never_import_the_doors(path):
    wrong = {name for name in imported(path) if any(in_folder(name, door) for door in DOORS)}
    assert not wrong, f"{path.relative_to(ARTICLES)} imports {sorted(wrong)}"


def test_no_module_is_over_500_lines():
    long = {
        str(path.relative_to(ARTICLES)): n
        for path in modules()
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not long, f"split these along their jobs: {long}"


def test_the_checks_see_an_upward_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from articles.admin.story import StoryAdmin\n")
    assert any(in_folder(name, "admin") for name in imported(bad))
