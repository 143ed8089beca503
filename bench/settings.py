"""The production settings, plus the benchmark's floor: a bare view serving the story page's bytes.

Only bench/run.py uses this module (DJANGO_SETTINGS_MODULE=bench.settings); the site never does.
"""

from newsroom.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The floor measures Django without the page cache, so the cache must not answer for it.
NEWSROOM_PAGE_CACHE_SKIP_PATHS = ("/__bench/",)
