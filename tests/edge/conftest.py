"""The edge cache under test: Debian's varnishd running deploy/varnish/newsroom.vcl in front of two
pretend app servers, so the VCL is checked on its own, without Django.

The pretend app answers whatever a test tells it to (status, headers, body) and records every request
it gets. varnishd must be installed (`apt-get install varnish varnish-modules`; .ci/run does it):
without it these tests fail and say so, since a skipped edge test would pass a broken cache.
"""

import contextlib
import http.client
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
VCL = ROOT / "deploy" / "varnish" / "newsroom.vcl"
BACKENDS_SCRIPT = ROOT / "deploy" / "varnish" / "backends.sh"
HOST = "127.0.0.1"
# Published pages as the app sends them (see deploy/varnish/README.md).
PUBLIC = "public, max-age=60, s-maxage=300, stale-while-revalidate=600"


@dataclass
class Reply:
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Cache-Control": PUBLIC, "xkey": "page"})


@dataclass
class Seen:
    server: str
    method: str
    path: str
    headers: dict[str, str]


class App:
    """What every pretend app server answers, shared by all of them, and what they were asked.

    The body of each answer is "<path> #<n>", n counting the requests for that path, so a test can
    tell a refreshed page from the copy it had. /robots.txt (the health probe) is answered but not
    recorded; while `failing` is set, everything, the probe included, gets that status.
    """

    def __init__(self):
        self.replies: dict[str, Reply] = {}
        self.failing: int | None = None
        self.seen: list[Seen] = []
        self.lock = threading.Lock()
        self.servers: list[AppServer] = []

    def reply(self, path: str, status: int = 200, **headers: str) -> None:
        """Set the answer for a path (query string ignored); header names use _ for -."""
        self.replies[path] = Reply(status, {name.replace("_", "-"): value for name, value in headers.items()})

    def count(self, path: str) -> int:
        with self.lock:
            return sum(1 for seen in self.seen if seen.path == path)

    def requests(self, path: str) -> list[Seen]:
        with self.lock:
            return [seen for seen in self.seen if seen.path == path]


class AppServer:
    """One pretend app server on a port of its own, which it keeps across stop() and start()."""

    def __init__(self, app: App, name: str):
        self.app, self.name, self.port = app, name, 0
        self.server: ThreadingHTTPServer | None = None

    def start(self) -> None:
        app, name = self.app, self.name

        class Handler(BaseHTTPRequestHandler):
            # HTTP/1.0: one request per connection, so a stopped server has no connection left open.
            protocol_version = "HTTP/1.0"

            def answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                path = urlsplit(self.path).path
                if app.failing is not None:
                    status, headers, body = app.failing, {"Cache-Control": "no-store"}, "failing"
                elif path == "/robots.txt":
                    status, headers, body = 200, {"Cache-Control": PUBLIC}, "User-agent: *"
                else:
                    reply = app.replies.get(path, Reply())
                    with app.lock:
                        app.seen.append(Seen(name, self.command, self.path, dict(self.headers.items())))
                        number = sum(1 for seen in app.seen if urlsplit(seen.path).path == path)
                    status, headers, body = reply.status, reply.headers, f"{path} #{number}"
                data = body.encode()
                self.send_response(status)
                for header, value in headers.items():
                    self.send_header(header, value)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            do_GET = do_HEAD = do_POST = answer

            def log_message(self, format, *args):
                pass

        self.server = ThreadingHTTPServer((HOST, self.port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: str


class Edge:
    """The running varnishd: requests to it, and its view of the app servers' health."""

    def __init__(self, port: int, workdir: Path):
        self.port, self.workdir = port, workdir

    def request(self, method: str, path: str, headers: dict | None = None, source: str = HOST) -> Response:
        """One request on a new connection; `source` is the client address Varnish sees."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=15, source_address=(source, 0))
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            # A photo file is not text: undecodable bytes become U+FFFD (tests read its status and headers).
            return Response(response.status, response.headers, response.read().decode(errors="replace"))
        finally:
            connection.close()

    def get(self, path: str, **headers: str) -> Response:
        return self.request("GET", path, headers)

    def purge(self, keys: str, source: str = HOST) -> Response:
        return self.request("PURGE", "/", {"xkey-purge": keys}, source=source)

    def wait_for_health(self, server: str, state: str, seconds: float = 10) -> None:
        """Wait until varnishd's probe calls app server `server` (app1, app2) `state` (healthy or sick)."""
        deadline = time.monotonic() + seconds
        listing = ""
        while time.monotonic() < deadline:
            listing = subprocess.run(
                ["varnishadm", "-n", str(self.workdir), "backend.list", f"*.{server}"],
                capture_output=True,
                text=True,
                check=False,
            ).stdout
            # "boot.app1      probe    0/3      sick       Thu, 03 Dec ..." under a heading line
            rows = [line.split() for line in listing.splitlines()[1:] if line.strip()]
            if any(row[0].endswith(f".{server}") and row[3] == state for row in rows):
                return
            time.sleep(0.2)
        raise AssertionError(f"{server} not {state} after {seconds}s:\n{listing}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def app():
    app = App()
    app.servers += [AppServer(app, "app1"), AppServer(app, "app2")]
    for server in app.servers:
        server.start()
    yield app
    for server in app.servers:
        server.stop()


@pytest.fixture(scope="session")
def edge(app):
    with running_varnish([f"{HOST}:{server.port}" for server in app.servers]) as edge:
        yield edge


@contextlib.contextmanager
def running_varnish(backends: list[str]):
    """varnishd with the project's VCL in front of ``backends`` ("host:port"), until the block ends."""
    varnishd = shutil.which("varnishd") or shutil.which("/usr/sbin/varnishd")
    if varnishd is None:
        pytest.fail(
            "varnishd is not installed, so the edge cache cannot be tested: "
            "apt-get install varnish varnish-modules (.ci/run installs them)",
            pytrace=False,
        )
    # varnishd compiles the VCL as an unprivileged user of its own, who must be able to read it:
    # pytest's temporary folders (and perhaps this checkout) are private to root, so the VCL goes
    # into a folder made by hand.
    folder = Path(tempfile.mkdtemp(prefix="newsroom-edge-"))
    folder.chmod(0o755)
    shutil.copy(VCL, folder / VCL.name)
    backends = subprocess.run(
        ["bash", str(BACKENDS_SCRIPT), *backends],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (folder / "newsroom-backends.vcl").write_text(backends)
    port = free_port()
    workdir = folder / "varnish"
    log = (folder / "varnishd.log").open("w")
    command = [
        varnishd, "-F", "-n", str(workdir), "-a", f"{HOST}:{port}", "-f", str(folder / VCL.name),
        "-p", f"vcl_path={folder}", "-s", "malloc,32m",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    edge = Edge(port, workdir)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"varnishd exited with {process.returncode} (is varnish-modules installed?):\n"
                    + (folder / "varnishd.log").read_text(),
                    pytrace=False,
                )
            try:
                if edge.get("/robots.txt").status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("varnishd did not answer within 30 s:\n" + (folder / "varnishd.log").read_text())
            time.sleep(0.2)
        yield edge
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        shutil.rmtree(folder)
