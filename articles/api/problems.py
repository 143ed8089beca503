"""Errors as RFC 9457 problem details: application/problem+json with type, title, status and detail."""

import json

from django.http import HttpResponse

PROBLEM_TYPE = "about:blank"

TITLES = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    412: "Precondition failed",
    413: "Content too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    428: "Precondition required",
    429: "Too many requests",
    500: "Internal server error",
    503: "Service unavailable",
}


class ApiProblem(Exception):
    """Raised anywhere in the API; the handler in articles/api/urls.py answers with problem details."""

    def __init__(self, status: int, detail: str, *, errors: dict | None = None, headers: dict | None = None):
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}


def problem_response(
    status: int, detail: str, *, errors: dict | None = None, headers: dict | None = None
) -> HttpResponse:
    body = {"type": PROBLEM_TYPE, "title": TITLES.get(status, "Error"), "status": status, "detail": detail}
    if errors:
        body["errors"] = errors
    response = HttpResponse(json.dumps(body), status=status, content_type="application/problem+json")
    response["Cache-Control"] = "no-store"
    for name, value in (headers or {}).items():
        response[name] = value
    return response


def from_problem(problem: ApiProblem) -> HttpResponse:
    return problem_response(problem.status, problem.detail, errors=problem.errors, headers=problem.headers)
