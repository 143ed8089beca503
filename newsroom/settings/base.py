"""Settings for every environment, read from environment variables.

Local defaults are safe for a laptop demo (DEBUG on only when asked for, a
SQLite file, local-memory cache). With DEBUG off, settings that production
cannot do without are required, and start-up stops with a message naming
the missing one.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django_prose_editor.config import html_tags
from js_asset import static_lazy

from newsroom.env import env_bool, env_float, env_int, env_list, env_pairs, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# --- Core -------------------------------------------------------------------

DEBUG = env_bool("DEBUG", default=False)

_DEV_SECRET_KEY = "dev-only-key-never-used-with-debug-off-" + "x" * 24
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is required when DEBUG is off. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = _DEV_SECRET_KEY
elif not DEBUG and (
    SECRET_KEY == _DEV_SECRET_KEY
    or SECRET_KEY.startswith("django-insecure")
    or SECRET_KEY.lower() in {"change-me", "changeme", "secret", "placeholder"}
    or len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
):
    raise ImproperlyConfigured(
        "SECRET_KEY looks like a placeholder: use a random value of at least 50 characters when DEBUG is off."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is required when DEBUG is off, e.g. ALLOWED_HOSTS=news.example.org")

INSTALLED_APPS = [
    "newsroom.admin_site.NewsroomAdminConfig",  # django.contrib.admin, with the newsroom's own site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "taggit",
    "reversion",
    "django_prose_editor",
    "axes",
    # Two-factor sign-in with an authenticator app (newsroom/two_factor.py).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "ninja",  # the content API's docs page serves its Swagger UI from static files (articles/api/)
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The content API's rate limits, body cap and CORS, above the page cache (articles/api/middleware.py).
    "articles.api.middleware.ApiMiddleware",
    # 304s from the ETag/Last-Modified the page cache stores; then the page cache itself, above
    # sessions and auth so a hit costs no query (articles/reader/cache.py).
    "django.middleware.http.ConditionalGetMiddleware",
    "articles.reader.cache.PageCacheMiddleware",
    # Below the page cache, so a hit never reaches it: a view failing on the database gets a 503.
    "newsroom.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: turns a lockout into the login page with the wait (newsroom/logins.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "articles.reader.context_processors.site",
            ],
        },
    },
]

# --- Data -------------------------------------------------------------------

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while an editor saves; IMMEDIATE avoids
    # "database is locked" when two writers start a transaction together.
    # Connections persist as on PostgreSQL: opening one (reading the schema, the PRAGMAs, Django's
    # SQL functions) cost about 0.7 ms of every request.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's backend, reusing its redis-py client (newsroom/redis_cache.py).
            "BACKEND": "newsroom.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "newsroom"),
            # The cache fails open: short timeouts, then a miss; after a failure no call for
            # REDIS_CIRCUIT_SECONDS. Pages come from the database meanwhile.
            "OPTIONS": {
                "socket_connect_timeout": env_float("REDIS_CONNECT_TIMEOUT", 0.25),
                "socket_timeout": env_float("REDIS_SOCKET_TIMEOUT", 0.25),
                "CIRCUIT_SECONDS": env_float("REDIS_CIRCUIT_SECONDS", 5.0),
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            # Room for the page cache's hot pages (Django's default is 300 entries).
            "OPTIONS": {"MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 5000)},
        }
    }
# Sessions live in the database, never in the cache: a Redis that fails, restarts or evicts keys
# (allkeys-lru) would log the desk out mid-edit. Not signed cookies either: a logout or password
# change must end a session on the server, and the admin keeps more in it than a cookie should.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Full pages for anonymous readers (articles/reader/cache.py); on unless DEBUG, so template edits show at once.
NEWSROOM_PAGE_CACHE = env_bool("NEWSROOM_PAGE_CACHE", default=not DEBUG)
NEWSROOM_PAGE_CACHE_TIMEOUT = env_int("NEWSROOM_PAGE_CACHE_TIMEOUT", 300)
# Pages each process also keeps in its own memory (checked against the shared generation on every
# request, so never stale): a hit then reads a few bytes from Redis rather than the whole page.
NEWSROOM_PAGE_CACHE_LOCAL_ENTRIES = env_int("NEWSROOM_PAGE_CACHE_LOCAL_ENTRIES", 500)
NEWSROOM_PAGE_CACHE_CONTROL = env_str(
    "NEWSROOM_PAGE_CACHE_CONTROL", "public, max-age=60, s-maxage=300, stale-while-revalidate=600"
)
# Rendered story parts and cards kept between renders, dropped by the same keys as pages
# (articles/reader/fragments.py): a miss re-renders only what changed. Like the page cache, it needs
# a cache every app process shares (REDIS_URL) once there is more than one process.
NEWSROOM_FRAGMENT_CACHE = env_bool("NEWSROOM_FRAGMENT_CACHE", default=NEWSROOM_PAGE_CACHE)
# Invalidation by surrogate key (articles/reader/invalidation.py): "keys", or "generation" (the old
# site-wide generation, kept to measure against).
NEWSROOM_PAGE_CACHE_MODE = env_str("NEWSROOM_PAGE_CACHE_MODE", "keys")
# Edge nodes (Varnish) purged by key after each change: comma-separated base URLs, e.g. http://10.0.0.5:6081.
NEWSROOM_EDGE_PURGE_URLS = env_list("NEWSROOM_EDGE_PURGE_URLS")
NEWSROOM_EDGE_PURGE_TIMEOUT = env_float("NEWSROOM_EDGE_PURGE_TIMEOUT", 2.0)
# A purge that failed is retried by reader requests at most this often per process (and by
# manage.py flush_invalidations); pending keys are read from the database at most this often.
NEWSROOM_PURGE_RETRY_SECONDS = env_float("NEWSROOM_PURGE_RETRY_SECONDS", 5.0)
NEWSROOM_PURGE_PENDING_CHECK_SECONDS = env_float("NEWSROOM_PURGE_PENDING_CHECK_SECONDS", 1.0)

# Seconds a 503 asks clients to wait when the database cannot be reached (newsroom/middleware.py).
NEWSROOM_DATABASE_RETRY_AFTER = env_int("NEWSROOM_DATABASE_RETRY_AFTER", 30)

# --- Files ------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# Originals are private: kept outside MEDIA_ROOT and never given a public URL.
ORIGINALS_ROOT = Path(env_str("ORIGINALS_ROOT") or BASE_DIR / "private-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "originals": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": ORIGINALS_ROOT, "base_url": "/admin/originals/"},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Serve MEDIA_URL from this process (a laptop or a benchmark). Off in production,
# where the web server, object storage or a CDN serves renditions.
NEWSROOM_SERVE_MEDIA = env_bool("NEWSROOM_SERVE_MEDIA", default=DEBUG)
NEWSROOM_PHOTO_MAX_BYTES = env_int("NEWSROOM_PHOTO_MAX_BYTES", 25 * 1024 * 1024)
NEWSROOM_PHOTO_MAX_PIXELS = env_int("NEWSROOM_PHOTO_MAX_PIXELS", 50_000_000)
# The usage terms the photo desk picks from ("code=Label", comma-separated); free text can add to them.
NEWSROOM_PHOTO_USAGE_TERMS = [
    tuple(item.split("=", 1))
    for item in env_list(
        "NEWSROOM_PHOTO_USAGE_TERMS",
        [
            "editorial=Editorial use only",
            "all=All uses",
            "restricted=Restricted: see the notes",
            "no-archive=Editorial use; not for the archive",
            "handout=Handout: free for editorial use with credit",
        ],
    )
    if "=" in item
]
# Uploads larger than this go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 200

# --- Time and language ------------------------------------------------------

LANGUAGE_CODE = env_str("LANGUAGE_CODE", "en-gb")
TIME_ZONE = env_str("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True

# --- Security ---------------------------------------------------------------

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
_media_origin = env_str("MEDIA_ORIGIN")  # e.g. https://media.example.org when media is on object storage
if _media_origin:
    SECURE_CSP["img-src"].append(_media_origin)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
if env_bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", default=True)
    CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", default=True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=True)

# django-axes first: it refuses a locked-out account or address before a password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# How many proxies in front of the app append to X-Forwarded-For (login throttling counts by address).
NEWSROOM_TRUSTED_PROXIES = env_int("NEWSROOM_TRUSTED_PROXIES", 0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Logging ----------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
    },
}

# --- Third-party: django-axes (login throttling; newsroom/logins.py) -----------

# Failures count by account and by address separately: either reaching the limit pauses logins.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = env_int("NEWSROOM_LOGIN_FAILURE_LIMIT", 5)
_cool_off_minutes = env_int("NEWSROOM_LOGIN_COOLOFF_MINUTES", 15)
AXES_COOLOFF_TIME = timedelta(minutes=_cool_off_minutes)
# A login that succeeds clears the failures of its account and address, so colleagues behind one
# office address do not add up to a lockout over a morning of typos.
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "newsroom.logins.lockout_response"
AXES_CLIENT_IP_CALLABLE = "newsroom.logins.client_address"
if AXES_FAILURE_LIMIT < 1 or _cool_off_minutes < 1:
    raise ImproperlyConfigured("NEWSROOM_LOGIN_FAILURE_LIMIT and NEWSROOM_LOGIN_COOLOFF_MINUTES must be at least 1.")

# --- Third-party: django-otp (two-factor sign-in; newsroom/two_factor.py) -----

# Off by default; on, chiefs and superusers must turn on two-factor sign-in before using the admin.
NEWSROOM_REQUIRE_2FA = env_bool("NEWSROOM_REQUIRE_2FA", default=False)
# The name authenticator apps show beside the code.
OTP_TOTP_ISSUER = env_str("NEWSROOM_SITE_NAME", "The Port Halden Chronicle")

# --- Third-party: django-taggit ----------------------------------------------

TAGGIT_CASE_INSENSITIVE = True

# --- The newsroom -------------------------------------------------------------

NEWSROOM_SITE_NAME = env_str("NEWSROOM_SITE_NAME", "The Port Halden Chronicle")
# In debug, the local server's own port (PORT, passed through by `make run`) unless the URL is given.
_LOCAL_SITE_URL = f"http://127.0.0.1:{env_int('PORT', 8000)}" if DEBUG else ""
NEWSROOM_SITE_URL = env_str("NEWSROOM_SITE_URL", _LOCAL_SITE_URL).rstrip("/")
if not NEWSROOM_SITE_URL:
    raise ImproperlyConfigured(
        "NEWSROOM_SITE_URL is required when DEBUG is off, e.g. NEWSROOM_SITE_URL=https://news.example.org"
    )
if not NEWSROOM_SITE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured(f"NEWSROOM_SITE_URL must start with https:// (got {NEWSROOM_SITE_URL!r}).")
NEWSROOM_SOCIAL_LINKS = env_pairs(
    "NEWSROOM_SOCIAL_LINKS",
    "Mastodon=https://mastodon.example/@porthalden,"
    "Bluesky=https://bsky.example/profile/porthalden,"
    "Instagram=https://instagram.example/porthalden",
)
NEWSROOM_DEMO_PASSWORD = env_str("NEWSROOM_DEMO_PASSWORD", "newsroom-demo")
NEWSROOM_STORIES_PER_PAGE = env_int("NEWSROOM_STORIES_PER_PAGE", 20)
# Story ids per page of the story sitemap, so at most that many URLs (1 to 50,000; articles/reader/sitemaps.py).
NEWSROOM_SITEMAP_PAGE_SIZE = env_int("NEWSROOM_SITEMAP_PAGE_SIZE", 1000)

# The wire desk (articles/wire/, README "Wire desk"). The folder `ingest_wire --watch` polls (unset: no inbox).
NEWSROOM_WIRE_INBOX = env_str("NEWSROOM_WIRE_INBOX", "")
# Section of a draft made from agency copy, by subject code: "medtop:20000002=culture,subj:15000000=sport".
# The first rule whose code the item carries wins; then NEWSROOM_WIRE_DEFAULT_SECTION (a slug); then the first section.
NEWSROOM_WIRE_SECTION_RULES = env_str("NEWSROOM_WIRE_SECTION_RULES", "")
NEWSROOM_WIRE_DEFAULT_SECTION = env_str("NEWSROOM_WIRE_DEFAULT_SECTION", "")

# --- The content API (articles/api/) ------------------------------------------

# Requests per minute, fixed windows counted in the cache: by address without a token, by token with one.
NEWSROOM_API_ANON_PER_MINUTE = env_int("NEWSROOM_API_ANON_PER_MINUTE", 120)
NEWSROOM_API_TOKEN_PER_MINUTE = env_int("NEWSROOM_API_TOKEN_PER_MINUTE", 600)
# Wrong tokens from one address before that address's token requests pause, and for how long.
NEWSROOM_API_BAD_TOKEN_LIMIT = env_int("NEWSROOM_API_BAD_TOKEN_LIMIT", 10)
NEWSROOM_API_BAD_TOKEN_WINDOW = env_int("NEWSROOM_API_BAD_TOKEN_WINDOW", 15 * 60)
NEWSROOM_API_PAGE_SIZE = env_int("NEWSROOM_API_PAGE_SIZE", 20)
NEWSROOM_API_MAX_PAGE_SIZE = env_int("NEWSROOM_API_MAX_PAGE_SIZE", 100)
# A JSON body larger than this is refused (413) before it is parsed; photo uploads use NEWSROOM_PHOTO_MAX_BYTES.
NEWSROOM_API_MAX_JSON_BYTES = env_int("NEWSROOM_API_MAX_JSON_BYTES", 2 * 1024 * 1024)
# Origins the read API answers with Access-Control-Allow-Origin ("*": any). Write endpoints send no CORS headers.
NEWSROOM_API_CORS_ORIGINS = env_list("NEWSROOM_API_CORS_ORIGINS", ["*"])
# A WebSub hub every feed names and the site pings after a publish, withdrawal or correction (off when empty).
NEWSROOM_WEBSUB_HUB = env_str("NEWSROOM_WEBSUB_HUB", "")
NEWSROOM_WEBSUB_TIMEOUT = env_float("NEWSROOM_WEBSUB_TIMEOUT", 3.0)
NEWSROOM_WEBSUB_ATTEMPTS = env_int("NEWSROOM_WEBSUB_ATTEMPTS", 3)

# --- The story body editor ---------------------------------------------------------------------
# Our own editor extensions (photos placed in the text, paste cleaning), loaded by django-prose-editor
# when a field's extensions name them (Story.BODY_EDITOR_EXTENSIONS). The allowlists say what each adds
# to the editor's own nh3 pass; articles.richtext.sanitize is the site's rule on save.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("articles/admin/body_editor.js")],
        "extensions": {
            "PhotoFigure": html_tags(["figure", "figcaption"], {"figure": ["data-photo"]}),
            "NewsroomPaste": html_tags([]),
        },
    }
]
