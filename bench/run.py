"""`make bench`: the whole benchmark in one run, written up in bench/RESULTS.md.

For SQLite (bench/data/bench.sqlite3) and PostgreSQL (database newsroom_bench on 127.0.0.1):
build the 100,000-story dataset if it is missing, serve the site with gunicorn under production
settings (DEBUG off, whitenoise, collectstatic into bench/out/static) pinned to CPU 0, and load
it with wrk pinned to CPU 1: every page uncached and through the page cache, the two floors (a
bare Django view returning the story page's bytes, nginx serving the same bytes as a file), and
each page's query count. Every page is measured with the page cache off twice where it has
fragments (articles/reader/fragments.py): everything cold, and with its fragments warm. On SQLite
also: Varnish (deploy/varnish, pinned to CPU 0 like the nginx floor) in front of gunicorn, its
hits against nginx, and the purge latency from a withdrawal's commit to the page gone at the
edge (bench/purge_latency.py, on a copy of the dataset); and the newsroom simulation
(bench/newsroom_sim.py) in both invalidation modes. Then the 24-megapixel photo upload and the
EXPLAIN plans.

Everything listens on 127.0.0.1, every load is bounded in time, and every server started here
is stopped by its process id. Knobs (environment): BENCH_DATABASES=sqlite,postgresql,
BENCH_DURATION=10 (seconds per run), BENCH_CONNECTIONS=8, BENCH_WORKERS=2, BENCH_STORIES=100000,
BENCH_SIM_SECONDS=90 (each simulation mode), BENCH_PURGES=20, BENCH_PORT=8191 (and the next two),
BENCH_REDIS_URL=redis://127.0.0.1:6379/9. Debian's wrk, nginx, varnish and
varnish-modules are installed with apt-get when missing.
"""

import json
import os
import platform
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
DATA = BENCH / "data"
OUT = BENCH / "out"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
HOST = "127.0.0.1"
DJANGO_PORT = int(os.environ.get("BENCH_PORT", "8191"))  # nginx and Varnish on the next two
NGINX_PORT = DJANGO_PORT + 1
VARNISH_PORT = DJANGO_PORT + 2
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/newsroom_bench"

DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
STORIES = int(os.environ.get("BENCH_STORIES", "100000"))
PURGES = int(os.environ.get("BENCH_PURGES", "20"))
SIM_SECONDS = int(os.environ.get("BENCH_SIM_SECONDS", "90"))
DATABASES = [name.strip() for name in os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",") if name]

# The commands that started the servers, for bench/RESULTS.md; and the settings shown with them.
COMMANDS: dict[str, str] = {}
SHOWN_SETTINGS = (
    "DJANGO_SETTINGS_MODULE", "DEBUG", "DATABASE_URL", "REDIS_URL", "NEWSROOM_PAGE_CACHE", "NEWSROOM_FRAGMENT_CACHE",
    "SECURE_SSL_REDIRECT", "NEWSROOM_SERVE_MEDIA", "ALLOWED_HOSTS", "NEWSROOM_SITE_URL",
)  # fmt: skip

# Pages built partly from fragments (story parts, cards): measured again with their fragments warm.
FRAGMENT_PAGES = ("story", "rotation", "home", "section", "section_deep", "tag", "author")
# name, label, measured through the page cache too, measured at one connection for latency
PAGES = [
    ("story", "Story page (one story)", True, True),
    ("rotation", f"Story page (rotation over {'{rotation_count}'} stories)", True, False),
    ("home", "Home", True, False),
    ("section", "Section, page 1", True, False),
    ("section_deep", "Section, page 50", True, False),
    ("tag", "Tag page", True, False),
    ("author", "Author page", True, False),
    ("search", "Search", True, True),
    ("rss", "Site RSS feed", True, False),
    ("sitemap_index", "Sitemap index", True, False),
    ("sitemap_stories", "Story sitemap, page 1 (stories 1-1,000)", True, False),
    ("sitemap_news", "Google News sitemap", True, False),
    ("admin_changelist", "Admin story changelist (logged in)", False, True),
]


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(command, env=None, check=True, capture=False, **kwargs):
    log("$ " + " ".join(str(part) for part in command))
    return subprocess.run(
        [str(part) for part in command],
        env=env,
        check=check,
        text=True,
        capture_output=capture,
        cwd=ROOT,
        **kwargs,
    )


