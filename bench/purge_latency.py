"""Purge latency: from the commit of a withdrawal to the story's page gone at the edge.

Run by bench/run.py with the benchmark's environment and NEWSROOM_EDGE_PURGE_URLS pointing at the
bench's Varnish, on a copy of the dataset (the stories it withdraws stay withdrawn there):

    python bench/purge_latency.py --edge http://127.0.0.1:8193 --count 20

For each of ``count`` live stories: fetch its page through Varnish until it is a hit, withdraw it
with the desk's own service (articles.stories.workflow.story_withdraw, as the admin's button does:
the outbox row, the commit, the purge by key after the commit), and poll the edge until the page
answers 404 or 410. The clock starts when the transaction commits (an on-commit callback
registered before the withdrawal's own, so it runs first). Prints one JSON object.
"""

import argparse
import json
import statistics
import sys
import time
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

POLL_SECONDS = 0.002
GIVE_UP_SECONDS = 10.0
# The requests go straight to the edge, never through a proxy from the environment.
_opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def status_and_hits(url: str) -> tuple[int, int]:
    """The status of a page read through Varnish, and how often Varnish had served its copy (X-Cache-Hits)."""
    try:
        with _opener.open(url, timeout=10) as response:
            response.read()
            return response.status, int(response.headers.get("X-Cache-Hits") or 0)
    except urllib.error.HTTPError as error:
        return error.code, int(error.headers.get("X-Cache-Hits") or 0)


def stamp(times: dict) -> None:
    times["at"] = time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edge", required=True, help="Base URL of the Varnish to read through.")
    parser.add_argument("--count", type=int, default=20)
    args = parser.parse_args()

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from articles.models import Story
    from articles.stories import workflow

    desk = get_user_model().objects.filter(is_superuser=True).first() or get_user_model().objects.create_superuser(
        "bench-purger", "purger@example.com", "x" * 20
    )
    # Stories well down the front page (the run's other pages are not disturbed more than needed).
    stories = list(Story.objects.live().select_related("section").order_by("-publish_at")[100 : 100 + args.count])
    seconds, hits_before = [], 0
    for story in stories:
        url = args.edge.rstrip("/") + story.get_absolute_url()
        for _ in range(3):  # stored at the edge, then served from it
            status, hits = status_and_hits(url)
        hits_before += status == 200 and hits > 0
        committed = {}
        with transaction.atomic():
            transaction.on_commit(partial(stamp, committed))
            workflow.story_withdraw(story=story, user=desk)
        while time.perf_counter() - committed["at"] < GIVE_UP_SECONDS:
            if status_and_hits(url)[0] in (404, 410):
                break
            time.sleep(POLL_SECONDS)
        seconds.append(time.perf_counter() - committed["at"])
    milliseconds = sorted(round(value * 1000, 1) for value in seconds)
    print(
        json.dumps(
            {
                "count": len(milliseconds),
                "served_from_the_edge_before": hits_before,
                "median_ms": statistics.median(milliseconds) if milliseconds else None,
                "max_ms": max(milliseconds, default=None),
                "all_ms": milliseconds,
                "under_one_second": all(value < 1000 for value in milliseconds),
            }
        )
    )


if __name__ == "__main__":
    main()
