"""The query plans of every hot page, as the pages really run them, on the benchmark's database.

    DJANGO_SETTINGS_MODULE=bench.settings DATABASE_URL=... python bench/explain.py [--output FILE]

Each page is requested through Django's test client (page cache off); every SELECT it ran is
explained (SQLite: EXPLAIN QUERY PLAN, PostgreSQL: EXPLAIN) and the plan checked for a read of the
whole stories table: a table scan (SQLite "SCAN articles_story", PostgreSQL "Seq Scan on
articles_story") or a walk of a whole index (SQLite "SCAN articles_story USING ... INDEX",
PostgreSQL an index scan on articles_story with no Index Cond). A walk that a LIMIT stops early
(newest first, first page) is bounded and reported as such; any other is a full scan.
Prints Markdown; exits 1 when any page makes an unbounded full scan of the stories table.
"""

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STORY_TABLE = "articles_story"
SQLITE_WHOLE_READ = re.compile(rf"\bSCAN {STORY_TABLE}\b")
POSTGRES_SEQ_SCAN = re.compile(rf"Seq Scan on {STORY_TABLE}\b")
POSTGRES_INDEX_SCAN = re.compile(rf"Index (Only )?Scan (Backward )?using \S+ on {STORY_TABLE}\b")
# A query that stops after its first rows: LIMIT, and no aggregate, DISTINCT or GROUP BY that needs them all.
LIMITED = re.compile(r"\bLIMIT \d+")
NEEDS_ALL_ROWS = re.compile(r"\b(COUNT|MAX|MIN|SUM)\(|\bDISTINCT\b|\bGROUP BY\b|\bOVER \(", re.IGNORECASE)


def reads_whole_story_table(vendor: str, steps: list[str]) -> bool:
    if vendor == "sqlite":
        return any(SQLITE_WHOLE_READ.search(step) for step in steps)
    for number, step in enumerate(steps):
        if POSTGRES_SEQ_SCAN.search(step):
            return True
        if POSTGRES_INDEX_SCAN.search(step):
            # Its conditions are the lines after it, up to the next plan node.
            details = []
            for following in steps[number + 1 :]:
                if "->" in following:
                    break
                details.append(following)
            if not any("Index Cond:" in detail for detail in details):
                return True
    return False


# A count over a LIMITed subquery (the desk list's capped count) reads at most that many rows.
CAPPED_COUNT = re.compile(r"^SELECT COUNT\(\*\) FROM \(SELECT .* LIMIT \d+\) subquery$", re.IGNORECASE | re.DOTALL)


def is_bounded(sql: str) -> bool:
    if CAPPED_COUNT.match(sql.strip()):
        return True
    return bool(LIMITED.search(sql)) and not NEEDS_ALL_ROWS.search(sql)


def pages() -> dict[str, str]:
    """Name -> path of every public page, feed and sitemap the benchmark cares about, on this dataset."""
    from django.db.models import Count
    from taggit.models import Tag

    from articles.models import Author, Section, Story

    story = Story.objects.live().select_related("section").order_by("-publish_at").first()
    section = Section.objects.annotate(n=Count("stories")).order_by("-n").first()
    tag = Tag.objects.annotate(n=Count("articles_taggedstory_items")).order_by("-n").first()
    author = Author.objects.annotate(n=Count("bylines")).order_by("-n").first()
    year = story.publish_at.year
    return {
        "story": story.get_absolute_url(),
        "home": "/",
        "section": section.get_absolute_url(),
        "section page 50": f"{section.get_absolute_url()}?page=50",
        "tag": f"/tags/{tag.slug}/",
        "author": author.get_absolute_url(),
        "search": "/search/?q=ferry+timetable",
        "archive": "/archive/",
        "archive year": f"/archive/{year}/",
        "archive month": f"/archive/{year}/{story.publish_at.month}/",
        "corrections": "/corrections/",
        "rss": "/feeds/rss/",
        "section feed": f"/feeds/sections/{section.slug}/rss/",
        "tag feed": f"/feeds/tags/{tag.slug}/atom/",
        "author feed": f"/feeds/authors/{author.slug}/rss/",
        "sitemap index": "/sitemap.xml",
        "story sitemap": "/sitemap-stories.xml",
        "news sitemap": "/sitemap-news.xml",
        "section sitemap": "/sitemap-sections.xml",
        "tag sitemap": "/sitemap-tags.xml",
        "author sitemap": "/sitemap-authors.xml",
        "admin changelist": "/admin/articles/story/",
    }


def plan(connection, sql: str) -> list[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            return [row[3] for row in cursor.fetchall()]
        cursor.execute(f"EXPLAIN {sql}")
        return [row[0] for row in cursor.fetchall()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, help="Write the Markdown here as well as to standard output.")
    arguments = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Story

    settings.NEWSROOM_PAGE_CACHE = False
    client = Client(HTTP_HOST="127.0.0.1")
    editor = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.create_superuser(
        "bench-explain", password=None
    )
    lines = [
        f"# Query plans on {connection.vendor} ({Story.objects.count():,} stories)",
        "",
        "Every SELECT each page runs, explained. A read of the whole stories table (or a whole index on it) is "
        "marked **FULL SCAN**, or **bounded walk** when a LIMIT stops it after the first rows. An index search "
        "whose range holds nearly every row (`publish_at < now`) without a LIMIT would read them all without "
        "being marked, so the plans below are also worth reading for that.",
        "",
    ]
    summary = []
    scanning_pages = []
    for name, path in pages().items():
        client.logout()
        if name == "admin changelist":
            client.force_login(editor)
        with CaptureQueriesContext(connection) as captured:
            status = client.get(path).status_code
        selects = [query["sql"] for query in captured.captured_queries if query["sql"].lstrip().startswith("SELECT")]
        scans = walks = 0
        lines += [f"## {name}: `{path}` ({status}, {len(captured)} queries)", ""]
        for sql in selects:
            steps = plan(connection, sql)
            shown = sql if len(sql) <= 600 else sql[:600] + " …"
            lines += ["```sql", shown, "```", "```", *steps, "```"]
            if reads_whole_story_table(connection.vendor, steps):
                if is_bounded(sql):
                    walks += 1
                    lines += ["**bounded walk**: in index or id order, stopped by the LIMIT.", ""]
                else:
                    scans += 1
                    lines += ["**FULL SCAN** of the stories table.", ""]
        if scans:
            scanning_pages.append(name)
        summary.append(f"| {name} | `{path}` | {len(captured)} | {scans or '—'} | {walks or '—'} |")
    header = [
        "| page | path | queries | full scans of stories | bounded walks |",
        "|---|---|---|---|---|",
        *summary,
        "",
        f"Pages with a full scan of the stories table: {', '.join(scanning_pages) or 'none'}.",
        "",
    ]
    text = "\n".join(lines[:4] + header + lines[4:]) + "\n"
    print(text)
    if arguments.output:
        arguments.output.write_text(text)
    return 1 if scanning_pages else 0


if __name__ == "__main__":
    sys.exit(main())
