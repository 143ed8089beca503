"""The site's URLs plus /__bench/floor/: the story page's bytes, read once, returned from memory."""

import os
from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns


@cache
def _floor_bytes() -> bytes:
    return Path(os.environ["NEWSROOM_BENCH_FLOOR_FILE"]).read_bytes()


def floor(request):
    return HttpResponse(_floor_bytes(), content_type="text/html; charset=utf-8")


urlpatterns = [path("__bench/floor/", floor), *site_urlpatterns]
