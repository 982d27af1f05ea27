"""What visitors and editors do, done in Chromium at a phone and a desktop
width, in both languages."""

import random
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import english_page_id, sign_in

LANGUAGES = ["en", "es"]
INTERFACE = {
    "en": {"main": "Main", "language": "Language", "search": "Search the site", "compare": "Compare"},
    "es": {"main": "Principal", "language": "Idioma", "search": "Buscar en el sitio", "compare": "Comparar"},
}
OTHER = {"en": "es", "es": "en"}
THREE_STATES = {"en": ["Florida", "Pennsylvania", "Texas"], "es": ["Florida", "Pensilvania", "Texas"]}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_state_is_two_clicks_from_the_home_page(page, lang):
    page.goto(f"/{lang}/")
    page.get_by_role("navigation", name=INTERFACE[lang]["main"]).locator('a[href$="/states/"]').click()
    page.locator("main").get_by_role("link", name="Texas", exact=True).first.click()
    expect(page).to_have_url(re.compile(f"/{lang}/states/texas/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Texas")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_three_states_side_by_side(page, lang):
    page.goto(f"/{lang}/states/compare/")
    for state in THREE_STATES[lang]:
        page.get_by_role("checkbox", name=state, exact=True).check()
    page.get_by_role("button", name=INTERFACE[lang]["compare"], exact=True).click()
    table = page.get_by_role("table")
    expect(table.locator("thead th")).to_have_text([re.compile(".+"), *THREE_STATES[lang]])
    expect(table.locator("tbody tr").first).to_be_visible()


def tab_to(page, element_id, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    pytest.fail(f"#{element_id} was not reached with the Tab key")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_suggestions_with_the_keyboard_only(page, lang):
    page.goto(f"/{lang}/")
    tab_to(page, "site-search-q")
    page.keyboard.type("texas")
    box = page.get_by_role("combobox", name=INTERFACE[lang]["search"])
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    highlighted = page.locator(f"#{active}")
    expect(highlighted).to_have_attribute("aria-selected", "true")
    expect(highlighted).to_contain_text("Texas")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/{lang}/states/texas/$"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_switching_language_on_a_state_page_lands_on_its_twin(page, lang):
    page.goto(f"/{lang}/states/texas/")
    page.get_by_role("navigation", name=INTERFACE[lang]["language"]).get_by_role("link").click()
    other = OTHER[lang]
    expect(page).to_have_url(re.compile(f"/{other}/states/texas/$"))
    expect(page.locator("html")).to_have_attribute("lang", other)
    expect(page.get_by_role("heading", level=1)).to_have_text("Texas")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_copying_a_section_link_gives_an_address_that_opens_that_section(page, lang):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(f"/{lang}/states/texas/")
    link = page.locator("section.requirement a.anchor-link").nth(1)
    section_id = link.get_attribute("href").lstrip("#")
    link.click()
    expect(page.get_by_role("status").filter(has_text=re.compile("."))).to_have_count(1)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(f"/{lang}/states/texas/#{section_id}")

    other = page.context.new_page()
    other.goto(copied)
    assert other.evaluate("document.querySelector(':target') && document.querySelector(':target').id") == section_id
    expect(other.locator(f"#{section_id}")).to_be_in_viewport()


# The admin in each editor's language (Wagtail's own Spanish catalogue).
ADMIN = {
    "en": {"more": "More actions", "submit": "^Submit to ", "approve": "^Approve", "updated": "has been updated"},
    "es": {"more": "Más acciones", "submit": "^Enviar a ", "approve": "^Aprobar", "updated": "ha sido actualizada"},
}


def choose_action(admin_page, lang, action):
    """Press an action from the edit view's footer menu (Wagtail shows one, the rest behind a toggle)."""
    footer = admin_page.locator("footer")
    footer.get_by_role("button", name=ADMIN[lang]["more"]).click()
    footer.get_by_role("button", name=re.compile(ADMIN[lang][action])).first.click()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_edit_reaches_the_public_page_after_review(open_page, lang):
    hours = random.randint(1000, 9999)  # noqa: S311  (a value no state page shows)
    editor = open_page()
    page_id = english_page_id(editor, "texas")
    sign_in(editor, f"state-editor-{lang}")
    editor.goto(f"/admin/pages/{page_id}/edit/")
    expect(editor.locator("html")).to_have_attribute("lang", lang)
    editor.get_by_label("Training hours").fill(str(hours))
    choose_action(editor, lang, "submit")
    expect(editor.locator(".messages")).to_contain_text("Texas")

    visitor = open_page()
    visitor.goto("/en/states/texas/")
    expect(visitor.locator("main")).not_to_contain_text(f"{hours:,}")

    reviewer = open_page()
    sign_in(reviewer, f"state-reviewer-{lang}")
    reviewer.goto(f"/admin/pages/{page_id}/edit/")
    choose_action(reviewer, lang, "approve")
    expect(reviewer.locator(".messages")).to_contain_text(ADMIN[lang]["updated"])

    visitor.goto("/en/states/texas/")
    expect(visitor.locator("main")).to_contain_text(f"{hours:,}")
