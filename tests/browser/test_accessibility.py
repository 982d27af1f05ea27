"""axe-core finds no WCAG 2.2 A or AA violation on any kind of page, in
either language, at a phone or a desktop width, nor in the admin's state
page editor."""

import pytest

from tests.browser.conftest import english_page_id, run_axe, sign_in

PUBLIC_PAGES = {
    "home": "/{lang}/",
    "what peer support is": "/{lang}/what-is-peer-support/",
    "career ladder": "/{lang}/career-ladder/",
    "career stage": "/{lang}/career-ladder/entry-level/",
    "skill index": "/{lang}/skills/",
    "skill guide": "/{lang}/skills/active-listening/",
    "how to become one": "/{lang}/become-a-peer-support-worker/",
    "state index": "/{lang}/states/",
    "state index, map coloured by training hours": "/{lang}/states/?colour=training_hours#map",
    "state page": "/{lang}/states/texas/",
    "state page, many values not yet verified": "/{lang}/states/louisiana/",
    "compare": "/{lang}/states/compare/?states=fl&states=tx&states=pa",
    "compare, nothing chosen": "/{lang}/states/compare/",
    "search results": "/{lang}/search/?q=training+hours",
    "search, no results": "/{lang}/search/?q=zzzqqq",
    "not found": "/{lang}/no-such-page/",
    "unknown state short link": "/states/zz/?lang={lang}",
    "embed card": "/states/tx/embed/?lang={lang}",
    "report outdated information": "/states/tx/report/?lang={lang}",
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("kind", list(PUBLIC_PAGES))
def test_public_pages_have_no_violations(page, kind, lang):
    page.goto(PUBLIC_PAGES[kind].format(lang=lang))
    assert run_axe(page) == []


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_state_page_editor_has_no_violations(page, lang):
    sign_in(page, f"state-editor-{lang}")
    page.goto(f"/admin/pages/{english_page_id(page, 'texas')}/edit/")
    assert page.locator("html").get_attribute("lang") == lang
    assert run_axe(page) == []
