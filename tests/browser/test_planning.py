"""The planning tools (issue 8) in Chromium, in both languages: "my path to
certification" and "moving to another state". Each test runs at the one width
where what it checks matters most (the keyboard at a desktop, the rest on a
phone, printing on paper), to keep the suite's time down.
They work as plain HTML forms without JavaScript, give a link to share only
when the visitor asks for one, print on one page, and suit phones, the
keyboard and screen readers."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS, VIEWPORTS, run_axe

LANGUAGES = ["en", "es"]
TOOLS = ["path", "moving"]
# The first question of each tool, where the keyboard enters the form.
FIRST_FIELD = {"path": "id_state", "moving": "id_from_state"}
# What an empty submission leaves unanswered (the other questions have a default).
REQUIRED = {"path": ["state", "education", "lived_experience"], "moving": ["from_state", "to_state"]}
SUBMIT = "form.planner-form button[type=submit]"
# A browser's print dialog leaves a margin round the page (Chromium's "Default"
# is about 1 cm); Playwright's pdf() leaves none unless told.
PRINT_MARGINS = dict.fromkeys(("top", "right", "bottom", "left"), "0.4in")


@pytest.fixture
def page_without_js(request, browser, site_url, width):
    """A page in a fresh browser context with JavaScript off, at the test's
    width; if the test fails, its screen is saved, as conftest's pages are."""
    context = browser.new_context(base_url=site_url, java_script_enabled=False, **VIEWPORTS[width])
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    if getattr(request.node, "browser_test_failed", False) and not page.is_closed():
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in request.node.name)
        page.screenshot(path=SCREENSHOTS / f"{name}-0.png", full_page=True)
    context.close()


def answer(page, tool, every_step=False):
    """Answers for Texas, with the mouse. `every_step`: answers that leave every
    step of the path still to do (the longest checklist)."""
    if tool == "path":
        page.locator("#id_state").select_option("TX")
        if every_step:
            page.locator("#id_education_0").check()
            page.locator("#id_lived_experience_1").check()
            page.locator("#id_credential_2").check()
        else:
            page.locator("#id_education_1").check()
            page.locator("#id_lived_experience_0").check()
    else:
        page.locator("#id_from_state").select_option("FL")
        page.locator("#id_to_state").select_option("TX")


def result_page(page, lang, tool, every_step=False):
    page.goto(f"/{lang}/plan/{tool}/")
    answer(page, tool, every_step)
    page.locator(SUBMIT).click()
    expect(page.locator("section.plan li.step").first).to_be_visible()
    page.wait_for_load_state()  # its stylesheets too, before it is measured or printed


def error_page(page, lang, tool):
    page.goto(f"/{lang}/plan/{tool}/")
    page.locator(SUBMIT).click()
    expect(page.locator("#error-summary")).to_be_visible()


def steps_shown(page):
    """Each step of the checklist as (its rule, its status)."""
    return page.locator("section.plan li.step").evaluate_all(
        "steps => steps.map(step => [step.dataset.rule, step.className])"
    )


def expect_checklist(page, lang, tool):
    plan = page.locator("section.plan")
    expect(plan.get_by_role("heading", level=2).first).to_contain_text("Texas")
    rules = [rule for rule, _status in steps_shown(page)]
    assert {"training", "supervised", "apply"} <= set(rules)
    if tool == "path":
        for figure in ("cost", "hours", "keeping"):
            expect(plan.locator(f"section.estimate dd[data-figure={figure}]")).to_have_text(re.compile(r"\S"))
    else:
        expect(plan.locator("p.route")).to_have_text(re.compile(r"\S"))
        expect(plan.locator("p.start-when")).to_have_text(re.compile(r"\S"))
        expect(plan.locator("table.differences tbody tr").first).to_be_visible()
    # The answers went by POST: nothing of them is in the address.
    expect(page).to_have_url(re.compile(f"/{lang}/plan/{tool}/$"))


