"""Write bench/RESULTS.md and bench/EXPLAIN.md from bench/out/report.json (made by bench/run.py).

.venv/bin/python bench/results.py        # rewrite both from the last run's report
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LABELS = {
    "story": "Story page (one story)",
    "rotation": "Story page (rotation over {rotation} stories)",
    "home": "Home",
    "section": "Section, page 1",
    "section_deep": "Section, page 50",
    "tag": "Tag page (most used tag)",
    "author": "Author page (most prolific author)",
    "search": "Search",
    "rss": "Site RSS feed",
    "sitemap_index": "Sitemap index",
    "sitemap_stories": "Story sitemap, page 1 (stories 1-1,000)",
    "sitemap_news": "Google News sitemap",
    "admin_changelist": "Admin story changelist (logged in)",
}
DATABASE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

# Why a target can miss, from the plans and profiles of this code base; shown only for a missed target.
# The figures quoted are from profiles (cProfile through Django's WSGI handler) on the SQLite bench database.
WHY = {
    "story": (
        "The page is Python work, not database work: see the render column (CPU ms in one process). The SQL of "
        "its 8 queries takes about 1 ms on SQLite (3 ms on PostgreSQL); a profile puts about 35% of the CPU in "
        "Django's ORM building and compiling those queries and turning rows into models, about 20% in the "
        "template engine and Django's escaping, date formatting and URL reversing, and the rest in the request "
        "cycle. One core then serves about 1000 ÷ (render ms + 0.3) pages a second, fewer under wrk's 8 "
        "connections. 250 req/s needs about 4 ms a page, half of what it costs all cold. The fragment cache "
        "(articles/reader/fragments.py) keeps the story's metadata, article and related block between renders: a "
        "miss whose story did not change costs 2 queries and the page around them (the fragments-warm column and "
        "the warm CPU figure); the target is judged on the all-cold figure, the cost of a page whose story "
        "just changed. Past that: the page cache (the cached column), or a faster template engine and "
        "hand-built SQL for the hot queries."
    ),
    "home": (
        "The home page shows about 97 stories: the lead, 4 top stories, 12 latest and 4 in each of 20 sections "
        "(the bench dataset has 20 sections; the demo has 6), 94 KB of HTML. Its 5 queries take under 2 ms of "
        "SQL (the section blocks are one UNION ALL of per-section index walks); the rest is building 85 cards "
        "(model instances, URLs, dates, srcsets). The cost grows with the number of sections, not the archive. "
        "Each card's HTML now comes from the fragment cache when its story did not change (the fragments-warm "
        "column), which saves the card markup but not the queries or the model instances the cards are built "
        "from, the larger share. What would get there: fewer section blocks on the home page, or lists "
        "read as plain values rather than models."
    ),
    "section": (
        "3 queries (sections, stories, bylines) with well under 1 ms of SQL; the CPU goes to the request cycle, "
        "the ORM and 20 cards. Close to the target on SQLite; on PostgreSQL each query also waits for the server, "
        "which shares the two cores. Cached card HTML (the fragments-warm column) saves little on 20 cards: the "
        "cost is the request cycle and the models. Fix as for the home page."
    ),
    "tag": (
        "The stories come from the index (tag, -publish_at) in page order and nothing is counted (pages are newer "
        "and older). What remains is the request cycle, the ORM and 20 cards, as for a section page, plus the "
        "tag's lookup."
    ),
    "author": (
        "As for tags, through the index (author, -publish_at): the remaining cost is the ORM and 20 cards; on "
        "PostgreSQL the server's share of the two cores shows in the wall time."
    ),
    "search": (
        "Search ranks only the 1,000 newest matching live stories (articles/search/). A miss here means the "
        "machine was loaded during the run: compare the one-connection table and the render column."
    ),
    "admin_changelist": (
        "The changelist renders 100 rows through the admin's templates; its queries are bounded (no date "
        "hierarchy, no full count). A miss means the machine was loaded during the run."
    ),
    "cached": (
        "A hit (invalidation by key) reads the purge time of every key the page carries from Redis in one MGET "
        "(the story page about 10 keys, the home page about 120) and serves this process's copy of the page; "
        "it also resolves the URL to name the page's keys. The floor view does neither. A profile of a story "
        "page hit in one process: about 0.35 ms in the Redis round trip, 0.12 ms resolving the URL, 0.15 ms "
        "in the rest of the middleware. Redis is not pinned, so it competes with gunicorn and wrk for the two "
        "cores; larger pages (the 190 KB story sitemap, the 95 KB home page) also cost more to send. In "
        "production the hits are Varnish's (the edge rows), and the app's cache serves what the edge misses. "
        "What would get there: one purge counter read per hit, with the key times kept in the process until "
        "it moves, and the URL's name remembered per path."
    ),
    "dataset": (
        "Most of the time is the search index (the search module builds every document in Python and "
        "PostgreSQL computes a weighted tsvector and GIN entries per story) and the 200 real uploads with all "
        "their renditions. On a loaded machine the figure grows with the load average shown."
    ),
}


# Pages outside the targets that are slow to render at 100,000 stories: why, shown when one request takes >1 s.
SLOW_NOTES = {
    "sitemap_index": (
        "The sitemap index dates every story sitemap page with one grouped query over the live stories (an "
        "index-only read since migration 0009) and the tag and author sitemaps with one query each. A run that "
        "shows it slow was loaded; from the page cache it costs nothing."
    ),
    "sitemap_stories": (
        "A story sitemap page lists up to NEWSROOM_SITEMAP_PAGE_SIZE (1,000) stories with their lead photos, "
        "written directly as XML from one primary-key range read. A run that shows it slow was loaded."
    ),
    "search": WHY["search"],
    "admin_changelist": WHY["admin_changelist"],
    "home": WHY["home"],
}


WHY_TITLES = {"simulation": "Newsroom simulation", "edge": "Hits through Varnish", "purge": "Purge latency"}
WHY.update(
    simulation=(
        "The hit ratio counts every request after one warm-up pass over all URLs; each publish purges the "
        "lists (home, its section, tags, authors, feeds, archive) and each edit the story's own pages, so the "
        "front page and feeds are misses once after every publish. A short run has fewer requests between "
        "desk actions; compare the generation row, where every change empties the whole cache."
    ),
    edge=(
        "Varnish and nginx run on the same core under the same wrk; Varnish does more per request (the VCL "
        "runs for every request: tracking parameters, cookies, the grace rules and headers stripped on "
        "delivery; each request is also written to its shared-memory log) and runs two thread pools by "
        "default on a one-core pin. Not tuned here: the bench runs varnishd as `make edge` does. Other "
        "processes share that core: compare the load average recorded with each wrk run in bench/out/report.json."
    ),
    purge=(
        "The purge is sent after the commit, in the withdrawing process (articles/reader/invalidation.py), "
        "synchronously; a slow one means the app's cache or Varnish was slow to answer: see "
        "bench/out/report.json for every figure and the load average."
    ),
)

GUNICORN_TIMEOUT_MS = 30_000  # gunicorn's default worker timeout: a longer request is killed with a 500


def alone(figures: dict) -> str:
    milliseconds = figures.get("alone_ms")
    if milliseconds is None:
        return "—"
    status = figures.get("alone_status")
    if milliseconds >= GUNICORN_TIMEOUT_MS and status in (None, 500):
        return f"{milliseconds:,.0f}: **500**, killed by gunicorn's 30 s worker timeout"
    return f"{milliseconds:,.1f}" + (f" (**{status}**)" if status not in (None, 200) else "")


def ms(microseconds) -> str:
    return f"{microseconds / 1000:.1f}" if microseconds is not None else "—"


def rps(figures) -> str:
    if not figures:
        return "—"
    note = f" ({figures['errors']} errors)" if figures.get("errors") else ""
    return f"{figures['rps']:,.0f}{note}"


def ratio(value, floor) -> str:
    return f"{value / floor:.0%}" if value and floor else "—"


def _targets(report) -> list[tuple[str, dict, str]]:
    """(target, {database: (figure text, met)}, why-key)."""
    rows = []
    databases = report["databases"]

    def each(fn):
        return {name: fn(entry) for name, entry in databases.items()}

    def uncached(entry, page, target):
        cold = entry["uncached"][page]["rps"]
        warm = entry.get("fragments", {}).get(page)
        beside = f" ({warm['rps']:,.0f} with its fragments warm)" if warm else ""
        return (f"{cold:,.0f} req/s all cold{beside}", cold >= target)

    rows.append(
        (
            "Story page, uncached: at least 250 req/s",
            each(lambda e: uncached(e, "story", 250)),
            "story",
        )
    )
    for page in ("home", "section", "tag", "author"):
        rows.append(
            (
                f"{LABELS[page].split(' (')[0]}, uncached: at least 150 req/s",
                each(lambda e, page=page: uncached(e, page, 150)),
                page,
            )
        )

    def cached_floor(entry):
        floor = entry["uncached"]["floor_django"]["rps"]
        worst = min(
            ((name, figures["rps"] / floor) for name, figures in entry["cached"].items() if floor),
            key=lambda item: item[1],
        )
        return (f"lowest: {LABELS[worst[0]].split(' (')[0]} at {worst[1]:.0%} of the floor", worst[1] >= 0.75)

    rows.append(("Any cached page: at least 75% of the bare-view floor", each(cached_floor), "cached"))
    rows.append(
        (
            "Search: p95 under 50 ms (one connection)",
            each(
                lambda e: (
                    f"p95 {ms(e['uncached']['search@1']['p95_us'])} ms",
                    e["uncached"]["search@1"]["p95_us"] < 50_000,
                )
            ),
            "search",
        )
    )
    rows.append(
        (
            "Admin changelist: p50 under 100 ms (one connection)",
            each(
                lambda e: (
                    f"p50 {ms(e['uncached']['admin_changelist@1']['p50_us'])} ms",
                    e["uncached"]["admin_changelist@1"]["p50_us"] < 100_000,
                )
            ),
            "admin_changelist",
        )
    )

    def simulation(entry):
        sim = entry.get("newsroom_simulation")
        if not sim:
            return ("measured on SQLite" if "sqlite" in databases else "not measured", None)
        keys, generation = sim["keys"], sim["generation"]
        return (
            f"{keys['hit_ratio']:.1%} by keys ({generation['hit_ratio']:.1%} with the site-wide generation)",
            keys["hit_ratio"] >= 0.95,
        )

    rows.append(("Newsroom simulation: page cache hit ratio at least 95%", each(simulation), "simulation"))

    def edge_hits(entry):
        edge = entry.get("edge")
        if not edge:
            return ("measured on SQLite" if "sqlite" in databases else "not measured", None)
        # nginx serves the story page's bytes, so the story page is the like-for-like comparison; the
        # home page (five times the bytes) is shown beside it.
        nginx = entry["floor_nginx"]["rps"]
        story, home = edge["story"]["rps"], edge["home"]["rps"]
        return (
            f"story page (the same bytes): {story:,.0f} req/s, {story / nginx:.0%} of nginx's {nginx:,.0f} "
            f"(home, 5× the bytes: {home:,.0f}, {home / nginx:.0%})",
            story >= 0.5 * nginx,
        )

    rows.append(("Anonymous hits through Varnish: at least 50% of nginx on the same core", each(edge_hits), "edge"))

    def purge(entry):
        figures = (entry.get("edge") or {}).get("purge")
        if not figures:
            return ("measured on SQLite" if "sqlite" in databases else "not measured", None)
        return (
            f"max {figures['max_ms']:,.0f} ms, median {figures['median_ms']:,.0f} ms "
            f"over {figures['count']} withdrawals",
            figures["count"] > 0 and figures["max_ms"] < 1000,
        )

    rows.append(("Purge: a withdrawn story gone at the edge in under 1 s, every time", each(purge), "purge"))

    def dataset(entry):
        seconds = entry["dataset"].get("seconds")
        if seconds is None:
            return ("not built in a recorded run", False)
        when = "this run" if entry["dataset"].get("in_this_run") else f"run of {entry['dataset'].get('built_at')}"
        return (f"{seconds / 60:.1f} min ({when})", seconds < 300)

    rows.append(("100,000 stories built in under 5 minutes", each(dataset), "dataset"))
    return rows


def edge_lines(entry: dict) -> list[str]:
    """The Varnish run: hits against the nginx floor, and the purge latency."""
    edge = entry.get("edge")
    if not edge:
        return []
    nginx = entry["floor_nginx"]
    lines = [
        "",
        "Through Varnish (deploy/varnish/newsroom.vcl, varnishd pinned to CPU 0 like nginx; gunicorn behind it "
        "with both caches on, on a copy of the dataset):",
        "",
        "| page | req/s | p50 | p99 | ÷ nginx floor |",
        "|---|---|---|---|---|",
    ]
    for name in ("story", "home"):
        figures = edge[name]
        lines.append(
            f"| {LABELS[name].split(' (')[0]} ({'hits' if figures.get('served') == 'HIT' else 'NOT hits'}) "
            f"| {rps(figures)} | {ms(figures['p50_us'])} | "
            f"{ms(figures['p99_us'])} | {ratio(figures['rps'], nginx['rps'])} |"
        )
    lines.append(f"| Floor: nginx static file | {rps(nginx)} | {ms(nginx['p50_us'])} | {ms(nginx['p99_us'])} | 100% |")
    purge = edge.get("purge")
    if purge:
        lines += [
            "",
            f"Purge latency, from the commit of a withdrawal (articles.stories.workflow.story_withdraw, "
            f"NEWSROOM_EDGE_PURGE_URLS naming this Varnish) to the page answering 404 at the edge, "
            f"{purge['count']} withdrawals ({purge['served_from_the_edge_before']} of the pages were Varnish hits "
            f"just before): median {purge['median_ms']:,.1f} ms, max {purge['max_ms']:,.1f} ms "
            f"(all: {', '.join(f'{value:g}' for value in purge['all_ms'])}).",
        ]
    return lines


def simulation_lines(entry: dict, settings: dict) -> list[str]:
    """The newsroom simulation in both invalidation modes (bench/newsroom_sim.py)."""
    sim = entry.get("newsroom_simulation")
    if not sim:
        return []
    stories = max((figures.get("story_urls", 0) for figures in sim.values()), default=0)
    lines = [
        "",
        f"Newsroom simulation (bench/newsroom_sim.py, {settings.get('sim_seconds', '?')} s per mode after one "
        f"warm-up pass over every URL, each mode in one process on a CPU of its own, through the whole middleware "
        f"stack; readers over the list pages and {stories:,} stories on a Zipf curve while the desk publishes a "
        "story every 30 s and edits one every 10 s; by keys with the fragment cache under the page cache, as the "
        "site runs; the site-wide generation has no fragments):",
        "",
        "| invalidation | requests | hit ratio | pages/s | publishes | edits | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for mode, label in (("generation", "site-wide generation (the old way)"), ("keys", "surrogate keys")):
        figures = sim.get(mode)
        if figures:
            lines.append(
                f"| {label} | {figures['requests']:,} | {figures['hit_ratio']:.1%} "
                f"| {figures['pages_per_second']:,.0f} | {figures['publishes']} | {figures['edits']} "
                f"| {figures['errors']} |"
            )
    return lines


def write_results(report: dict, results_path: Path, explain_path: Path) -> None:
    machine = report["machine"]
    settings = report["settings"]
    databases = report["databases"]
    names = list(databases)
    lines = [
        "# Benchmark results",
        "",
        f"Made by `make bench` (bench/run.py) on {report['started']}, in {report.get('elapsed_seconds', 0) / 60:.0f} "
        "minutes. Every figure below comes from that one run; rerun `make bench` to replace them.",
        "",
        "## Machine",
        "",
        f"- {machine['nproc']} CPUs: {machine['cpu']}; {machine['memory_gb']} GB memory; Linux {machine['kernel']}",
        f"- Python {machine['python']}, SQLite {machine['sqlite']}, PostgreSQL {machine['postgresql']}, "
        f"{machine['redis']}, {machine['wrk']}, {machine['nginx']}, {machine.get('varnish', 'varnish: not recorded')}",
        f"- Load average when the run started: {report['load_average_start']} (each wrk run records its own "
        "below). Other processes on the machine compete for the same cores; a load above 2 on 2 CPUs "
        "means every figure here is lower than on an idle machine.",
        "",
        "## How it was measured",
        "",
        f"- gunicorn, {settings['workers']} sync workers, pinned to CPU 0 (`taskset -c 0`); production settings "
        "(DEBUG off, whitenoise, hashed static files collected into bench/out/static), SQLite or PostgreSQL, "
        f"Redis ({settings['redis']}) as Django's cache.",
        f"- wrk pinned to CPU 1 (`taskset -c 1`): 1 thread, {settings['connections']} connections, "
        f"{settings['duration']} s per run; latency percentiles from wrk (bench/wrk.lua prints them).",
        "- Uncached (a miss), all cold: NEWSROOM_PAGE_CACHE=false and NEWSROOM_FRAGMENT_CACHE=false, every "
        "request renders everything. Miss, fragments warm: NEWSROOM_PAGE_CACHE=false, NEWSROOM_FRAGMENT_CACHE=true, "
        "each page fetched once first, so every request renders the page around its cached story parts and cards. "
        "Cached: NEWSROOM_PAGE_CACHE=true, each page fetched once before its run (the rotation: all of its "
        "stories), so the run measures hits.",
        "- Edge (SQLite run): varnishd with deploy/varnish/newsroom.vcl in front of gunicorn, pinned to CPU 0 "
        "as the nginx floor; hits measured by wrk like every other run. Purge latency: bench/purge_latency.py "
        "withdraws stories through the desk's service on a copy of the dataset and polls Varnish every 2 ms.",
        "- Floors on the same cores: a bare Django view returning the story page's bytes from memory on the same "
        "gunicorn (bench/urls.py, through the whole middleware stack), and nginx (1 worker, pinned to CPU 0) "
        "serving the same bytes as a static file.",
        "- Queries: each page requested once through Django's test client against the same database with the page "
        "cache off (bench/prepare.py). The database servers (PostgreSQL, Redis) are not pinned.",
        "- One render: the same test client renders each page 10 more times in one process; the least CPU time "
        "(Python: views, ORM, templates, and SQLite, which runs in-process) and the least wall time (adding waits "
        "for PostgreSQL). One core serving only this page manages about 1000 ÷ (CPU ms + 0.3 ms of gunicorn and "
        "middleware, the bare view's cost) requests a second.",
        f"- Dataset: `manage.py generate_dataset --stories {settings['stories']}`.",
        "",
        "## Targets",
        "",
        "| target | " + " | ".join(DATABASE_NAMES[name] for name in names) + " |",
        "|---|" + "---|" * len(names),
    ]
    why_needed = []
    for target, figures, why in _targets(report):
        cells = []
        for name in names:
            text, met = figures[name]
            cells.append(text if met is None else f"{'met' if met else '**missed**'}: {text}")
            if not met and why in WHY and why not in why_needed:
                why_needed.append(why)
        lines.append(f"| {target} | " + " | ".join(cells) + " |")
    upload = report.get("photo_upload") or {}
    if upload:
        met = upload["seconds"] < 1.5 and upload["peak_rss_mb"] < 300
        lines.append(
            f"| 24-megapixel JPEG upload with all renditions: under 1.5 s, peak memory under 300 MB "
            f"| {'met' if met else '**missed**'}: {upload['seconds']} s, peak RSS {upload['peak_rss_mb']} MB "
            f"({upload['renditions']} renditions; bench/photo_upload.py, SQLite) |" + " |" * (len(names) - 1)
        )
    lines += ["", "### Why a target was missed, and what would fix it", ""]
    if why_needed:
        titles = {key: WHY_TITLES.get(key) or LABELS.get(key, key).split(" (")[0] for key in why_needed}
        lines += [f"- **{titles[key]}**: {WHY[key]}" for key in why_needed]
    else:
        lines.append("Every target was met.")
    slow = [
        key
        for key in SLOW_NOTES
        if key not in why_needed
        and any(entry["uncached"].get(key, {}).get("alone_ms", 0) > 1000 for entry in databases.values())
    ]
    if slow:
        lines += ["", "Other pages taking more than a second to render on their own (uncached):", ""]
        lines += [f"- **{LABELS[key].split(' (')[0]}**: {SLOW_NOTES[key]}" for key in slow]
    lines.append("")

    for name, entry in databases.items():
        targets = entry["targets"]
        pages = targets["pages"]
        uncached, cached = entry["uncached"], entry["cached"]
        warm = entry.get("fragments", {})
        floor = uncached["floor_django"]
        nginx = entry["floor_nginx"]
        lines += [
            f"## {DATABASE_NAMES[name]}",
            "",
            f"{targets['stories']:,} stories ({targets['live_stories']:,} live). Figures: requests per second, "
            "latency p50 / p99 in milliseconds; ratios are to the bare Django view. A miss (the page cache "
            "off) is measured all cold, and with the page's fragments warm (story parts and cards, "
            "articles/reader/fragments.py; — where a page has none). Queries and one render: cold, then warm.",
            "",
            "| page | queries | KB | one render: CPU / wall ms | one request alone, ms | miss, all cold: req/s | p50 "
            "| p99 | miss, fragments warm: req/s | p50 | p99 | cached req/s | p50 | p99 | cached ÷ floor |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for page in LABELS:
            label = LABELS[page].format(rotation=targets["rotation_count"])
            facts = pages.get(page, {})
            row_uncached = uncached.get(page)
            row_cached = cached.get(page)
            row_warm = warm.get(page)
            queries = facts.get("queries", "8 or fewer each" if page == "rotation" else "—")
            if "queries_fragments" in facts:
                queries = f"{queries} / {facts['queries_fragments']}"
            size = f"{facts['bytes'] / 1024:.0f}" if facts else "—"
            path = f" `{facts['path']}`" if facts else ""
            row_uncached = row_uncached or {}
            render = f"{facts['cpu_ms']} / {facts['wall_ms']}" if "cpu_ms" in facts else "—"
            if "cpu_ms_fragments" in facts:
                render += f"; warm CPU {facts['cpu_ms_fragments']}"
            alone_ms = alone(row_uncached) + (f"; warm {alone(row_warm)}" if row_warm else "")
            warm_cells = "— | |"
            if row_warm:
                warm_cells = f"{rps(row_warm)} | {ms(row_warm['p50_us'])} | {ms(row_warm['p99_us'])}"
            lines.append(
                f"| {label}{path} | {queries} | {size} | {render} | {alone_ms} | {rps(row_uncached)} "
                f"| {ms(row_uncached.get('p50_us'))} "
                f"| {ms(row_uncached.get('p99_us'))} | {warm_cells} | "
                + (
                    f"{rps(row_cached)} | {ms(row_cached['p50_us'])} | {ms(row_cached['p99_us'])} | "
                    f"{ratio(row_cached['rps'], floor['rps'])} |"
                    if row_cached
                    else "never cached (staff) | | | |"
                )
            )
        lines += [
            f"| **Floor: bare Django view**, story bytes from memory | 0 | {pages['story']['bytes'] / 1024:.0f} | | | "
            f"{rps(floor)} | {ms(floor['p50_us'])} | {ms(floor['p99_us'])} | | | | | | | 100% |",
            f"| **Floor: nginx static file**, same bytes | 0 | {pages['story']['bytes'] / 1024:.0f} | | | "
            f"{rps(nginx)} | "
            f"{ms(nginx['p50_us'])} | {ms(nginx['p99_us'])} | | | | | | | {ratio(nginx['rps'], floor['rps'])} |",
            "",
            "One connection (latency without queueing):",
            "",
            "| page | req/s | p50 | p95 | p99 |",
            "|---|---|---|---|---|",
        ]
        for key, figures in uncached.items():
            if key.endswith("@1"):
                page = key[:-2]
                lines.append(
                    f"| {LABELS[page].split(' (')[0]} | {rps(figures)} | {ms(figures['p50_us'])} | "
                    f"{ms(figures['p95_us'])} | {ms(figures['p99_us'])} |"
                )
        lines += edge_lines(entry) + simulation_lines(entry, report["settings"])
        dataset = entry["dataset"]
        lines += [
            "",
            f"Dataset: {dataset.get('output', '').splitlines()[-1] if dataset.get('output') else 'unknown'} "
            f"(load average then: {dataset.get('load_average', 'unknown')}).",
            "",
        ]
        explain = entry.get("explain", "")
        summary = [line for line in explain.splitlines() if line.startswith("|") or line.startswith("Pages with")]
        if summary:
            lines += [f"Query plans ({DATABASE_NAMES[name]}; full plans in bench/EXPLAIN.md):", "", *summary, ""]

    lines += [
        "## Exact commands",
        "",
        "```sh",
        "make bench            # = .venv/bin/python bench/run.py",
    ]
    for name, entry in databases.items():
        lines.append(f"# {DATABASE_NAMES[name]} (SECRET_KEY: a new random value each run)")
        lines += list(entry.get("commands", {}).values())
        lines += [figures["command"] for figures in list(entry["uncached"].values())[:3]]
        lines.append(entry["floor_nginx"]["command"])
    lines += [
        "```",
        "",
        "Every wrk run, with the load average just before it, is in bench/out/report.json.",
        "",
    ]
    results_path.write_text("\n".join(lines))
    explain_path.write_text(
        "# Query plans at 100,000 stories\n\nWritten by `make bench` (bench/explain.py, run against each database).\n\n"
        + "\n\n".join(entry.get("explain", "") for entry in databases.values())
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    report = json.loads((ROOT / "bench" / "out" / "report.json").read_text())
    write_results(report, ROOT / "bench" / "RESULTS.md", ROOT / "bench" / "EXPLAIN.md")
