"""What the soak test (bench/soak.py) requests, and its warm-up.

The load covers every kind of public response: home, story pages, sections, tags, authors, the
archive, corrections, search, every feed format, sitemaps, robots.txt, the read API and photo
renditions. The warm-up runs under that load before the baseline memory is taken, so the baseline
is of processes that have done everything the soak will ask of them once:

1. every path (and the admin's login page and a page that does not exist) is fetched twice;
2. a publish and a withdrawal go through the workflow (purges, the outbox, fresh renders);
3. Redis and then PostgreSQL are restarted once each (the cache's circuit breaker and the 503
   page run, as in the soak's fault phases);
4. the load goes on until every gunicorn worker's memory grew less than SETTLED over the last
   SETTLE_SECONDS, or until the warm-up's limit (then the report says it had not settled).
"""

import threading
import time
from collections.abc import Callable

SAMPLE_EVERY = 30.0
SETTLE_SECONDS = 120.0
SETTLED = 0.02
SWEEPS = 2
SWEEP_THREADS = 8


def load_paths(limit: int = 300) -> list[str]:
    """The paths the load picks from, weighted roughly as readers would (home most of all)."""
    from taggit.models import Tag

    from articles.api.read import public_photos
    from articles.models import Author, Section, Story
    from articles.photos.renditions import rendition_names

    stories = list(Story.objects.live().select_related("section")[:limit])
    sections = list(Section.objects.values_list("slug", flat=True))
    tags = list(Tag.objects.values_list("slug", flat=True)[:30])
    authors = list(Author.objects.values_list("slug", flat=True)[:30])
    photos = list(public_photos().order_by("pk")[:30])
    year_month = stories[0].publish_at if stories else None

    pages = [story.get_absolute_url() for story in stories]
    pages += [f"/{slug}/" for slug in sections] * 2
    pages += [f"/tags/{slug}/" for slug in tags] + [f"/authors/{slug}/" for slug in authors]
    pages += ["/archive/", "/corrections/"]
    if year_month is not None:
        pages += [f"/archive/{year_month.year}/", f"/archive/{year_month.year}/{year_month.month}/"]
    pages += [f"/search/?q={word}" for word in ("harbour", "council", "ferry", "school", "election")]
    feeds = ["/feeds/rss/", "/feeds/atom/", "/feeds/json/"]
    feeds += [f"/feeds/sections/{slug}/{kind}/" for slug in sections for kind in ("rss", "atom", "json")]
    feeds += [f"/feeds/tags/{slug}/rss/" for slug in tags[:5]]
    feeds += [f"/feeds/authors/{slug}/atom/" for slug in authors[:5]]
    sitemaps = ["/sitemap.xml", "/robots.txt", "/sitemap-stories.xml?p=1"]
    sitemaps += [f"/sitemap-{name}.xml" for name in ("news", "sections", "tags", "authors", "pages")]
    api = ["/api/v1/stories", "/api/v1/sections", "/api/v1/authors", "/api/v1/tags", "/api/v1/photos"]
    api += ["/api/v1/corrections"] + [f"/api/v1/stories?section={slug}" for slug in sections]
    api += [f"/api/v1/stories/{story.pk}" for story in stories[:40]]
    api += [f"/api/v1/photos/{photo.pk}" for photo in photos]
    renditions = ["/" + name for photo in photos for name in sorted(rendition_names(photo.renditions))[:3]]
    return ["/"] * 20 + pages + feeds + sitemaps + api + renditions


def worker_memory(process_ids: Callable[[], dict[str, int]], rss_kib) -> dict[str, int]:
    return {
        name: kib
        for name, pid in process_ids().items()
        if name.startswith("gunicorn worker") and (kib := rss_kib(pid)) is not None
    }


def sweep(fetch, paths: list[str]) -> dict[str, int]:
    """Fetch every path SWEEPS times from a few threads; the paths that did not answer 200, with the status."""
    queue = [path for _ in range(SWEEPS) for path in paths]
    lock, errors = threading.Lock(), {}

    def run():
        while True:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            status, _ = fetch(path)
            if status != 200:
                with lock:
                    errors[path] = status

    threads = [threading.Thread(target=run, daemon=True) for _ in range(SWEEP_THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def warm_up(*, fetch, paths, desk, redis, postgres, process_ids, rss_kib, answered, limit: float, log) -> dict:
    """Run the warm-up (see the module's docstring); what it did, for the report."""
    began = time.time()
    samples = [(began, worker_memory(process_ids, rss_kib))]
    distinct = [*sorted(set(paths)), "/admin/login/", "/no-such-page/"]
    log(f"warm-up: fetching {len(distinct)} distinct paths {SWEEPS} times")
    errors = sweep(fetch, distinct)
    log(f"warm-up: not 200: {sorted(errors.items())}")
    log("warm-up: a publish and a withdrawal")
    desk.tick()
    desk.tick()
    log("warm-up: restarting Redis, then PostgreSQL")
    redis.stop()
    time.sleep(2)
    redis.start()
    time.sleep(10)
    postgres.stop()
    time.sleep(2)
    postgres.start()
    while not postgres.ready():
        time.sleep(0.1)
    time.sleep(10)
    settled = False
    next_sample = time.time()
    while time.time() < began + limit:
        if time.time() >= next_sample:
            next_sample += SAMPLE_EVERY
            samples.append((time.time(), worker_memory(process_ids, rss_kib)))
            settled = _settled(samples)
            log(f"warm-up: {answered()} answers so far, workers {samples[-1][1]}")
            if settled:
                break
        time.sleep(1)
    log(f"warm-up: {time.time() - began:.0f} s, {'settled' if settled else 'NOT settled (limit reached)'}")
    return {
        "seconds": time.time() - began,
        "paths": len(distinct),
        "not_200": errors,
        "settled": settled,
        "samples": samples,
    }


def _settled(samples) -> bool:
    """Every worker grew less than SETTLED over the last SETTLE_SECONDS (and the warm-up got that far)."""
    latest_at, latest = samples[-1]
    earlier = [sample for at, sample in samples if at <= latest_at - SETTLE_SECONDS + 1]
    if not earlier:
        return False
    base = earlier[-1]
    return bool(latest) and all(name in base and kib <= base[name] * (1 + SETTLED) for name, kib in latest.items())
