"""Settings for the test suite: fast hashing, no network, no manifest."""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", "/tmp/peersupport-test-media"))  # noqa: F405, S108
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    # Real, so every test goes through the page cache as visitors do (emptied between tests).
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-pages"},
    "pages-local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-pages-local"},
}
# The site the browser and proxy tests serve shares its page cache between its
# server and the commands that publish, as production's processes share theirs.
if os.environ.get("REDIS_URL"):
    CACHES["pages"] = redis_cache(os.environ["REDIS_URL"], "pages")  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
