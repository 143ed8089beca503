"""The soak test's report (bench/SOAK.md), from what bench/soak.py counted."""

from collections import Counter
from datetime import UTC, datetime


def write_report(options, load, desk, outages, started, ended, memory_series, command, *, warm_up: dict) -> str:
    database_down = [(int(o["down"]), int(o["up"]) + 1) for o in outages if o["what"] == "PostgreSQL"]

    def during_database_downtime(second: int) -> bool:
        return any(low <= second <= high for low, high in database_down)

    memory_start, memory_end = memory_series[0][1], memory_series[-1][1]
    in_window = {key: count for key, count in load.by_second.items() if started <= key[0] < ended}
    statuses: Counter = Counter()
    server_errors_outside: Counter = Counter()
    server_errors_inside: Counter = Counter()
    for (second, status), count in in_window.items():
        statuses[status] += count
        if status.startswith("5"):
            (server_errors_inside if during_database_downtime(second) else server_errors_outside)[status] += count
    errors_by_second = {key: count for key, count in in_window.items() if key[1].startswith("5")}
    total = sum(statuses.values())
    latencies = sorted(load.latencies) or [0.0]

    def percentile(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(len(latencies) * p))] * 1000

    changes = [e for e in desk.events if e["at"] >= started and "error" not in e]
    failed = [e for e in desk.events if e["at"] >= started and "error" in e]
    stale_publish = [e for e in changes if e["action"] == "publish" and e["stale"]]
    stale_withdraw = [e for e in changes if e["action"] == "withdraw" and e["stale"]]

    def when(t: float) -> str:
        return f"+{t - started:.0f} s"

    lines = [
        "# Soak test",
        "",
        f"Run {datetime.fromtimestamp(started, UTC):%Y-%m-%d %H:%M} UTC by `python bench/soak.py --minutes "
        f"{options.minutes:g}`: {options.minutes:g} minutes under {options.connections} keep-alive connections "
        f"(Python threads on 127.0.0.1), after a {warm_up['seconds']:.0f} s warm-up, a publish or a withdrawal "
        f"every 10 s through the workflow services. The load picks from {len(set(load.paths))} paths: every kind "
        "of public page, the feeds, sitemaps, search, the read API and photo renditions.",
        "",
        "Production settings (DEBUG off, page cache on, whitenoise) under "
        f"`{' '.join(str(p) for p in command[:-2])}`, on a PostgreSQL 15 cluster and a redis-server of the "
        "soak's own (temporary folder, free ports), both restarted once in the middle. "
        "The machine has 2 cores, shared with the load generator and other work.",
        "",
        "## Targets",
        "",
        "| target | result |",
        "|---|---|",
        f"| 0 5xx outside the database downtime | {sum(server_errors_outside.values())} "
        f"{'✅' if not server_errors_outside else '❌'} |",
        f"| 0 stale reads after a withdrawal | {len(stale_withdraw)} {'✅' if not stale_withdraw else '❌'} |",
    ]
    growth = {
        name: (memory_start[name], memory_end[name])
        for name in memory_start
        if name in memory_end and not name.startswith("postgres client")
    }
    grown = {name: pair for name, pair in growth.items() if pair[1] > pair[0] * 1.2}
    lines += [
        f"| no process grows more than 20% in memory | {len(grown)} grew {'✅' if not grown else '❌'} |",
        "",
        "## Requests",
        "",
        f"{total:,} requests in {ended - started:.0f} s ({total / max(ended - started, 1):.0f}/s); latency p50 "
        f"{percentile(0.5):.0f} ms, p99 {percentile(0.99):.0f} ms, max {latencies[-1] * 1000:.0f} ms.",
        "",
        "| status | requests |",
        "|---|---|",
        *[f"| {status} | {count:,} |" for status, count in sorted(statuses.items())],
        "",
        "Errors are counted in the second the answer came. A client error (a timeout after 15 s, a refused or "
        "reset connection) is not a status and is not counted as a 5xx.",
        "",
        f"5xx while the database was down: {dict(server_errors_inside) or 'none'}; "
        f"outside it: {dict(server_errors_outside) or 'none'}. By second: "
        + (", ".join(f"{when(sec)} {status} ×{n}" for (sec, status), n in sorted(errors_by_second.items())) or "none")
        + ".",
        "",
        "## Restarts",
        "",
        "| what | stopped | back | down for |",
        "|---|---|---|---|",
        *[f"| {o['what']} | {when(o['down'])} | {when(o['up'])} | {o['up'] - o['down']:.1f} s |" for o in outages],
        "",
        "## Publishes and withdrawals",
        "",
        f"{sum(e['action'] == 'publish' for e in changes)} publishes, "
        f"{sum(e['action'] == 'withdraw' for e in changes)} withdrawals; {len(failed)} refused while a server "
        "was down (tried again at the next tick). After each change the story page, home, the section page "
        "and the site RSS were read once.",
        "",
        f"Stale reads after a publish: {len(stale_publish)}; after a withdrawal: {len(stale_withdraw)}.",
        "",
        *[f"- {when(e['at'])} {e['action']} of story {e['story']}: {'; '.join(e['stale'])}" for e in stale_publish],
        *[f"- {when(e['at'])} {e['action']} of story {e['story']}: {'; '.join(e['stale'])}" for e in stale_withdraw],
        *[f"- {when(e['at'])} {e['action']} refused: {e['error']}" for e in failed],
        "",
        "## Memory (resident set, MiB)",
        "",
        "Start is after the warm-up. Redis and PostgreSQL were restarted in the middle, so their end figures "
        "are of new processes; PostgreSQL's client backends come and go with connections and are summed, not judged.",
        "",
        *warm_up_lines(warm_up),
        "| process | start | end | change |",
        "|---|---|---|---|",
    ]
    for name in sorted(set(memory_start) | set(memory_end)):
        start, end = memory_start.get(name), memory_end.get(name)
        change = f"{(end - start) / start * 100:+.0f}%" if start and end else "—"
        show = lambda kib: f"{kib / 1024:.1f}" if kib else "—"  # noqa: E731
        lines.append(f"| {name} | {show(start)} | {show(end)} | {change} |")
    watched = [name for name in memory_start if name.startswith(("gunicorn", "soak", "redis"))]
    lines += [
        "",
        "Each minute (MiB), to tell a plateau from a leak:",
        "",
        "| minute | " + " | ".join(watched) + " |",
        "|---|" + "---|" * len(watched),
        *[
            f"| {(at - started) / 60:.0f} | "
            + " | ".join(f"{sample[name] / 1024:.1f}" if name in sample else "—" for name in watched)
            + " |"
            for at, sample in memory_series
        ],
    ]
    return "\n".join(lines) + "\n"


def warm_up_lines(warm_up: dict) -> list[str]:
    """What the warm-up did (bench/soak_warmup.py) and the workers' memory through it."""
    began = warm_up["samples"][0][0]
    server_errors = sum(1 for status in warm_up["not_200"].values() if status >= 500)
    workers = sorted(warm_up["samples"][0][1])
    outcome = (
        "then under load until each worker's memory grew less than 2% in 2 minutes"
        if warm_up["settled"]
        else "then under load until the warm-up's limit; the workers' memory had **not** settled"
    )
    return [
        f"The warm-up ({warm_up['seconds']:.0f} s) fetched each of {warm_up['paths']} distinct paths twice (every "
        "path of the load, the admin's login page, a missing page; "
        f"{server_errors} answered 5xx), made a publish and a withdrawal, restarted Redis and then "
        f"PostgreSQL once each, {outcome}. The workers through the warm-up (MiB):",
        "",
        "| second | " + " | ".join(workers) + " |",
        "|---|" + "---|" * len(workers),
        *[
            f"| {at - began:.0f} | "
            + " | ".join(f"{sample[name] / 1024:.1f}" if name in sample else "—" for name in workers)
            + " |"
            for at, sample in warm_up["samples"]
        ],
        "",
    ]