def tab_until(page, selector, limit=60):
    """Presses Tab until the focused element matches `selector`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement !== null && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"{selector} was not reached with the Tab key")


# 1. Without JavaScript


@pytest.mark.parametrize("width", ["phone"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tool", TOOLS)
def test_without_javascript_the_form_gives_the_checklist(page_without_js, lang, tool):
    page = page_without_js
    result_page(page, lang, tool)
    expect_checklist(page, lang, tool)
    # What only the script makes work stays hidden.
    expect(page.locator(".print-button")).to_be_hidden()
    expect(page.locator(".clear-answers")).to_be_hidden()


@pytest.mark.parametrize("width", ["phone"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tool", TOOLS)
def test_without_javascript_an_empty_form_shows_the_error_summary(page_without_js, lang, tool):
    page = page_without_js
    error_page(page, lang, tool)
    summary = page.locator("#error-summary")
    expect(summary).to_have_attribute("role", "alert")
    expect(summary.get_by_role("heading")).to_have_text(re.compile(r"\S"))
    links = summary.get_by_role("link")
    expect(links).to_have_count(len(REQUIRED[tool]))
    for name, link in zip(REQUIRED[tool], links.all(), strict=True):
        target = link.get_attribute("href")
        assert target.startswith("#")
        field = page.locator(f"form.planner-form {target}")
        expect(field).to_have_count(1)
        # The link leads to this question, which shows the same message.
        assert field.evaluate(
            "(element, name) => element.name === name || element.querySelector(`[name='${name}']`) !== null", name
        )
        expect(page.locator("form.planner-form .has-error").filter(has_text=link.inner_text())).to_have_count(1)


# 2. With JavaScript, the keyboard only


@pytest.mark.parametrize("width", ["desktop"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tool", TOOLS)
def test_the_form_with_the_keyboard_only(page, lang, tool):
    page.goto(f"/{lang}/plan/{tool}/")
    tab_until(page, f"#{FIRST_FIELD[tool]}")
    if tool == "path":
        page.keyboard.type("Texas")  # a closed list picks the option typed
        page.keyboard.press("Tab")  # to the first schooling choice
        page.keyboard.press("Space")
        page.keyboard.press("ArrowDown")  # a high school diploma
        page.keyboard.press("Tab")  # to the first lived experience answer
        page.keyboard.press("Space")  # yes
        page.keyboard.press("Tab")  # training hours
        page.keyboard.type("20")
    else:
        page.keyboard.type("Florida")
        page.keyboard.press("Tab")  # the credential, left as "not listed"
        page.keyboard.press("Tab")
        page.keyboard.type("Texas")
        page.keyboard.press("Tab")  # hours a week
    page.keyboard.press("Enter")  # submits the form from a text box
    expect(page.locator("section.plan li.step").first).to_be_visible()
    expect_checklist(page, lang, tool)
    if tool == "path":
        expect(page.locator("#id_training_done")).to_have_value("20")


@pytest.mark.parametrize("width", ["desktop"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tool", TOOLS)
def test_after_an_invalid_submit_the_keyboard_lands_on_the_error_summary(page, lang, tool):
    """The summary is announced, and the next Tab reaches its first link, not the site's header."""
    page.goto(f"/{lang}/plan/{tool}/")
    tab_until(page, SUBMIT)
    page.keyboard.press("Enter")
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link")).to_have_count(len(REQUIRED[tool]))
    # Focus moves on load or not at all: no need to wait for it.
    expect(summary).to_be_focused(timeout=1_000)
    page.keyboard.press("Tab")
    expect(summary.get_by_role("link").first).to_be_focused()