# --- Tools and machine --------------------------------------------------------------------------


def varnishd() -> str | None:
    return shutil.which("varnishd") or shutil.which("/usr/sbin/varnishd")


def has_xkey() -> bool:
    """Whether Varnish can load the xkey vmod (varnish-modules) that deploy/varnish/newsroom.vcl imports."""
    binary = varnishd()
    if binary is None:
        return False
    # varnishd compiles as its own unprivileged user: the file goes in a folder anyone may read.
    folder = Path(tempfile.mkdtemp(prefix="newsroom-bench-vcl-"))
    try:
        folder.chmod(0o755)
        vcl = folder / "check.vcl"
        vcl.write_text('vcl 4.1;\nimport xkey;\nbackend app { .host = "127.0.0.1"; .port = "9"; }\n')
        vcl.chmod(0o644)
        check = subprocess.run(
            [binary, "-C", "-n", folder / "varnish", "-f", vcl], capture_output=True, text=True, check=False
        )
        return check.returncode == 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# Debian packages: what each tool comes in.
PACKAGES = {"wrk": "wrk", "nginx": "nginx", "varnishd": "varnish", "xkey": "varnish-modules"}


def ensure_tools() -> None:
    """wrk, nginx, varnishd and the xkey vmod, installed from Debian's packages when missing."""

    def missing() -> list[str]:
        tools = [tool for tool in ("wrk", "nginx") if shutil.which(tool) is None]
        tools += [] if varnishd() else ["varnishd"]
        tools += [] if has_xkey() else ["xkey"]
        return tools

    if absent := missing():
        packages = sorted({PACKAGES[tool] for tool in absent} | ({"varnish"} if "xkey" in absent else set()))
        log(f"installing {' '.join(packages)} from Debian's packages")
        run(["apt-get", "install", "-y", "-qq", *packages], env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    if shutil.which("taskset") is None or (absent := missing()):
        sys.exit(f"needed: taskset (util-linux), wrk, nginx, varnish, varnish-modules; missing: {absent}")


def machine() -> dict:
    def first_line(command):
        try:
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        except FileNotFoundError:
            return "not installed"
        return (result.stdout or result.stderr).strip().splitlines()[0] if (result.stdout or result.stderr) else ""

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if "model name" in line
        ),
        platform.processor(),
    )
    memory_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    import sqlite3

    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "postgresql": first_line(["psql", "-h", HOST, "-U", "postgres", "-Atc", "show server_version"]),
        "redis": first_line(["redis-server", "--version"]),
        "wrk": first_line(["wrk", "-v"]),
        "nginx": first_line(["nginx", "-v"]),
        "varnish": first_line([varnishd() or "varnishd", "-V"]),
    }


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


# --- Environment and data -------------------------------------------------------------------------


