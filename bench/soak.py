"""The soak test (issue 14, item 11): a publish or withdrawal every 10 s under 64 connections, for 10 minutes.

    python bench/soak.py                  # 10 minutes, report in bench/SOAK.md
    python bench/soak.py --minutes 3      # shorter

Production settings (DEBUG off, whitenoise, page cache on) under gunicorn, on a PostgreSQL cluster
and a Redis server of its own, made in a temporary folder on free ports: restarting them in the middle
never touches the shared servers. Everything listens on 127.0.0.1 and every process started here is
stopped by its process id. Not a pytest test.

What it measures: requests and errors by status (5xx split into inside and outside the seconds the
database was down), stale reads (after each publish or withdrawal the story page, home, its section
and the site RSS are fetched once and must already show the change), and the resident memory of
every process at the start (after a warm-up) and at the end. What is requested, and the warm-up
that runs every code path once and waits for the workers' memory to settle: bench/soak_warmup.py.
"""

import argparse
import os
import random
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
GUNICORN = PYTHON.parent / "gunicorn"
PG_BIN = Path("/usr/lib/postgresql/15/bin")
HOST = "127.0.0.1"
DATABASE = "newsroom_desk_robust"
REDIS_DB = 9
PUBLISH_EVERY = 10.0
RECONNECT = 0.02  # a connection is closed after a request with this chance, so both workers get connections


def log(message: str) -> None:
    print(f"[soak {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def wait_for(check, what: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up within {timeout:.0f} s")


def port_open(port: int) -> bool:
    try:
        with socket.create_connection((HOST, port), timeout=0.5):
            return True
    except OSError:
        return False


# --- The servers of this run -----------------------------------------------------------------


class Redis:
    def __init__(self, folder: Path):
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [
            "redis-server", "--port", str(self.port), "--bind", HOST, "--save", "", "--appendonly", "no",
            "--dir", str(self.folder), "--maxmemory", "128mb", "--maxmemory-policy", "allkeys-lru",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: port_open(self.port), "redis-server")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)

    def pids(self) -> dict[str, int]:
        return {"redis-server": self.process.pid} if self.process and self.process.poll() is None else {}


