"""Building the read API's answers: JSON validated against its schema, with the reader pages' cache headers.

Every read answer carries a strong ETag (a digest of its bytes) and, where it shows stories, a
Last-Modified; ConditionalGetMiddleware turns a matching If-None-Match or If-Modified-Since into a
304. Cache-Control is the reader pages' (NEWSROOM_PAGE_CACHE_CONTROL), and the surrogate keys name
what the answer shows.
"""

import hashlib
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils.http import http_date, quote_etag

from articles.api.keys import set_surrogate_keys


def json_bytes(data) -> bytes:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":")).encode()


def read_answer(data, *, schema=None, keys=(), last_modified=None, content_type="application/json") -> HttpResponse:
    if schema is not None:
        data = schema.model_validate(data).model_dump(mode="json")
    content = json_bytes(data)
    response = HttpResponse(content, content_type=content_type)
    response["ETag"] = quote_etag(hashlib.sha256(content).hexdigest()[:32])
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified.timestamp())
    response["Cache-Control"] = settings.NEWSROOM_PAGE_CACHE_CONTROL
    set_surrogate_keys(response, keys)
    return response


def latest(moments):
    found = [moment for moment in moments if moment is not None]
    return max(found) if found else None