def environment(
    database: str, *, page_cache: bool, fragments: bool | None = None, floor_file: Path | None = None
) -> dict:
    """The app's environment; ``fragments`` (the fragment cache) follows ``page_cache`` unless given."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "REDIS_", "NEWSROOM_", "DJANGO_", "CACHE_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DEBUG": "false",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "NEWSROOM_SITE_URL": f"http://{HOST}:{DJANGO_PORT}",
            "SECURE_SSL_REDIRECT": "false",
            "NEWSROOM_SERVE_MEDIA": "true",
            "DATABASE_URL": f"sqlite:///{DATA / 'bench.sqlite3'}" if database == "sqlite" else POSTGRES_URL,
            "REDIS_URL": REDIS_URL,
            # Keys of this run only: nothing cached by an earlier run (or anyone else) is ever served.
            "CACHE_KEY_PREFIX": f"newsroom-bench-{database}-{RUN_ID}",
            "NEWSROOM_PAGE_CACHE": "true" if page_cache else "false",
            "NEWSROOM_FRAGMENT_CACHE": "true" if (page_cache if fragments is None else fragments) else "false",
            "MEDIA_ROOT": str(DATA / "media"),
            "ORIGINALS_ROOT": str(DATA / "originals"),
            "STATIC_ROOT": str(OUT / "static"),
            "LOG_LEVEL": "WARNING",
        }
    )
    if floor_file is not None:
        env["NEWSROOM_BENCH_FLOOR_FILE"] = str(floor_file)
    return env


def ensure_postgres_database() -> None:
    import psycopg

    with psycopg.connect(f"postgres://postgres@{HOST}:5432/postgres", autocommit=True) as connection:
        if not connection.execute("SELECT 1 FROM pg_database WHERE datname = 'newsroom_bench'").fetchone():
            connection.execute("CREATE DATABASE newsroom_bench")


def prepare_database(database: str) -> dict:
    """Migrate, build the dataset if missing, collect static files. Returns how the dataset came to be."""
    env = environment(database, page_cache=False)
    if database == "postgresql":
        ensure_postgres_database()
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env=env)
    record = DATA / f"dataset-{database}.json"
    started = time.monotonic()
    result = run([PYTHON, "manage.py", "generate_dataset", "--stories", STORIES], env=env, capture=True)
    elapsed = time.monotonic() - started
    sys.stderr.write(result.stderr[-2000:])
    log(result.stdout.strip())
    if "Dataset ready" in result.stdout:
        built = {
            "seconds": round(elapsed, 1),
            "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "output": result.stdout.strip(),
            "load_average": load_average(),
            "in_this_run": True,
        }
        record.write_text(json.dumps(built, indent=2))
    elif record.exists():
        built = {**json.loads(record.read_text()), "in_this_run": False}
    else:
        built = {"seconds": None, "output": result.stdout.strip(), "in_this_run": False}
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env=env)
    return built


# --- Servers -----------------------------------------------------------------------------------------


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {seconds}s")


def stop(process: subprocess.Popen, name: str, sig=signal.SIGTERM) -> None:
    if process.poll() is None:
        log(f"stopping {name} (pid {process.pid})")
        process.send_signal(sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def start_gunicorn(env: dict, log_file: Path) -> subprocess.Popen:
    command = [
        "taskset", "-c", "0", GUNICORN, "newsroom.wsgi:application",
        "--bind", f"{HOST}:{DJANGO_PORT}",
        "--workers", str(WORKERS),
        "--worker-class", "sync",
        "--no-control-socket",  # its default path is shared by every gunicorn on the machine
        "--error-logfile", log_file,
    ]  # fmt: skip
    shown = " ".join(str(part) for part in command)
    settings = " ".join(f"{key}={env[key]}" for key in SHOWN_SETTINGS if key in env)
    COMMANDS["gunicorn"] = f"{settings} {shown}"
    log("$ " + shown)
    process = subprocess.Popen([str(part) for part in command], env=env, cwd=ROOT)
    try:
        wait_until_up(f"http://{HOST}:{DJANGO_PORT}/robots.txt", process)
        # Both workers import and warm up before anything is measured.
        wrk(f"http://{HOST}:{DJANGO_PORT}/robots.txt", duration=2)
    except Exception:
        stop(process, "gunicorn")
        raise
    return process


def start_nginx(root: Path) -> subprocess.Popen:
    prefix = OUT / "nginx"
    prefix.mkdir(parents=True, exist_ok=True)
    (prefix / "logs").mkdir(exist_ok=True)
    config = prefix / "nginx.conf"
    config.write_text(
        f"""worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "logs" / "error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    default_type text/html;
    client_body_temp_path {prefix / "tmp"};
    proxy_temp_path {prefix / "tmp"};
    fastcgi_temp_path {prefix / "tmp"};
    uwsgi_temp_path {prefix / "tmp"};
    scgi_temp_path {prefix / "tmp"};
    server {{
        listen {HOST}:{NGINX_PORT};
        root {root};
    }}
}}
"""
    )
    (prefix / "tmp").mkdir(exist_ok=True)
    command = ["taskset", "-c", "0", "nginx", "-p", prefix, "-c", config, "-g", "daemon off;"]
    COMMANDS["nginx"] = " ".join(str(part) for part in command)
    log("$ " + COMMANDS["nginx"])
    process = subprocess.Popen([str(part) for part in command], cwd=ROOT)
    try:
        wait_until_up(f"http://{HOST}:{NGINX_PORT}/story.html", process)
    except Exception:
        stop(process, "nginx", signal.SIGQUIT)
        raise
    return process


# --- Load -----------------------------------------------------------------------------------------------


def wrk(url: str, *, connections: int = CONNECTIONS, duration: int = DURATION, headers=(), paths=None) -> dict:
    command = ["taskset", "-c", "1", "wrk", "-t1", f"-c{connections}", f"-d{duration}s", "--timeout", "60s"]
    for header in headers:
        command += ["-H", header]
    command += ["-s", BENCH / "wrk.lua", url]
    if paths is not None:
        command += ["--", paths]
    load_before = load_average()
    result = run(command, capture=True)
    line = next(line for line in result.stdout.splitlines() if line.startswith("{"))
    figures = json.loads(line)
    seconds = figures["duration_us"] / 1e6
    figures.update(
        rps=round(figures["requests"] / seconds, 1) if seconds else 0.0,
        errors=sum(figures[k] for k in ("connect_errors", "read_errors", "write_errors", "timeouts", "bad_status")),
        connections=connections,
        load_average=load_before,
        command=" ".join(str(part) for part in command),
    )
    log(f"  {figures['rps']} req/s, p50 {figures['p50_us'] / 1000:.1f} ms, p99 {figures['p99_us'] / 1000:.1f} ms")
    return figures


def fetch(path: str, headers=None) -> bytes:
    """A page's body (an error page's too: a warm-up must not stop the run)."""
    return fetch_with_status(path, headers)[1]


def fetch_with_status(path: str, headers=None) -> tuple[int, bytes]:
    request = urllib.request.Request(f"http://{HOST}:{DJANGO_PORT}{path}", headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        log(f"  {path} answered {error.code}")
        return error.code, error.read()


def drain(seconds: float = 300) -> None:
    """Wait until the server has finished the requests a run left behind (wrk stops; the workers do not).

    Otherwise a slow page's leftover requests would be counted against the next page.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        fetch("/robots.txt")
        if time.monotonic() - started < 0.2:
            return
    log(f"  the server was still busy after {seconds}s")