class Postgres:
    """A throwaway cluster owned by the postgres user (initdb refuses to run as root)."""

    def __init__(self, folder: Path):
        self.data = folder / "pgdata"
        self.socket_dir = folder
        self.port = free_port()
        self.log_file = folder / "postgres.log"
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def init(self) -> None:
        if self.as_owner:
            shutil.chown(self.socket_dir, "postgres")
        subprocess.run(
            [*self.as_owner, PG_BIN / "initdb", "-D", self.data, "-U", "postgres", "-A", "trust", "--no-sync"],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self) -> None:
        options = f"-p {self.port} -c listen_addresses={HOST} -k {self.socket_dir} -c fsync=off -c max_connections=100"
        subprocess.run(
            [*self.as_owner, PG_BIN / "pg_ctl", "-D", self.data, "-l", self.log_file, "-o", options, "-w", "start"],
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def stop(self) -> None:
        subprocess.run(
            [*self.as_owner, PG_BIN / "pg_ctl", "-D", self.data, "-m", "fast", "-w", "stop"],
            check=False,
            stdout=subprocess.DEVNULL,
        )

    def ready(self) -> bool:
        result = subprocess.run(
            [PG_BIN / "pg_isready", "-h", HOST, "-p", str(self.port)], capture_output=True, check=False
        )
        return result.returncode == 0

    def pids(self) -> dict[str, int]:
        pid_file = self.data / "postmaster.pid"
        try:
            main = int(pid_file.read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return {}
        found = {"postgres (postmaster)": main}
        for child in children(main):
            title = process_title(child)
            # Client backends come and go with connections: keyed by pid, summed in the report.
            found[f"postgres backend {child}" if DATABASE in title else f"postgres {title}"] = child
        return found


def children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def process_title(pid: int) -> str:
    try:
        title = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        return "gone"
    return title.removeprefix("postgres: ")[:40]


def rss_kib(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


# --- The load ----------------------------------------------------------------------------------


class Load:
    """Connections that each request page after page, keep-alive, and count what came back per second."""

    def __init__(self, port: int, paths: list[str], connections: int):
        self.port = port
        self.paths = paths
        self.connections = connections
        self.stop_event = threading.Event()
        self.lock = threading.Lock()
        self.by_second: Counter = Counter()  # (second, status) -> count
        self.latencies: list[float] = []
        self.threads: list[threading.Thread] = []

    def start(self) -> None:
        for number in range(self.connections):
            thread = threading.Thread(target=self._run, args=(number,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self) -> None:
        self.stop_event.set()
        for thread in self.threads:
            thread.join(timeout=15)

    def _run(self, number: int) -> None:
        chooser = random.Random(number)
        connection = HTTPConnection(HOST, self.port, timeout=15)
        counts: Counter = Counter()
        latencies: list[float] = []
        while not self.stop_event.is_set():
            path = chooser.choice(self.paths)
            started = time.time()
            try:
                connection.request("GET", path, headers={"Host": HOST})
                response = connection.getresponse()
                response.read()
                status = str(response.status)
                if response.getheader("Connection", "").lower() == "close" or chooser.random() < RECONNECT:
                    connection.close()  # the next request opens a new one
            except Exception as error:  # a refused or reset connection, a timeout: a result too
                status = f"error ({type(error).__name__})"
                connection.close()
                connection = HTTPConnection(HOST, self.port, timeout=15)
                time.sleep(0.05)
            # Counted in the second the answer came: a request queued behind the restart is counted when it ended.
            counts[(int(time.time()), status)] += 1
            latencies.append(time.time() - started)
            if len(latencies) >= 200:
                self._merge(counts, latencies)
                counts, latencies = Counter(), []
        self._merge(counts, latencies)

    def _merge(self, counts: Counter, latencies: list[float]) -> None:
        with self.lock:
            self.by_second.update(counts)
            self.latencies.extend(latencies)


def fetch(port: int, path: str) -> tuple[int, str]:
    connection = HTTPConnection(HOST, port, timeout=15)
    try:
        connection.request("GET", path, headers={"Host": HOST})
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", errors="replace")
    except OSError as error:
        return 0, str(error)
    finally:
        connection.close()


# --- The desk: a publish or a withdrawal every 10 s, through the services ----------------------


class Desk:
    def __init__(self, port: int):
        from django.contrib.auth import get_user_model

        from articles.models import Author, Section

        self.port = port
        self.editor, _ = get_user_model().objects.get_or_create(
            username="soak-editor", defaults={"is_staff": True, "is_superuser": True}
        )
        self.section = Section.objects.order_by("position", "pk").first()
        self.author = Author.objects.order_by("pk").first()
        self.live: list = []
        self.events: list[dict] = []
        self.number = 0

    def tick(self) -> None:
        from django import db

        action = "withdraw" if self.live and self.number % 2 else "publish"
        started = time.time()
        try:
            db.close_old_connections()  # as at the start of a request: drops a connection the restart broke
            story = self._withdraw() if action == "withdraw" else self._publish()
        except Exception as error:  # the database may be down: note it, try again at the next tick
            db.connections.close_all()
            self.events.append({"at": started, "action": action, "error": f"{type(error).__name__}: {error}"[:160]})
            return
        self.number += 1
        self.events.append({"at": started, "action": action, "story": story.pk, "stale": self._stale(action, story)})

    def _publish(self):
        from articles.models import Byline, Story
        from articles.stories import workflow

        token = secrets.token_hex(4)
        story = Story(
            headline=f"Soak story {self.number} {token}",
            standfirst="Published by the soak test.",
            section=self.section,
            body="<p>A paragraph the soak test wrote, to publish and withdraw again.</p>",
        )
        workflow.story_save(story=story, user=self.editor)
        Byline.objects.create(story=story, author=self.author, order=1)
        workflow.story_publish(story=story, user=self.editor)
        self.live.append(story)
        return story

    def _withdraw(self):
        from articles.stories import workflow

        story = self.live.pop(0)
        workflow.story_withdraw(story=story, user=self.editor)
        return story

    def _stale(self, action: str, story) -> list[str]:
        """The surfaces that did not show the change on the first read after it."""
        headline = story.headline
        stale = []
        status, _ = fetch(self.port, story.get_absolute_url())
        if (status == 200) != (action == "publish"):
            stale.append(f"story page answered {status}")
        for name, path in (("home", "/"), ("section", f"/{self.section.slug}/"), ("rss", "/feeds/rss/")):
            status, body = fetch(self.port, path)
            if status != 200:
                stale.append(f"{name} answered {status}")
            elif (headline in body) != (action == "publish"):
                stale.append(f"{name} {'lacks' if action == 'publish' else 'still shows'} the story")
        return stale


# --- The run -------------------------------------------------------------------------------------


def environment(redis_port: int, pg_port: int, app_port: int, folder: Path) -> dict:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_", "REDIS_", "NEWSROOM_", "DJANGO_", "CACHE_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "newsroom.settings.base",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(40),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "SECURE_SSL_REDIRECT": "false",
            "NEWSROOM_SITE_URL": f"http://{HOST}:{app_port}",
            "NEWSROOM_SERVE_MEDIA": "true",
            "DATABASE_URL": f"postgres://postgres@{HOST}:{pg_port}/{DATABASE}",
            "REDIS_URL": f"redis://{HOST}:{redis_port}/{REDIS_DB}",
            "NEWSROOM_PAGE_CACHE": "true",
            "MEDIA_ROOT": str(folder / "media"),
            "ORIGINALS_ROOT": str(folder / "originals"),
            "STATIC_ROOT": str(folder / "static"),
            "LOG_LEVEL": "WARNING",
            # Every connection comes from 127.0.0.1: the API's per-address limit would answer most with 429.
            "NEWSROOM_API_ANON_PER_MINUTE": "1000000",
        }
    )
    return env


def memory(pids: dict[str, int]) -> dict[str, int]:
    found = {name: kib for name, pid in pids.items() if (kib := rss_kib(pid)) is not None}
    backends = [kib for name, kib in found.items() if name.startswith("postgres backend ")]
    found = {name: kib for name, kib in found.items() if not name.startswith("postgres backend ")}
    found[f"postgres client backends ({len(backends)}, summed)"] = sum(backends)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=10.0, help="How long the load runs (default 10).")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2).")
    parser.add_argument("--stories", type=int, default=3000, help="Stories in the soak's database.")
    parser.add_argument(
        "--warm-up-limit", type=float, default=480.0, help="Longest warm-up, in seconds, if memory has not settled."
    )
    parser.add_argument("--report", default=str(ROOT / "bench" / "SOAK.md"))
    options = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="newsroom-soak-"))
    redis, postgres = Redis(folder), Postgres(folder)
    gunicorn: subprocess.Popen | None = None
    try:
        log(f"servers in {folder}")
        redis.start()
        postgres.init()
        postgres.start()
        subprocess.run(
            [PG_BIN / "createdb", "-h", HOST, "-p", str(postgres.port), "-U", "postgres", DATABASE], check=True
        )
        app_port = free_port()
        env = environment(redis.port, postgres.port, app_port, folder)
        os.environ.update(env)
        manage = [PYTHON, ROOT / "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
        subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], env=env, check=True, cwd=ROOT)
        log(f"generating {options.stories} stories")
        subprocess.run(
            [*manage, "generate_dataset", "--stories", str(options.stories), "--authors", "60", "--tags", "300",
             "--photos", "60", "--image-files", "6", "--image-width", "480"],
            env=env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
        )  # fmt: skip

        sys.path.insert(0, str(ROOT))
        import django

        from bench import soak_warmup

        django.setup()
        from django import db

        command = [
            GUNICORN, "newsroom.wsgi:application", "--bind", f"{HOST}:{app_port}", "--workers", str(options.workers),
            "--worker-class", "gthread", "--threads", "8", "--timeout", "60", "--no-control-socket",
            "--error-logfile", str(folder / "gunicorn.log"),
        ]  # fmt: skip
        server_log = (folder / "gunicorn.log").open("w")
        gunicorn = subprocess.Popen(
            [str(part) for part in command], env=env, cwd=ROOT, stdout=server_log, stderr=subprocess.STDOUT
        )
        wait_for(lambda: port_open(app_port), "gunicorn")
        paths = soak_warmup.load_paths()
        db.connections.close_all()
        desk = Desk(app_port)
        load = Load(app_port, paths, options.connections)

        def process_ids() -> dict[str, int]:
            found = {"soak driver (this script)": os.getpid(), "gunicorn master": gunicorn.pid}
            for number, worker in enumerate(sorted(children(gunicorn.pid)), 1):
                found[f"gunicorn worker {number} (pid {worker})"] = worker
            return {**found, **redis.pids(), **postgres.pids()}

        load.start()
        log(f"warming up under {options.connections} connections, at most {options.warm_up_limit:.0f} s")
        warm_up = soak_warmup.warm_up(
            fetch=lambda path: fetch(app_port, path), paths=paths, desk=desk, redis=redis, postgres=postgres,
            process_ids=process_ids, rss_kib=rss_kib, limit=options.warm_up_limit, log=log,
            answered=lambda: sum(load.by_second.values()),
        )  # fmt: skip
        started = time.time()
        memory_start = memory(process_ids())
        memory_series = [(started, memory_start)]
        duration = options.minutes * 60
        redis_at, database_at = started + duration * 0.35, started + duration * 0.65
        outages: list[dict] = []
        next_tick = started
        log(f"soak for {options.minutes:g} minutes: Redis restart at +{duration * 0.35:.0f} s, "
            f"database restart at +{duration * 0.65:.0f} s")  # fmt: skip
        next_sample = started + 60
        while time.time() < started + duration:
            now = time.time()
            if now >= next_sample:
                next_sample += 60
                memory_series.append((now, memory(process_ids())))
            if redis_at and now >= redis_at:
                redis_at = 0
                down = time.time()
                redis.stop()
                time.sleep(2)
                redis.start()
                outages.append({"what": "Redis", "down": down, "up": time.time()})
                log("Redis restarted")
            if database_at and now >= database_at:
                database_at = 0
                down = time.time()
                postgres.stop()
                time.sleep(2)
                postgres.start()
                wait_for(postgres.ready, "PostgreSQL")
                outages.append({"what": "PostgreSQL", "down": down, "up": time.time()})
                log("PostgreSQL restarted")
            if now >= next_tick:
                next_tick += PUBLISH_EVERY
                desk.tick()
                event = desk.events[-1]
                log(f"{event['action']}: {event.get('error') or (event['stale'] or 'fresh everywhere')}")
            time.sleep(0.2)
        ended = time.time()
        memory_end = memory(process_ids())
        load.stop()
        from bench.soak_report import write_report

        memory_series.append((ended, memory_end))
        report = write_report(options, load, desk, outages, started, ended, memory_series, command, warm_up=warm_up)
        Path(options.report).write_text(report)
        log(f"report written to {options.report}")
        print(report)
        return 0
    finally:
        if gunicorn is not None and gunicorn.poll() is None:
            gunicorn.send_signal(signal.SIGTERM)
            try:
                gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
        redis.stop()
        postgres.stop()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
