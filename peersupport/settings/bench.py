"""Settings for benchmarks (make bench-search): a database of their own beside
the development one, DEBUG off, and no indexing on save, so that generating
thousands of pages is fast and the index build is timed on its own."""

import os
import warnings

from .base import *  # noqa: F403

SECRET_KEY = "bench-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DATABASES["default"]["NAME"] = os.environ.get("BENCH_DATABASE", str(BASE_DIR / ".bench" / "bench.sqlite3"))  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
for _backend in WAGTAILSEARCH_BACKENDS.values():  # noqa: F405
    _backend["AUTO_UPDATE"] = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}

# Static files are served from the source folders here; nothing was collected.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