def single(path: str, headers=None) -> tuple[float, int]:
    """Milliseconds for one request to an idle server, and its status."""
    drain()
    started = time.monotonic()
    status, _body = fetch_with_status(path, headers)
    return round((time.monotonic() - started) * 1000, 1), status


def measure_site(
    database: str, targets: dict, out: Path, *, page_cache: bool, floor_file: Path, fragments: bool = False
) -> dict:
    """Every page against one gunicorn; with the cache on, each page is fetched first so it is stored.

    ``fragments`` (page cache off): only the pages built from fragments, each fetched first so its
    fragments are stored; the run then measures misses that reuse them.
    """
    env = environment(database, page_cache=page_cache, fragments=page_cache or fragments, floor_file=floor_file)
    mode = "cached" if page_cache else ("fragments" if fragments else "uncached")
    server = start_gunicorn(env, out / f"gunicorn-{mode}.log")
    results = {}
    try:
        base = f"http://{HOST}:{DJANGO_PORT}"
        if mode == "uncached":
            floor_file.write_bytes(fetch(targets["pages"]["story"]["path"]))
            log("floor: bare Django view")
            results["floor_django"] = wrk(f"{base}/__bench/floor/")
        for name, _label, cacheable, latency in PAGES:
            if (page_cache and not cacheable) or (fragments and name not in FRAGMENT_PAGES):
                continue
            headers = [f"Cookie: {targets['admin_cookie']}"] if name == "admin_changelist" else []
            if name == "rotation":
                if mode != "uncached":
                    # Readers before us: every story in the rotation is in the cache once.
                    for path in (out / "rotation.txt").read_text().split():
                        fetch(path)
                drain()
                log(f"{mode}: {name}")
                results[name] = wrk(f"{base}/", paths=out / "rotation.txt")
                drain()
                continue
            path = targets["pages"][name]["path"]
            if mode == "fragments":
                fetch(path)  # stores the page's fragments: the request alone below reuses them
            # One request on its own first: the page's cost with nobody queueing (and, cached, it stores the page).
            alone, status = single(path, dict(header.split(": ", 1) for header in headers))
            log(f"{mode}: {name} {path} (alone: {alone} ms, {status})")
            results[name] = {**wrk(f"{base}{path}", headers=headers), "alone_ms": alone, "alone_status": status}
            if latency and mode == "uncached":
                drain()
                log(f"{mode}: {name}, one connection")
                results[f"{name}@1"] = wrk(f"{base}{path}", headers=headers, connections=1)
            drain()
    finally:
        stop(server, "gunicorn")
    return results