@pytest.mark.parametrize("width", ["desktop"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tool", TOOLS)
def test_each_error_link_moves_focus_to_its_question(page, lang, tool):
    error_page(page, lang, tool)
    links = page.get_by_role("alert").get_by_role("link")
    expect(links).to_have_count(len(REQUIRED[tool]))
    missed = []
    for name, link in zip(REQUIRED[tool], links.all(), strict=True):
        link.focus()
        page.keyboard.press("Enter")
        focused = page.evaluate(
            """() => { const e = document.activeElement;
                return e && e.matches("input, select, textarea") ? e.name : (e && e.tagName); }"""
        )
        if focused != name:
            missed.append((link.get_attribute("href"), f"focus on {focused}"))
    assert missed == []


# 3. A link to share, only on request (at a phone's width: it works the same at any)


@pytest.mark.parametrize("width", ["phone"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tool", TOOLS)
def test_a_link_to_share_exists_only_when_asked_for(open_page, site_url, lang, tool):
    page = open_page()
    result_page(page, lang, tool)
    expect(page.locator("#share-link")).to_have_count(0)
    assert "TX" not in page.url
    assert "TX" not in "".join(page.locator("a").evaluate_all("links => links.map(a => a.href)"))

    page.locator("section.share button[name=share]").click()
    share = page.locator("#share-link")
    expect(share).to_be_visible()
    link = share.input_value()
    address, _, answers = link.partition("#")
    assert address == f"{site_url}/{lang}/plan/{tool}/"
    assert parse_qs(answers)[FIRST_FIELD[tool].removeprefix("id_")] == ["TX" if tool == "path" else "FL"]
    steps = steps_shown(page)

    other = open_page()
    other.goto(link)
    expect(other.locator("section.plan li.step").first).to_be_visible()
    assert steps_shown(other) == steps
    expect(other.locator(f"#{FIRST_FIELD[tool]}")).to_have_value("TX" if tool == "path" else "FL")
    # The answers are gone from the address bar, and no new link was made.
    assert urlsplit(other.url).fragment == ""
    expect(other).to_have_url(f"{site_url}/{lang}/plan/{tool}/")
    expect(other.locator("#share-link")).to_have_count(0)


# 4. Print (on paper, whatever the screen's width)


@pytest.mark.parametrize("width", ["desktop"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tool", TOOLS)
def test_the_plan_prints_on_one_page(page, lang, tool):
    result_page(page, lang, tool, every_step=True)
    steps = page.locator("section.plan li.step")
    count = steps.count()
    page.emulate_media(media="print")
    for part in ("form.planner-form", "header.site-header", "footer.site-footer", "section.share"):
        expect(page.locator(part)).to_be_hidden()
    expect(page.locator("section.plan")).to_be_visible()
    expect(steps).to_have_count(count)
    for step in steps.all():
        expect(step).to_be_visible()
    if tool == "path":
        expect(page.locator("section.estimate")).to_be_visible()
    pdf = page.pdf(format="Letter", margin=PRINT_MARGINS)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


@pytest.mark.parametrize("width", ["desktop"])
@pytest.mark.parametrize("tool", TOOLS)
def test_printed_steps_name_their_sources_without_spelling_out_addresses(page, tool):
    """The site prints a link's address after it; a step names its source's host instead."""
    result_page(page, "en", tool, every_step=True)
    page.emulate_media(media="print")
    spelled_out = page.locator("section.plan .step-links a").evaluate_all(
        """links => links.map(a => getComputedStyle(a, "::after").content)
            .filter(content => !["none", "normal", '""'].includes(content))"""
    )
    assert spelled_out == []


# 5. axe-core


@pytest.mark.parametrize("width", ["phone"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tool", TOOLS)
@pytest.mark.parametrize("state", ["empty form", "result", "errors"])
def test_the_tools_have_no_violations(page, state, tool, lang):
    if state == "empty form":
        page.goto(f"/{lang}/plan/{tool}/")
    elif state == "result":
        result_page(page, lang, tool)
    else:
        error_page(page, lang, tool)
    assert run_axe(page) == []


# 6. Phones


@pytest.mark.parametrize("width", ["phone"])
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("tool", TOOLS)
def test_on_a_phone_nothing_scrolls_sideways(page, lang, tool):
    result_page(page, lang, tool, every_step=True)
    page.locator("section.share button[name=share]").click()
    expect(page.locator("#share-link")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", ["phone"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_on_a_phone_each_choice_is_easy_to_tap(page, lang):
    page.goto(f"/{lang}/plan/path/")
    choices = page.locator("form.planner-form label.choice")
    expect(choices.first).to_be_visible()
    too_small = []
    for choice in choices.all():
        box = choice.bounding_box()
        if box["height"] < 24 or box["width"] < 24:
            too_small.append((choice.inner_text(), box["width"], box["height"]))
    assert too_small == []
    # The whole label is the target: tapping its words picks the choice.
    last = choices.last
    last.tap(position={"x": last.bounding_box()["width"] - 4, "y": 4})
    expect(last.locator("input")).to_be_checked()
