"""A real site in a real browser: the seeded site served by its own server
process, and Debian's Chromium driven by Playwright (never a browser that
Playwright downloads). Every test here runs at a phone and a desktop width; a
failing test leaves a screenshot in test-results/browser/."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = ROOT / "test-results" / "browser"
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# As the machine's notes advise: without these, Chromium keeps trying to reach
# Google's services, which this closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORTS = {
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
    "desktop": {"viewport": {"width": 1280, "height": 900}},
}
PASSWORD = "browser-test-password"
ACCOUNTS = """
import os
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from states.permissions import EDITORS, REVIEWERS
from wagtail.users.models import UserProfile
User = get_user_model()
password = os.environ["BROWSER_TEST_PASSWORD"]
for language in ("en", "es"):
    for username, group in ((f"state-editor-{language}", EDITORS), (f"state-reviewer-{language}", REVIEWERS)):
        user = User.objects.create_user(username, f"{username}@example.org", password, first_name=username.title())
        user.groups.add(Group.objects.get(name=group))
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
User.objects.create_superuser("site-admin", "site-admin@example.org", password)
"""


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(item.fspath).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.browser_test_failed = report.failed
    return report


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(*args, env, **kwargs):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs)  # noqa: S603


@pytest.fixture(scope="package")
def site_url(tmp_path_factory):
    """The seeded site (both languages), served on loopback by a server of its
    own on a database of its own, with the test settings and database search."""
    work = tmp_path_factory.mktemp("browser-site")
    env = {key: value for key, value in os.environ.items() if not key.startswith("ELASTICSEARCH")}
    env.update(
        DJANGO_SETTINGS_MODULE="peersupport.settings.test",
        DATABASE_URL=f"sqlite:///{work / 'db.sqlite3'}",
        STATIC_ROOT=str(work / "static"),
        TEST_MEDIA_ROOT=str(work / "media"),
    )
    manage("migrate", "--noinput", "-v0", env=env)
    manage("collectstatic", "--noinput", "-v0", env=env)
    manage("seed_content", env=env, stdout=subprocess.DEVNULL)
    manage("shell", "-c", ACCOUNTS, env={**env, "BROWSER_TEST_PASSWORD": PASSWORD}, stdout=subprocess.DEVNULL)
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(work / "server.log", "w"),  # noqa: SIM115
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/robots.txt", timeout=2)  # noqa: S310
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The site's server did not start: see {work / 'server.log'}")
            time.sleep(0.3)
    yield url
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="package")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make system-packages` (Debian's chromium package).")
    # Package scope: Playwright's event loop is gone before the database tests
    # that follow run (Django refuses ORM calls while a loop is running).
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(params=list(VIEWPORTS))
def width(request):
    return request.param


@pytest.fixture
def open_page(request, browser, site_url, width):
    """Opens pages, each in a fresh browser context (its own cookies), at the
    test's width; if the test fails, each page's screen is saved."""
    pages = []

    def open_page():
        context = browser.new_context(base_url=site_url, **VIEWPORTS[width])
        context.set_default_timeout(10_000)
        pages.append(context.new_page())
        return pages[-1]

    yield open_page
    for number, page in enumerate(pages):
        if getattr(request.node, "browser_test_failed", False) and not page.is_closed():
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            name = "".join(c if c.isalnum() or c in "-_" else "_" for c in request.node.name)
            page.screenshot(path=SCREENSHOTS / f"{name}-{number}.png", full_page=True)
        page.context.close()


@pytest.fixture
def page(open_page):
    return open_page()


def sign_in(page, username):
    """The sign-in form is in English until the editor's own language applies."""
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def english_page_id(page, slug):
    listing = page.request.get(f"/api/v2/pages/?slug={slug}&locale=en")
    return listing.json()["items"][0]["id"]


def run_axe(page):
    """axe-core's WCAG 2.2 A and AA rules on the page as it stands; the violations."""
    page.evaluate(AXE_SOURCE.read_text())
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: "tag",
            values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]}})"""
    )
    return [
        {"rule": v["id"], "impact": v["impact"], "where": [node["target"] for node in v["nodes"][:5]]}
        for v in result["violations"]
    ]
