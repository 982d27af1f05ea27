"""The test suite on production settings, as `make test` runs it a second time.

Everything production has stays: DEBUG off, PostgreSQL from DATABASE_URL, Redis
from REDIS_URL for the cache and the page cache, hashed and compressed static
files (collected first), secure cookies, HSTS. Only what a test run needs
differs: a fast password hash, mail kept in memory, tasks run at once, media
in a scratch folder, and plain HTTP (the test client speaks it; in production
the proxy in front terminates TLS)."""

import os

from .production import *  # noqa: F403

if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured("The production-mode test run needs REDIS_URL: run it with `make test`.")  # noqa: F405
if not DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    raise ImproperlyConfigured("The production-mode test run needs DATABASE_URL=postgres://…: run it with `make test`.")  # noqa: F405

SECURE_SSL_REDIRECT = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", "/tmp/peersupport-test-media"))  # noqa: F405, S108
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
