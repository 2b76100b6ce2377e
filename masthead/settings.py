"""Masthead settings: one module, every knob an environment variable with a safe default.

The README's settings table lists every variable read here. Nothing else in the code reads
the environment, so this file is the whole story of how an installation is configured.
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from masthead.search.backends import search_backends

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


# The data folder holds what a single-machine install keeps: the SQLite database, uploaded
# media and the generated secret key.
DATA_DIR = Path(os.environ.get("MASTHEAD_DATA_DIR", BASE_DIR / "data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key():
    """Use SECRET_KEY when set; otherwise keep a generated one in the data folder."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "masthead.newsroom",
    "masthead.core",
    "masthead.media",
    "masthead.news",
    "masthead.live",
    "masthead.analytics",
    "masthead.webhooks",
    "masthead.search",
    "masthead.syndication",
    "masthead.api",
    "masthead.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "whitenoise.runserver_nostatic",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, except that a 404 from the API stays a JSON 404 (masthead/api/middleware.py).
    "masthead.api.middleware.LocaleMiddlewareOutsideApi",
    "masthead.core.editions.EditionTimeZoneMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "masthead.urls"
WSGI_APPLICATION = "masthead.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Databases: SQLite in the data folder unless DATABASE_URL names another engine.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'masthead.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while the worker or an editor writes.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every web process), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "masthead"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "masthead",
            # Room for the site's working set: past MAX_ENTRIES local memory evicts a
            # third of its keys at once (site root paths, live documents among them).
            "OPTIONS": {"MAX_ENTRIES": 10_000},
        },
        # Wagtail keeps rendition lookups here when this alias exists: a gallery's photos
        # in three formats and several widths no longer push everything else out.
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "masthead-renditions",
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
    }

AUTH_USER_MODEL = "newsroom.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Editions: one per language, each under its own URL prefix. English is the default.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ar", _("Arabic")), ("es", _("Spanish"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Each edition has its own agenda: a story reaches another edition only when someone
# translates it, never as an automatic alias of the English page (docs/editions.md).
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
# Each edition's date and time formats (masthead/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["masthead.formats"]
USE_I18N = True
USE_TZ = True
# Times are stored in UTC and shown in the edition's time zone: its home page's, or this.
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", DATA_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
# Serve uploaded media from Django itself: right for one machine, switch off behind a
# web server or object storage that serves MEDIA_URL.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# With STATIC_MANIFEST on (the run command sets it before its collectstatic), static files
# get hashed names that WhiteNoise serves with year-long caching. Off by default so tests
# and a bare checkout work without a collectstatic run.
STATIC_MANIFEST = env_bool("STATIC_MANIFEST", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "masthead.core.storage.StaticStorage"
            if STATIC_MANIFEST and not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Tests and `runserver` find static files without a collectstatic run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Production is DEBUG off and secure headers on.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", SECURE_SSL_REDIRECT)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")

# Wagtail
WAGTAIL_SITE_NAME = "Masthead"
WAGTAILADMIN_BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "media.NewsImage"
# Upload limits (docs/images.md). Pillow refuses to decode anything over the pixel limit
# anywhere in the process, not only at upload: masthead.media.uploads applies it at start.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(float(os.environ.get("IMAGE_MAX_UPLOAD_MB", "20")) * 1024**2)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", "64000000"))
WAGTAILIMAGES_IMAGE_FORM_BASE = "masthead.media.uploads.NewsImageForm"
# Modern formats reader pages offer beside the JPEG fallback, if Pillow can encode them.
MASTHEAD_IMAGE_FORMATS = env_list("IMAGE_FORMATS", ["avif", "webp"])
WAGTAILDOCS_EXTENSIONS = ["csv", "json", "pdf", "txt", "xlsx", "zip"]
# Search: the database backend (SQLite FTS5, or PostgreSQL full-text search) unless
# SEARCH_URL names an OpenSearch or Elasticsearch cluster (see masthead/search/backends.py).
WAGTAILSEARCH_BACKENDS = search_backends(
    os.environ.get("SEARCH_URL", ""), timeout=float(os.environ.get("SEARCH_TIMEOUT", "10"))
)
WAGTAIL_ALLOW_UNICODE_SLUGS = True
TAGGIT_CASE_INSENSITIVE = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Newsroom
MASTHEAD_MOST_READ_HOURS = int(os.environ.get("MOST_READ_HOURS", "72"))
MASTHEAD_WORDS_PER_MINUTE = 220
# Origins allowed to read /api/v1/ from a browser ("*": any; the API is public and read-only).
API_CORS_ORIGINS = env_list("API_CORS_ORIGINS", ["*"])
# Seconds between the worker's rounds of scheduled publishing and expiry.
MASTHEAD_WORKER_INTERVAL = float(os.environ.get("WORKER_INTERVAL", "15"))
# Seconds the worker waits for a webhook receiver before counting the delivery as failed.
MASTHEAD_WEBHOOK_TIMEOUT = float(os.environ.get("WEBHOOK_TIMEOUT", "5"))

# The largest video file an editor may upload, in megabytes (masthead.media.video_uploads).
MASTHEAD_VIDEO_MAX_UPLOAD_MB = int(os.environ.get("VIDEO_MAX_UPLOAD_MB", "500"))

# Seconds a headline suggestion answer is cached, by the server and by browsers.
MASTHEAD_SEARCH_SUGGEST_SECONDS = int(os.environ.get("SEARCH_SUGGEST_SECONDS", "300"))
