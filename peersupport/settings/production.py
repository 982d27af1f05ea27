"""Production: every machine-specific value comes from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Neither cookie is for scripts: the admin sends its CSRF token from the page.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# HTTPS only, remembered by browsers for a year; a deployment still testing
# its certificate can shorten it with SECURE_HSTS_SECONDS.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "true").lower() == "true"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "true").lower() == "true"
# Behind a proxy that already redirects to HTTPS, set SECURE_SSL_REDIRECT=false.
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"

# REDIS_URL (redis://host:port/db): the cache, and the page cache, shared by
# every process. Without it each process keeps its own in memory.
REDIS_URL = os.environ.get("REDIS_URL")
if REDIS_URL:
    shared = {alias: redis_cache(REDIS_URL, alias) for alias in ("default", "pages")}  # noqa: F405
    # Each process's own copies of pages stay in its own memory.
    CACHES = shared | {"pages-local": CACHES["pages-local"]}  # noqa: F405
