"""Atom feeds of requirement changes, per state and for all states."""

import datetime

from defusedxml import ElementTree as ET

from states.models import RequirementChange, StatePage
from tests.html import parse

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content).findall(f"{ATOM}entry")


def test_state_feed_lists_its_changes_newest_first(client, seeded):
    texas = StatePage.objects.get(code="TX", locale__language_code="en")
    RequirementChange.objects.create(
        page=texas, locale=texas.locale, changed_on=datetime.date(2026, 12, 1), summary="Renewal now needs 24 hours."
    )
    items = entries(client.get("/states/tx/changes.atom"))
    assert items[0].find(f"{ATOM}title").text == "Texas: Renewal now needs 24 hours."
    assert len(items) == 2
    link = items[0].find(f"{ATOM}link").get("href")
    assert link == "http://testserver/en/states/texas/#what-changed"


def test_all_states_feed_and_unpublished_states_left_out(client, seeded):
    assert len(entries(client.get("/states/changes.atom"))) == 50  # one per state, capped at 50
    StatePage.objects.get(code="TX", locale__language_code="en").unpublish()
    assert client.get("/states/tx/changes.atom").status_code == 404


def test_state_page_links_its_feed_visibly_and_in_the_head(client, seeded):
    page = parse(client.get("/en/states/texas/"))
    assert page.find("link", rel="alternate", type="application/atom+xml")["href"] == "/states/tx/changes.atom"
    assert page.find("a", href="/states/tx/changes.atom")
