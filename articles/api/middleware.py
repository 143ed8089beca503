"""What the API checks before any view runs: rate limits, the JSON body cap, and CORS for the read API.

Only paths under /api/ are touched. Placed above the page cache, so a cached answer is still
counted and still carries its CORS headers.
"""

from django.conf import settings
from django.http import HttpResponse

from articles.api import limits
from articles.api.problems import problem_response
from articles.models import ApiToken
from newsroom.logins import client_address

API_PREFIX = "/api/"
WRITE_PREFIX = "/api/v1/desk/"
READ_METHODS = ("GET", "HEAD", "OPTIONS")


def is_read_request(request) -> bool:
    return request.path.startswith(API_PREFIX) and not request.path.startswith(WRITE_PREFIX)


def bearer_text(request) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" and value.strip() else None


def _rate_limited(request) -> HttpResponse | None:
    # Reads count by address even with a token: a made-up token must not buy a fresh allowance.
    token = bearer_text(request) if request.path.startswith(WRITE_PREFIX) else None
    parts = ApiToken.split(token) if token else None
    if parts is not None:
        scope, ident, limit = "token", parts[0], settings.NEWSROOM_API_TOKEN_PER_MINUTE
    else:
        scope, ident, limit = "addr", client_address(request) or "unknown", settings.NEWSROOM_API_ANON_PER_MINUTE
    wait = limits.hit(scope, ident, limit=limit, window=60)
    if wait is None:
        return None
    return problem_response(
        429,
        f"Too many requests: at most {limit} a minute. Try again in {wait} seconds.",
        headers={"Retry-After": str(wait)},
    )


def _too_large(request) -> HttpResponse | None:
    if request.method not in ("POST", "PUT", "PATCH"):
        return None
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return problem_response(400, "The Content-Length header is not a number.")
    is_multipart = request.META.get("CONTENT_TYPE", "").startswith("multipart/")
    cap = settings.NEWSROOM_PHOTO_MAX_BYTES + 64 * 1024 if is_multipart else settings.NEWSROOM_API_MAX_JSON_BYTES
    if length > cap:
        return problem_response(413, f"The request body is {length} bytes; the limit is {cap} bytes.")
    return None


def _add_cors(request, response) -> None:
    origins = settings.NEWSROOM_API_CORS_ORIGINS
    if "*" in origins:
        response["Access-Control-Allow-Origin"] = "*"
    else:
        origin = request.META.get("HTTP_ORIGIN")
        if origin in origins:
            response["Access-Control-Allow-Origin"] = origin
        response["Vary"] = ", ".join(filter(None, [response.get("Vary"), "Origin"]))
    response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
    response["Access-Control-Allow-Headers"] = "Accept, If-None-Match, If-Modified-Since"
    response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Retry-After, Link"
    response["Access-Control-Max-Age"] = "86400"


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        read = is_read_request(request)
        if read and request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
            _add_cors(request, response)
            return response
        response = _rate_limited(request) or _too_large(request) or self.get_response(request)
        if read and request.method in READ_METHODS:
            _add_cors(request, response)
        return response
