"""The live server answers one request at a time, and says when it is busy.

The test database is SQLite's shared in-memory one, and pytest-django hands the server the test's
own connection. Django's live server is threaded: two requests at once (a page's pictures, a beacon
sent as a page closes) share that one connection, so one request's transaction can end another's, or
leave the connection out of autocommit for the next test ("on_commit() cannot be used in manual
transaction management"). Served one at a time, requests cannot meet on the connection;
`wait_until_idle` lets a test's teardown wait for the request in hand before the flush.
"""

import threading
import time

from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread

_idle = threading.Event()
_idle.set()


class OneAtATimeServer(WSGIServer):
    """A WSGIServer that takes the live server thread's arguments and serves requests in turn.

    Django's handler answers `Connection: close` when the server is not threaded, so a browser's
    other connections wait their turn instead of holding the server.
    """

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The live server thread has already put these connections in place for its own thread.
        self.connections_override = connections_override

    def process_request(self, request, client_address):
        _idle.clear()
        try:
            super().process_request(request, client_address)
        finally:
            _idle.set()


def install() -> None:
    LiveServerThread.server_class = OneAtATimeServer


def wait_until_idle(limit: float = 5.0, settle: float = 0.2) -> bool:
    """Wait for the request being served, after `settle` seconds for one just sent to arrive."""
    time.sleep(settle)
    return _idle.wait(limit)
