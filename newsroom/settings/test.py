"""Fast, isolated settings for the test suite.

The environment still decides the database (DATABASE_URL) and the cache
(REDIS_URL), so CI can run the same suite against PostgreSQL and Redis.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-" + "k3y" * 20)
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
os.environ.setdefault("NEWSROOM_SITE_URL", "https://news.example.org")

from newsroom.settings.base import *  # noqa: F403
from newsroom.settings.base import CACHES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SECURE_SSL_REDIRECT = False
MEDIA_ROOT = tempfile.mkdtemp(prefix="newsroom-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": MEDIA_ROOT}},
    "originals": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="newsroom-test-originals-"), "base_url": "/admin/originals/"},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = tempfile.mkdtemp(prefix="newsroom-test-static-")
WHITENOISE_USE_FINDERS = True
# Tests run inside a transaction that never commits, so the page cache's on-commit invalidation
# never runs: pages are rendered afresh unless a test turns the cache on (tests/articles/test_cache.py).
NEWSROOM_PAGE_CACHE = False
NEWSROOM_FRAGMENT_CACHE = False
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # Keep test keys apart from anything a developer's server has cached.
    CACHES["default"]["KEY_PREFIX"] = f"newsroom-test-{os.getpid()}"
