"""The API's one NinjaAPI instance (mounted at /api/v1/ in newsroom/urls.py) and its error answers.

django-ninja generates the OpenAPI 3.1 document (/api/v1/openapi.json) from the view signatures
and pydantic schemas, and the docs page (/api/v1/docs) from it, served from static files.
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation, ValidationError
from django.db.utils import InterfaceError, OperationalError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from articles.api import read, write
from articles.api.problems import ApiProblem, from_problem, problem_response

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="Newsroom content API",
    version="1.0.0",
    description="Live stories, sections, authors, tags, photos and corrections to read (no login), and a desk "
    "API to write drafts, upload photos and run the workflow with a Bearer token made in the admin. "
    "Errors are RFC 9457 problem details.",
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
)
api.add_router("/", read.router)
api.add_router("/desk/", write.router)


def _where(error: dict) -> str:
    return ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "payload"))


@api.exception_handler(ApiProblem)
def on_problem(request, exc: ApiProblem):
    return from_problem(exc)


@api.exception_handler(NinjaValidationError)
def on_invalid_request(request, exc: NinjaValidationError):
    errors = [{"field": _where(error), "message": error.get("msg", "is not valid")} for error in exc.errors]
    detail = "; ".join(f"{e['field'] or 'request'}: {e['message']}" for e in errors[:5])
    return problem_response(422, f"The request is not valid. {detail}", errors=errors)


@api.exception_handler(AuthenticationError)
def on_no_token(request, exc: AuthenticationError):
    return problem_response(
        401,
        "Send Authorization: Bearer <token> with an API token made in the admin (your name › API tokens).",
        headers={"WWW-Authenticate": "Bearer"},
    )


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return problem_response(exc.status_code, str(exc))


@api.exception_handler(PermissionDenied)
def on_forbidden(request, exc: PermissionDenied):
    return problem_response(403, str(exc) or "You do not have permission to do that.")


@api.exception_handler(ValidationError)
def on_refused(request, exc: ValidationError):
    errors = exc.message_dict if hasattr(exc, "error_dict") else None
    return problem_response(422, " ".join(exc.messages), errors=errors)


@api.exception_handler(Http404)
def on_not_found(request, exc: Http404):
    return problem_response(404, "There is nothing at this address.")


@api.exception_handler(RequestDataTooBig)
def on_too_big(request, exc: RequestDataTooBig):
    return problem_response(413, "The request body is larger than the API accepts.")


@api.exception_handler(SuspiciousOperation)
def on_suspicious(request, exc: SuspiciousOperation):
    return problem_response(400, "The request could not be read.")


def on_database_unavailable(request, exc: OperationalError | InterfaceError):
    # As the site's pages do (newsroom/middleware.py): a 503 to retry, one line in the log, no traceback.
    logging.getLogger("newsroom.database").error(
        "Database unavailable, answered 503 to %s %s: %s: %s",
        request.method,
        request.path,
        type(exc).__name__,
        str(exc).strip(),
    )
    return problem_response(
        503,
        "The database cannot be reached just now. Please try again shortly.",
        headers={"Retry-After": str(settings.NEWSROOM_DATABASE_RETRY_AFTER)},
    )


# Not for every DatabaseError: an IntegrityError, say, is a bug (500), not an outage.
api.add_exception_handler(OperationalError, on_database_unavailable)
api.add_exception_handler(InterfaceError, on_database_unavailable)


@api.exception_handler(Exception)
def on_failure(request, exc: Exception):
    logger.exception("API request failed: %s %s", request.method, request.path)
    return problem_response(500, "Something went wrong on our side; it has been logged. Please try again.")
