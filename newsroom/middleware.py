"""What readers get when the database cannot be reached: the site's own 503, with Retry-After."""

import logging

from django.conf import settings
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import get_template

logger = logging.getLogger("newsroom.database")


class DatabaseUnavailableMiddleware:
    """Turn a view's OperationalError or InterfaceError into a 503 with ``Retry-After``.

    Sits below the page cache, so a cached page is served without reaching here or the database.
    The page is rendered with no request and no context (no context processor may query), is
    never cached, and the failure is logged in one line: during an outage every request fails
    the same way, and a traceback each time would bury the first one.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error(
            "Database unavailable, answered 503 to %s %s: %s: %s",
            request.method,
            request.path,
            type(exception).__name__,
            str(exception).strip(),
        )
        response = HttpResponse(get_template("503.html").render(), status=503)
        response["Retry-After"] = str(settings.NEWSROOM_DATABASE_RETRY_AFTER)
        response["Cache-Control"] = "no-store"
        return response
