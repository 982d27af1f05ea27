"""Production settings refuse to start without a secret key and pass `check --deploy`."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What a test run's environment may set (the production-mode run sets them all); each test sets its own.
MACHINE_SETTINGS = {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS"}


def load_settings(module, **env):
    environment = {k: v for k, v in os.environ.items() if k not in MACHINE_SETTINGS}
    environment.update(env, DJANGO_SETTINGS_MODULE=module)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.DATABASES['default']['ENGINE'])"
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_secret_key():
    result = load_settings("peersupport.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_reads_database_from_the_environment():
    result = load_settings(
        "peersupport.settings.production",
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://user:pass@db.internal:5432/peers",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_sqlite_is_the_embedded_default():
    result = load_settings("peersupport.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "django.db.backends.sqlite3"


def test_production_settings_pass_djangos_deployment_checklist():
    environment = {k: v for k, v in os.environ.items() if k not in MACHINE_SETTINGS}
    environment.update(
        DJANGO_SETTINGS_MODULE="peersupport.settings.production",
        SECRET_KEY="a-long-random-value-for-this-check-only-" + "k7Qp2Zx9" * 4,
        ALLOWED_HOSTS="peersupportcareers.example",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_cookies_are_secure_and_hidden_from_scripts_and_the_cache_is_redis():
    code = (
        "import django, json; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_SECURE, "
        "s.CSRF_COOKIE_HTTPONLY, s.CACHES['pages']['BACKEND'], s.CACHES['pages']['LOCATION']]))"
    )
    environment = {k: v for k, v in os.environ.items() if k not in MACHINE_SETTINGS}
    environment.update(
        DJANGO_SETTINGS_MODULE="peersupport.settings.production",
        SECRET_KEY="x" * 50,
        REDIS_URL="redis://cache.internal:6379/2",
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [
        True,
        True,
        True,
        True,
        "django.core.cache.backends.redis.RedisCache",
        "redis://cache.internal:6379/2",
    ]
