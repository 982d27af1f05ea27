"""Every state page shows its structured requirements, each with its sources,
and says "not yet verified" where the data has no value, never "no" or 0."""

import json
from pathlib import Path

import pytest

from states.models import StatePage
from states.requirements import REQUIREMENT_FIELDS
from tests.html import headings_skip_a_level, parse

DATA = json.loads((Path(__file__).resolve().parents[2] / "states" / "content" / "states.json").read_text())
RECORDS = {record["code"]: record for record in DATA}


def state_html(client, code):
    response = client.get(StatePage.objects.get(code=code, locale__language_code="en").url)
    assert response.status_code == 200
    assert not headings_skip_a_level(response)
    return parse(response)


@pytest.mark.parametrize("code", sorted(RECORDS))
def test_every_state_renders_with_every_section_and_source(client, seeded, code):
    page = state_html(client, code)
    assert page.h1.get_text(strip=True) == RECORDS[code]["state"]
    for field in REQUIREMENT_FIELDS:
        assert page.find(id=field.anchor), field.anchor
    shown_urls = {a["href"] for a in page.select(".citations a")}
    assert {source["url"] for source in RECORDS[code]["sources"]} <= shown_urls


def test_unknown_values_say_not_yet_verified_never_no(client, seeded):
    # South Dakota: the sources name no credential, no hours, and Medicaid billing "false".
    record = RECORDS["SD"]
    page = state_html(client, "SD")
    assert record["training_hours"] is None and record["background_check"] is None
    for anchor in ["training", "background-check", "credentials", "exam"]:
        assert "Not yet verified" in page.find(id=anchor).get_text(), anchor
    assert record["medicaid_billable"] is False
    medicaid = page.find(id="medicaid")
    assert medicaid.find(class_="value").get_text(strip=True) == "No"
    assert "Not yet verified" not in medicaid.get_text()


def test_known_values_are_shown_with_their_quote(client, seeded):
    page = state_html(client, "TX")
    training = page.find(id="training")
    assert training.find(class_="value").get_text(strip=True) == "46 hours"
    quotes = [q.get_text() for q in training.select(".citations q")]
    assert any("46 education hours" in quote for quote in quotes)
    assert page.find(id="recertification").find(class_="value").get_text(strip=True) == (
        "Every 2 years, 20 continuing-education hours"
    )


def test_last_verified_line_and_change_history(client, seeded):
    page = state_html(client, "FL")
    verified = " ".join(page.find(class_="verified").get_text().split())
    assert "Last verified on November 22, 2026 against" in verified
    assert "Verified by: Peer Support Careers research" in verified
    assert page.select("#what-changed li time")[0]["datetime"] == "2026-11-22"


def test_sections_have_plain_link_anchors(client, seeded):
    page = state_html(client, "PA")
    for field in REQUIREMENT_FIELDS:
        link = page.find(id=field.anchor).find("a", class_="anchor-link")
        assert link["href"] == f"#{field.anchor}"


def test_official_links_are_the_certifying_bodies_sites(client, seeded):
    page = state_html(client, "AL")
    links = [a["href"] for a in page.select("#official-links a")]
    assert links == ["https://mh.alabama.gov/peer-programs"]  # two credentials, one body site, listed once