def measure_nginx(floor_file: Path) -> dict:
    server = start_nginx(floor_file.parent)
    try:
        log("floor: nginx static file")
        return wrk(f"http://{HOST}:{NGINX_PORT}/story.html")
    finally:
        stop(server, "nginx", signal.SIGQUIT)


def edge_fetch(path: str) -> tuple[int, str]:
    """Status and X-Cache (HIT: Varnish's copy) of a page read through the bench's Varnish."""
    request = urllib.request.Request(f"http://{HOST}:{VARNISH_PORT}{path}")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return response.status, response.headers.get("X-Cache", "")
    except urllib.error.HTTPError as error:
        return error.code, ""


def copy_sqlite(source: Path, target: Path) -> None:
    import sqlite3

    target.unlink(missing_ok=True)
    with sqlite3.connect(source) as origin, sqlite3.connect(target) as copy:
        origin.backup(copy)


def measure_edge(database: str, targets: dict, out: Path) -> dict:
    """Varnish in front of gunicorn (both caches on, as in production), on a copy of the SQLite dataset.

    Hits: the story page and the home page from Varnish, pinned to CPU 0 like the nginx floor.
    Purges: bench/purge_latency.py withdraws stories through the desk's service, with
    NEWSROOM_EDGE_PURGE_URLS naming this Varnish, and times each until the edge answers 404.
    """
    from bench import edge

    copy = out / "edge.sqlite3"
    log(f"copying the dataset for the edge run: {copy}")
    copy_sqlite(DATA / "bench.sqlite3", copy)
    env = environment(database, page_cache=True)
    env.update(
        DATABASE_URL=f"sqlite:///{copy}",
        CACHE_KEY_PREFIX=env["CACHE_KEY_PREFIX"] + "-edge",
        NEWSROOM_EDGE_PURGE_URLS=f"http://{HOST}:{VARNISH_PORT}",
    )
    server = start_gunicorn(env, out / "gunicorn-edge.log")
    results = {}
    try:
        varnish, workdir, COMMANDS["varnishd"] = edge.start_varnish(
            varnishd(), f"{HOST}:{DJANGO_PORT}", f"{HOST}:{VARNISH_PORT}", cpu=0
        )
        log("$ " + COMMANDS["varnishd"])
        try:
            wait_until_up(f"http://{HOST}:{VARNISH_PORT}/robots.txt", varnish)
            for name in ("story", "home"):
                path = targets["pages"][name]["path"]
                for _ in range(3):
                    status, served = edge_fetch(path)
                log(f"edge: {name} {path} ({status}, {served})")
                # X-Cache on the third request, before the run: HIT means the run measures Varnish's copy.
                results[name] = {**wrk(f"http://{HOST}:{VARNISH_PORT}{path}"), "status": status, "served": served}
            log(f"edge: purge latency, {PURGES} withdrawals")
            command = [PYTHON, BENCH / "purge_latency.py", "--edge", f"http://{HOST}:{VARNISH_PORT}"]
            command += ["--count", PURGES]
            COMMANDS["purge latency"] = " ".join(str(part) for part in command)
            results["purge"] = json.loads(run(command, env=env, capture=True).stdout.strip().splitlines()[-1])
            log(f"  median {results['purge']['median_ms']} ms, max {results['purge']['max_ms']} ms")
        finally:
            stop(varnish, "varnishd")
            shutil.rmtree(workdir, ignore_errors=True)
    finally:
        stop(server, "gunicorn")
        copy.unlink(missing_ok=True)
    return results


# --- Other measurements ----------------------------------------------------------------------------------


