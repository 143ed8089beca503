"""Choose what the benchmark requests, and measure each page's query count, in the benchmark's database.

Run by bench/run.py with the benchmark's environment (DJANGO_SETTINGS_MODULE=bench.settings):
    python bench/prepare.py OUT_DIR
Writes OUT_DIR/targets.json (name -> path, the admin session cookie, query count and size of
each page) and OUT_DIR/rotation.txt (story paths for the rotation run).
"""

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ROTATION_STORIES = 500
SEARCH_QUERY = "ferry timetable"
SECTION_DEEP_PAGE = 50
FRAGMENT_PAGES = ("story", "home", "section", "section_deep", "tag", "author")


RENDER_SAMPLES = 10


def render_cost(client, path: str) -> dict:
    """This process's CPU time and the wall time of one render, the least of RENDER_SAMPLES (page cache off).

    CPU time is Python's share: views, ORM, templates, and SQLite's own work, which runs in this
    process. The wall time adds waiting for a database server (PostgreSQL) and anything else the
    machine made it wait for; the least of several is the one least disturbed by other processes.
    """
    cpu, wall = [], []
    for _ in range(RENDER_SAMPLES):
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        client.get(path)
        cpu.append(time.process_time() - cpu_start)
        wall.append(time.perf_counter() - wall_start)
    return {"cpu_ms": round(min(cpu) * 1000, 1), "wall_ms": round(min(wall) * 1000, 1)}


def main(out: Path) -> None:
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from taggit.models import Tag

    from articles.models import Author, Section, Story

    live = Story.objects.live()
    story = (
        live.filter(lead_photo__isnull=False)
        .annotate(photos=Count("placements", distinct=True), names=Count("bylines", distinct=True))
        .filter(photos__gte=2)
        .order_by("-names", "-publish_at")
        .select_related("section")
        .first()
    ) or live.select_related("section").first()
    ids = list(live.values_list("pk", flat=True))
    chosen = random.Random(1).sample(ids, min(ROTATION_STORIES, len(ids)))
    rotation = [s.get_absolute_url() for s in Story.objects.filter(pk__in=chosen).select_related("section")]
    (out / "rotation.txt").write_text("\n".join(rotation) + "\n")

    section = Section.objects.annotate(n=Count("stories")).order_by("-n").first()
    # Page 50, or the section's last page on a dataset too small to have one.
    last_page = max(1, -(-live.filter(section=section).count() // settings.NEWSROOM_STORIES_PER_PAGE))
    deep_page = min(SECTION_DEEP_PAGE, last_page)
    tag = Tag.objects.annotate(n=Count("articles_taggedstory_items")).order_by("-n").first()
    author = Author.objects.annotate(n=Count("bylines")).order_by("-n").first()

    editor, _ = get_user_model().objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    editor.groups.add(Group.objects.get(name="Editor"))
    session = SessionStore()
    session[SESSION_KEY] = str(editor.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = editor.get_session_auth_hash()
    session.create()
    cookie = f"{settings.SESSION_COOKIE_NAME}={session.session_key}"

    pages = {
        "story": story.get_absolute_url(),
        "home": "/",
        "section": section.get_absolute_url(),
        "section_deep": f"{section.get_absolute_url()}?page={deep_page}",
        "tag": f"/tags/{tag.slug}/",
        "author": author.get_absolute_url(),
        "search": f"/search/?q={SEARCH_QUERY.replace(' ', '+')}",
        "rss": "/feeds/rss/",
        "sitemap_index": "/sitemap.xml",
        "sitemap_stories": "/sitemap-stories.xml",
        "sitemap_news": "/sitemap-news.xml",
        "admin_changelist": "/admin/articles/story/",
    }
    settings.NEWSROOM_PAGE_CACHE = False  # count what a render costs
    settings.NEWSROOM_FRAGMENT_CACHE = False  # everything rendered: a cold miss
    client = Client(HTTP_HOST="127.0.0.1")
    facts = {}
    for name, path in pages.items():
        client.cookies.clear()
        if name == "admin_changelist":
            client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        facts[name] = {
            "path": path,
            "status": response.status_code,
            "queries": len(queries),
            "bytes": len(response.content),
            **render_cost(client, path),
        }
    # The same pages missing from the page cache but with their fragments warm (articles/reader/fragments.py).
    settings.NEWSROOM_FRAGMENT_CACHE = True
    settings.NEWSROOM_PURGE_PENDING_CHECK_SECONDS = 3600  # the outbox read once, not in the counts
    for name in FRAGMENT_PAGES:
        client.cookies.clear()
        client.get(pages[name])  # stores the fragments
        with CaptureQueriesContext(connection) as queries:
            client.get(pages[name])
        # Counted now: the next request empties the connection's query log.
        facts[name]["queries_fragments"] = len(queries)
        facts[name]["cpu_ms_fragments"] = render_cost(client, pages[name])["cpu_ms"]
    settings.NEWSROOM_FRAGMENT_CACHE = False
    targets = {
        "pages": facts,
        "admin_cookie": cookie,
        "rotation_count": len(rotation),
        "stories": Story.objects.count(),
        "live_stories": len(ids),
        "search_query": SEARCH_QUERY,
    }
    (out / "targets.json").write_text(json.dumps(targets, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
