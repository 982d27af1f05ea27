"""A real site in a real browser: the seeded site served for real
(tests/live_site.py), and Debian's Chromium driven by Playwright (never a browser that
Playwright downloads). Every test here runs at a phone and a desktop width; a
failing test leaves a screenshot in test-results/browser/."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.live_site import PASSWORD

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


@pytest.fixture(scope="package")
def site_url(live_site):
    return live_site.url


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