def photo_upload() -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DATABASE_", "REDIS_"))}
    result = run([PYTHON, BENCH / "photo_upload.py"], env=env, capture=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def explain(database: str, out: Path) -> str:
    env = environment(database, page_cache=False)
    result = run([PYTHON, BENCH / "explain.py", "--output", out / "explain.md"], env=env, capture=True, check=False)
    # Exit 1 means the plans were written and some page scans the stories table in full.
    if result.returncode not in (0, 1):
        log(result.stderr[-2000:])
        return f"(bench/explain.py failed: exit {result.returncode})"
    return (out / "explain.md").read_text()


# --- Main ---------------------------------------------------------------------------------------------------

SECRET_KEY = secrets.token_urlsafe(60)
RUN_ID = secrets.token_hex(4)


def newsroom_simulation(database_file: Path) -> dict:
    """bench/newsroom_sim.py in both invalidation modes at once, each on a copy of the SQLite dataset and a
    CPU of its own (generation on CPU 0, keys on CPU 1): one process each, nothing else measured meanwhile."""
    seconds = str(SIM_SECONDS)
    running = {}
    try:
        for cpu, mode in enumerate(("generation", "keys")):
            command = ["taskset", "-c", str(cpu), PYTHON, BENCH / "newsroom_sim.py", "--database", database_file]
            command += ["--mode", mode, "--seconds", seconds]
            COMMANDS[f"newsroom simulation ({mode})"] = " ".join(str(part) for part in command)
            log("$ " + COMMANDS[f"newsroom simulation ({mode})"])
            running[mode] = subprocess.Popen(
                [str(part) for part in command], cwd=ROOT, text=True, stdout=subprocess.PIPE
            )
        results = {}
        for mode, process in running.items():
            output, _ = process.communicate()
            if process.returncode != 0:
                raise RuntimeError(f"newsroom simulation ({mode}) exited with {process.returncode}")
            results[mode] = json.loads(output)
        return results
    finally:
        for mode, process in running.items():
            stop(process, f"newsroom simulation ({mode})")


def main() -> None:
    # On SIGTERM, unwind like Ctrl-C does, so every server started here is stopped by its pid.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    started = time.monotonic()
    ensure_tools()
    OUT.mkdir(parents=True, exist_ok=True)
    DATA.mkdir(parents=True, exist_ok=True)
    report = {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "settings": {
            "duration": DURATION,
            "connections": CONNECTIONS,
            "workers": WORKERS,
            "stories": STORIES,
            "redis": REDIS_URL,
            "purges": PURGES,
            "sim_seconds": SIM_SECONDS,
        },
        "load_average_start": load_average(),
        "databases": {},
    }
    log("24-megapixel photo upload")
    report["photo_upload"] = photo_upload()
    for database in DATABASES:
        out = OUT / database
        out.mkdir(parents=True, exist_ok=True)
        log(f"=== {database} ===")
        entry = {"dataset": prepare_database(database)}
        run([PYTHON, BENCH / "prepare.py", out], env=environment(database, page_cache=False))
        targets = json.loads((out / "targets.json").read_text())
        entry["targets"] = targets
        floor_dir = OUT / "floor"
        floor_dir.mkdir(exist_ok=True)
        floor_file = floor_dir / "story.html"
        entry["uncached"] = measure_site(database, targets, out, page_cache=False, floor_file=floor_file)
        entry["floor_nginx"] = measure_nginx(floor_file)
        entry["cached"] = measure_site(database, targets, out, page_cache=True, floor_file=floor_file)
        entry["fragments"] = measure_site(
            database, targets, out, page_cache=False, floor_file=floor_file, fragments=True
        )
        entry["explain"] = explain(database, out)
        if database == "sqlite":
            # Varnish's hits never reach the database: measured once, on SQLite.
            entry["edge"] = measure_edge(database, targets, out)
            log("newsroom simulation")
            entry["newsroom_simulation"] = newsroom_simulation(DATA / "bench.sqlite3")
        entry["commands"] = dict(COMMANDS)
        report["databases"][database] = entry
        (OUT / "report.json").write_text(json.dumps(report, indent=2))
    report["elapsed_seconds"] = round(time.monotonic() - started)
    (OUT / "report.json").write_text(json.dumps(report, indent=2))
    from bench.results import write_results

    write_results(report, BENCH / "RESULTS.md", BENCH / "EXPLAIN.md")
    log(f"done in {report['elapsed_seconds'] / 60:.1f} min: bench/RESULTS.md")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
