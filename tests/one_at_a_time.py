"""The live server runs one request at a time through Django, and says when it is busy.

The test database is SQLite's shared in-memory one, and pytest-django hands the live server the
test's own connection. Django's live server is threaded: two requests at once (a page's pictures, a
beacon sent as a page closes) would share that one connection, so one request's transaction could
end another's, or leave the connection out of autocommit for the next test ("on_commit() cannot be
used in manual transaction management").

Connections are still accepted and read in threads of their own (a browser opens sockets it sends
nothing on, and a server that waited on those would hang the page); only running the site is one
at a time, response body and request_finished included. `wait_until_idle` lets a test's teardown
wait for the request in hand before the flush.
"""

import threading
import time

from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

_running = threading.Lock()


def _one_at_a_time(application):
    def serve(environ, start_response):
        with _running:
            result = application(environ, start_response)
            try:
                return [b"".join(result)]
            finally:
                if hasattr(result, "close"):
                    result.close()  # request_finished: Django's end of the request, still in turn

    return serve


class OneAtATimeServer(ThreadedWSGIServer):
    def set_app(self, application):
        super().set_app(_one_at_a_time(application))


def install() -> None:
    LiveServerThread.server_class = OneAtATimeServer


def wait_until_idle(limit: float = 5.0, settle: float = 0.2) -> bool:
    """Wait for the request being served, after `settle` seconds for one just sent to arrive."""
    time.sleep(settle)
    if not _running.acquire(timeout=limit):
        return False
    _running.release()
    return True
