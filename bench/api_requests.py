"""Time the content API's read answers in-process (no server): median and 95th percentile, and queries.

Run against a database with stories (e.g. after `manage.py load_demo`):

    DEBUG=1 DATABASE_URL=sqlite:////tmp/api_bench.sqlite3 python bench/api_requests.py [rounds]
"""

import os
import statistics
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings.base")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from articles.models import Story  # noqa: E402


def measure(client: Client, url: str, rounds: int, **headers) -> tuple[float, float, int]:
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url, **headers)
        timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url, **headers)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], len(queries)


def main(rounds: int) -> None:
    story = Story.objects.live().order_by("-publish_at").first()
    client = Client()
    print(f"{rounds} requests each, page cache off, rate limits raised; {Story.objects.live().count()} live stories")
    for url, headers in (
        ("/api/v1/stories", {}),
        ("/api/v1/stories?limit=100", {}),
        (f"/api/v1/stories/{story.pk}", {}),
        (f"/api/v1/stories/{story.pk}.ninjs", {}),
        ("/api/v1/photos", {}),
        ("/feeds/json/", {}),
    ):
        median, p95, count = measure(client, url, rounds, **headers)
        print(f"{url:40} median {median:6.1f} ms   p95 {p95:6.1f} ms   {count} queries")


if __name__ == "__main__":
    with override_settings(
        NEWSROOM_PAGE_CACHE=False, NEWSROOM_API_ANON_PER_MINUTE=10**9, ALLOWED_HOSTS=["testserver"], DEBUG=False
    ):
        assert not settings.NEWSROOM_PAGE_CACHE
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
