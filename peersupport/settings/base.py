"""Settings shared by every environment.

Anything that differs between machines is read from the environment; the
defaults here are the embedded ones (SQLite, database search, local memory
cache) so that `make run` works on a fresh machine with no services.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from .search import search_backends

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "home",
    "careers",
    "states",
    "search",
    "planning",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail",
    "wagtail.api.v2",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    # First: a cached page is answered before any other work; it was stored
    # with every header the middleware below added (no nonces to go stale).
    "core.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "core.middleware.AdminScriptPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its answer.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "peersupport.urls"

# Security headers on every response, in every environment (HSTS and secure
# cookies are production's: they need HTTPS). Scripts only from our own files;
# inline styles stay allowed for the charts' computed bar widths.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Nothing on the site needs a device feature; say so, for pages and any frame.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "peersupport.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        # A kept connection is checked before each request reuses it, so the site
        # reconnects by itself after the database restarts.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "peersupport",
    },
    # Whole public pages for anonymous visitors (core.page_cache).
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "peersupport-pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    # This process's own copies of the pages it served, in front of "pages".
    "pages-local": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "peersupport-pages-local",
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}


def redis_cache(url, alias):
    """The page cache handles a Redis outage itself (core.page_cache: it serves
    uncached and says so). Everything else that caches (Wagtail's site lookup,
    the search fallback's timer) goes through django-redis, which treats an
    unreachable Redis as an empty cache instead of failing the request."""
    timeouts = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}
    if alias == "pages":
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": alias,
            # A Redis that stops answering costs a request this long at most.
            "OPTIONS": timeouts,
        }
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": alias,
        "OPTIONS": {"IGNORE_EXCEPTIONS": True, "CONNECTION_POOL_KWARGS": timeouts},
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True


# PAGE_CACHE=off serves every page freshly made (benchmarks compare both).
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE", "on").lower() != "off"
# How long a page stays in the page cache; publishing clears it sooner.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))

# Repeated failed logins from one address for one username lock that pair out
# for a while (django-axes); the login page says so and for how long. Locking
# by the pair means a stranger guessing cannot lock an editor out everywhere.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.views.login_locked_out"
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: public pages live under /<lang>/. English is the source
# language; Spanish pages are translations of it, made and kept in step with
# wagtail-localize. Language names are written in their own language, as a
# visitor looking for their language expects to read them.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["core.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected-static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Peer Support Careers"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# ELASTICSEARCH_URL: one or more node URLs, comma-separated; unset means the
# embedded database search.
ELASTICSEARCH_URLS = env_list("ELASTICSEARCH_URL")
WAGTAILSEARCH_BACKENDS = search_backends(
    ELASTICSEARCH_URLS,
    index_prefix=os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "peersupport_"),
    timeout=float(os.environ.get("ELASTICSEARCH_TIMEOUT", "2")),
)
# After a failed Elasticsearch request, search answers from the database for
# this many seconds before trying Elasticsearch again.
SEARCH_FALLBACK_SECONDS = int(os.environ.get("SEARCH_FALLBACK_SECONDS", "30"))
WAGTAILDOCS_EXTENSIONS = ["csv", "pdf", "txt"]
# Documents here are guides and forms; a larger upload is a mistake or an attack.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

# Public pages are cached by shared caches (a CDN) for this long, and may be
# served stale for a while when the origin is slow or down.
CACHE_CONTROL_S_MAXAGE = int(os.environ.get("CACHE_CONTROL_S_MAXAGE", "600"))
CACHE_CONTROL_STALE_WHILE_REVALIDATE = int(os.environ.get("CACHE_CONTROL_STALE_WHILE_REVALIDATE", "86400"))
# FRONTEND_CACHE_URL: the caching proxy in front of the site (Varnish, see
# ops/varnish/site.vcl), told by Wagtail's frontend-cache invalidation to drop
# what it keeps whenever published content changes (core.proxy_cache).
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": FRONTEND_CACHE_URL}
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # A line per background task or page save is noise in development and in logs.
    "loggers": {
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # One line per request to Elasticsearch otherwise.
        "elastic_transport": {"level": "WARNING"},
    },
}

# A state page whose requirements were last checked longer ago than this is
# listed as overdue for re-verification in the admin.
STATE_VERIFICATION_MAX_AGE_DAYS = int(os.environ.get("STATE_VERIFICATION_MAX_AGE_DAYS", "180"))
