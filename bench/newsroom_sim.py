"""The newsroom simulation: readers over 10,000 story URLs and the list pages, with a Zipf-like
popularity curve, while the desk publishes a story every 30 s and edits one every 10 s.

Runs the real middleware stack in this process (Django's test client, local-memory cache, no
network), so it measures the page cache's hit ratio and its cost, not a web server. Readers and the
desk share one thread: between two desk actions, readers fetch as fast as the process can serve.

    python bench/newsroom_sim.py --database bench/data/bench.sqlite3 --mode keys --seconds 180
    python bench/newsroom_sim.py --database ... --mode generation --seconds 180

Prints one JSON object: requests, hits, hit ratio, pages per second, publishes and edits made.
The run works on a copy of the database (the dataset stays as it was). --time-scale N runs the
desk N times faster than real time (a 3-minute run then stands for 3*N minutes of a newsroom).
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from bisect import bisect
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, help="SQLite file with a generated dataset.")
    parser.add_argument("--mode", choices=("keys", "generation"), default="keys")
    parser.add_argument("--seconds", type=float, default=180.0)
    parser.add_argument("--stories", type=int, default=10_000, help="Story URLs readers spread over.")
    parser.add_argument("--zipf", type=float, default=1.0, help="Exponent of the popularity curve.")
    parser.add_argument("--time-scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    copy = Path(tempfile.mkdtemp(prefix="newsroom-sim-")) / "sim.sqlite3"
    shutil.copy(args.database, copy)
    os.environ.update(
        DATABASE_URL=f"sqlite:///{copy}",
        DJANGO_SETTINGS_MODULE="newsroom.settings.base",
        DEBUG="false",
        SECRET_KEY=os.environ.get("SECRET_KEY", "bench-" + "x" * 50),
        ALLOWED_HOSTS="testserver",
        NEWSROOM_SITE_URL="http://testserver",
        STATIC_ROOT=str(ROOT / "bench" / "out" / "static"),
        LOG_LEVEL="WARNING",
        SECURE_SSL_REDIRECT="false",
        NEWSROOM_PAGE_CACHE="true",
        NEWSROOM_PAGE_CACHE_MODE=args.mode,
        CACHE_MAX_ENTRIES="100000",
    )
    os.environ.pop("REDIS_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    if not (ROOT / "bench" / "out" / "static" / "staticfiles.json").exists():
        from django.core.management import call_command

        call_command("collectstatic", interactive=False, verbosity=0)
    try:
        print(json.dumps(simulate(args), indent=2))
    finally:
        shutil.rmtree(copy.parent)


def simulate(args) -> dict:
    from django.contrib.auth import get_user_model
    from django.test import Client

    from articles.models import Author, Section, Story, StoryStatus
    from articles.stories import workflow

    rng = random.Random(args.seed)
    stories = list(Story.objects.live().select_related("section").order_by("-publish_at")[: args.stories])
    lists = ["/", *(section.get_absolute_url() for section in Section.objects.all())]
    authors = list(Author.objects.all()[:50])
    lists += [author.get_absolute_url() for author in authors]
    lists += ["/feeds/rss/", "/sitemap-news.xml", "/corrections/", "/archive/"]
    # Popularity: the list pages first (the front page most of all), then stories newest first.
    urls = lists + [story.get_absolute_url() for story in stories]
    weights = list(accumulate(1 / (rank + 1) ** args.zipf for rank in range(len(urls))))
    client = Client()
    user_model = get_user_model()
    desk = user_model.objects.filter(is_superuser=True).first() or user_model.objects.create_superuser(
        "bench-desk", "desk@example.com", "x" * 20
    )
    publish_every, edit_every = 30 / args.time_scale, 10 / args.time_scale

    # One pass over every URL first: the first fetch of a page is a miss in any scheme.
    for url in urls:
        client.get(url)

    counts = {"requests": 0, "hits": 0, "publishes": 0, "edits": 0, "errors": 0}
    start = time.perf_counter()
    next_publish, next_edit = start + publish_every, start + edit_every
    while (now := time.perf_counter()) - start < args.seconds:
        if now >= next_publish:
            section = rng.choice(stories).section
            draft = Story.objects.create(
                headline=f"Breaking {counts['publishes']}", slug=f"breaking-{counts['publishes']}",
                section=section, body="<p>Just in.</p>", status=StoryStatus.DRAFT,
            )  # fmt: skip
            draft.bylines.create(author=rng.choice(authors), order=0)
            workflow.story_publish(story=draft, user=desk)
            counts["publishes"] += 1
            next_publish += publish_every
            continue
        if now >= next_edit:
            story = Story.objects.get(pk=rng.choice(stories[:2000]).pk)
            story.body = f"<p>Updated {counts['edits']}.</p>"
            workflow.story_save(story=story, user=desk)
            counts["edits"] += 1
            next_edit += edit_every
            continue
        url = urls[bisect(weights, rng.random() * weights[-1])]
        response = client.get(url)
        counts["requests"] += 1
        counts["hits"] += response.get("X-Cache") == "HIT"
        counts["errors"] += response.status_code >= 500
    elapsed = time.perf_counter() - start
    return {
        "mode": args.mode,
        "seconds": round(elapsed, 1),
        "time_scale": args.time_scale,
        "urls": len(urls),
        "story_urls": len(stories),
        **counts,
        "hit_ratio": round(counts["hits"] / max(counts["requests"], 1), 4),
        "pages_per_second": round(counts["requests"] / elapsed, 1),
    }


if __name__ == "__main__":
    main()
