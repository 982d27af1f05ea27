"""Organizations' machine-readable copies: CSV and JSON hold live values only."""

import csv
import io

import pytest

from states.models import StatePage
from states.spreadsheet import COLUMNS


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_has_one_row_a_state_with_stable_columns(client, seeded):
    response = client.get("/states/requirements.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    table = rows(response)
    assert len(table) == 52
    assert list(table[0])[: len(COLUMNS)] == [column for column, _ in COLUMNS]
    texas = next(row for row in table if row["code"] == "TX")
    assert texas["training_hours"] == "46"
    assert texas["background_check"] == "yes"
    assert texas["url"] == "http://testserver/en/states/texas/"


def test_csv_leaves_unknowns_empty_never_no(client, seeded):
    south_dakota = next(row for row in rows(client.get("/states/requirements.csv")) if row["code"] == "SD")
    assert south_dakota["background_check"] == ""
    assert south_dakota["training_hours"] == ""
    assert south_dakota["medicaid_billable"] == "no"


def test_csv_and_api_never_show_draft_values(client, seeded):
    texas = StatePage.objects.get(code="TX", locale__language_code="en")
    texas.training_hours = 999
    texas.save_revision()  # a draft, not published
    csv_row = next(row for row in rows(client.get("/states/requirements.csv")) if row["code"] == "TX")
    assert csv_row["training_hours"] == "46"
    api = client.get("/api/v2/pages/", {"type": "states.StatePage", "code": "TX", "fields": "*"}).json()
    assert api["items"][0]["training_hours"] == 46


@pytest.mark.parametrize("hide", ["unpublish", "restrict"])
def test_unpublished_or_private_states_are_in_neither(client, seeded, hide):
    from wagtail.models import PageViewRestriction

    florida = StatePage.objects.get(code="FL", locale__language_code="en")
    if hide == "unpublish":
        florida.unpublish()
    else:
        PageViewRestriction.objects.create(page=florida, restriction_type="password", password="x")
    codes = {row["code"] for row in rows(client.get("/states/requirements.csv"))}
    assert "FL" not in codes and len(codes) == 51
    api = client.get("/api/v2/pages/", {"type": "states.StatePage", "code": "FL"}).json()
    assert api["meta"]["total_count"] == 0


def test_api_filters_by_code_and_returns_every_structured_field(client, seeded):
    response = client.get("/api/v2/pages/", {"type": "states.StatePage", "code": "TX", "locale": "en", "fields": "*"})
    assert response.status_code == 200
    [texas] = response.json()["items"]
    assert texas["code"] == "TX"
    for field in ["training_hours", "supervised_hours", "exam_required", "background_check", "medicaid_billable"]:
        assert field in texas
    assert texas["recertification_years"] == 2
    assert {c["abbreviation"] for c in texas["credentials"]} >= {"MHPS", "RSPS"}
    assert all(s["url"].startswith("http") and s["quote"] for s in texas["sources"])


def test_api_gives_each_language_its_own_record_with_the_same_figures(client, seeded):
    def texas(language):
        params = {"type": "states.StatePage", "code": "TX", "locale": language, "fields": "*"}
        [record] = client.get("/api/v2/pages/", params).json()["items"]
        return record

    english, spanish = texas("en"), texas("es")
    assert spanish["meta"]["html_url"].endswith("/es/states/texas/")
    assert spanish["training_hours"] == english["training_hours"] == 46
    assert spanish["lived_experience_wording"] != english["lived_experience_wording"]
