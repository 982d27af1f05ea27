"""The state index's map and national table: every state a real link, sortable, colourable."""

import pytest

from tests.html import parse, spoken_text


def test_map_has_every_state_as_a_named_link(client, seeded):
    page = parse(client.get("/en/states/"))
    tiles = page.select(".tile-map li > a")
    assert len(tiles) == 52
    florida = next(a for a in tiles if a["href"] == "/en/states/florida/")
    # Read aloud, the tile starts with the code it shows (WCAG 2.5.3, label in name), then says it all.
    assert page.select_one(".tile-map")["aria-label"] == "States by Certification offered"
    assert spoken_text(florida) == "FL Florida: Certification offered Yes"
    assert [li.get_text(strip=True) for li in page.select(".legend li")] == ["Yes", "Not yet verified"]
    medicaid = parse(client.get("/en/states/", {"colour": "medicaid_billable"}))
    assert [li.get_text(strip=True) for li in medicaid.select(".legend li")] == ["Yes", "No", "Not yet verified"]


def test_map_can_be_coloured_by_a_key_field(client, seeded):
    page = parse(client.get("/en/states/", {"colour": "training_hours"}))
    assert page.select_one(".tile-map")["aria-label"] == "States by Training hours"
    south_dakota = page.select_one('.tile-map a[href="/en/states/south-dakota/"]')
    assert "tile-unknown" in south_dakota.parent["class"]
    assert south_dakota.small.get_text() == "?"
    assert spoken_text(south_dakota) == "SD South Dakota: Training hours Not yet verified"
    texas = page.select_one('.tile-map a[href="/en/states/texas/"]')
    assert texas.small.get_text() == "46"
    assert spoken_text(texas) == "TX Texas: Training hours 40–59 hours"


@pytest.mark.parametrize("colour", ["", "nonsense", "<script>"])
def test_an_unknown_colour_field_falls_back_quietly(client, seeded, colour):
    response = client.get("/en/states/", {"colour": colour})
    assert response.status_code == 200
    assert len(parse(response).select(".tile-map li")) == 52


def test_table_sorts_by_a_column_with_unknowns_last(client, seeded):
    page = parse(client.get("/en/states/", {"sort": "training_hours", "dir": "desc"}))
    header = page.find("th", attrs={"aria-sort": "descending"})
    assert "Training hours" in header.get_text()
    rows = page.select(".national-table tbody tr")
    hours = [row.find_all("td")[1].get_text(strip=True) for row in rows]
    known = [int(h) for h in hours if h.isdigit()]
    assert known == sorted(known, reverse=True)
    assert all(not h.isdigit() for h in hours[len(known) :])
    assert hours[-1] == "Not yet verified"


def test_table_defaults_to_alphabetical(client, seeded):
    page = parse(client.get("/en/states/", {"sort": "bogus"}))
    names = [row.th.get_text(strip=True) for row in page.select(".national-table tbody tr")]
    assert names == sorted(names) and len(names) == 52
