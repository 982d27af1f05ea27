"""The seeded site served for real: its own server process on its own database
(test settings, database search), the page cache shared through a Redis of its
own as production's processes share it, and Varnish in front (ops/varnish) as a
CDN would be. The browser tests and the proxy tests visit it; `site.manage`
runs commands against it, as an editor's changes would reach it."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from ops.varnish import running_varnish

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "browser-test-password"
ACCOUNTS = """
import os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from states.permissions import EDITORS, REVIEWERS
from wagtail.users.models import UserProfile
User = get_user_model()
password = os.environ["LIVE_SITE_PASSWORD"]
for language in ("en", "es"):
    for username, group in ((f"state-editor-{language}", EDITORS), (f"state-reviewer-{language}", REVIEWERS)):
        user = User.objects.create_user(username, f"{username}@example.org", password, first_name=username.title())
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
User.objects.create_superuser("site-admin", "site-admin@example.org", password)
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveSite:
    url: str
    proxy_url: str
    env: dict
    work: Path

    def manage(self, *args, env=None, **kwargs):
        return subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *args], cwd=ROOT, env={**self.env, **(env or {})}, check=True, **kwargs
        )

    def run_python(self, code):
        """Runs `code` in a Django shell on the site's database, as a change made
        in another process of the site (a publish from the admin, a scheduled one)."""
        return self.manage("shell", "-v0", "-c", code, capture_output=True, text=True).stdout


def wait_for(url, process, log):
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/robots.txt", timeout=2)  # noqa: S310
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The site's server did not start: see {log}")
            time.sleep(0.3)


def start_redis(port, work):
    if not Path("/usr/bin/redis-server").exists():
        pytest.fail("redis-server is missing: run `make system-packages` (Debian's redis-server package).")
    return subprocess.Popen(  # noqa: S603
        ["/usr/bin/redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=work,
        stdout=open(work / "redis.log", "w"),
    )


@pytest.fixture(scope="session")
def live_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("live-site")
    server_port, proxy_port, redis_port = free_port(), free_port(), free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("ELASTICSEARCH", "REDIS"))}
    env.update(
        DJANGO_SETTINGS_MODULE="peersupport.settings.test",
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        STATIC_ROOT=str(work / "static"),
        TEST_MEDIA_ROOT=str(work / "media"),
        REDIS_URL=f"redis://127.0.0.1:{redis_port}/0",
        FRONTEND_CACHE_URL=f"http://127.0.0.1:{proxy_port}",
        LIVE_SITE_PASSWORD=PASSWORD,
    )
    redis = start_redis(redis_port, work)
    server = None
    try:
        site = LiveSite(f"http://127.0.0.1:{server_port}", f"http://127.0.0.1:{proxy_port}", env, work)
        site.manage("migrate", "--noinput", "-v0")
        site.manage("collectstatic", "--noinput", "-v0")
        # Nothing to purge yet: the proxy starts empty once the site is up.
        site.manage("seed_content", env={"FRONTEND_CACHE_URL": ""}, stdout=subprocess.DEVNULL)
        site.run_python(ACCOUNTS)
        server = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{server_port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(work / "server.log", "w"),  # noqa: SIM115
        )
        wait_for(site.url, server, work / "server.log")
        with running_varnish(proxy_port, server_port):
            yield site
    finally:
        # Also when setting up failed: no server outlives the run.
        for process in filter(None, (server, redis)):
            process.terminate()
            process.wait(timeout=10)
