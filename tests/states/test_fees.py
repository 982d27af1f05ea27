"""Fees as figures on state pages: editors' validation, what visitors read, the seeded
figures and their sources, the CSV export and import, and the API."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from states.models import StateIndexPage, StatePage
from tests import factories
from tests.html import parse
from tests.states.test_csv_import import URL as IMPORT_URL
from tests.states.test_csv_import import edited, exported, upload

FEE_ATTRIBUTES = ["training_fee", "application_fee", "exam_fee", "background_check_fee", "renewal_fee"]

# Every fee the seeded content states, each from a source quote (states/content/fees.yaml),
# and the words of that quote that give the amount.
SOURCED_FEES = {
    "IA": {"renewal_fee": (Decimal("50"), "$ 50.00")},
    "IL": {"renewal_fee": (Decimal("150"), "$150")},
    "MA": {"exam_fee": (Decimal("0"), "$0")},
    "MO": {"renewal_fee": (Decimal("70"), "$70")},
    "MT": {"background_check_fee": (Decimal("27.25"), "$27.25")},
    "NV": {"renewal_fee": (Decimal("100"), "$100")},
    "PA": {"renewal_fee": (Decimal("50"), "$50")},
    "WI": {"exam_fee": (Decimal("50"), "$50"), "renewal_fee": (Decimal("50"), "$50")},
}


@pytest.fixture
def state_index(seeded):
    return StateIndexPage.objects.child_of(seeded).get()


@pytest.fixture
def new_state(state_index):
    def make(**fields):
        return factories.StatePageFactory(parent=state_index, title=fields.pop("title", "Feeland"), **fields)

    return make


def english(code):
    return StatePage.objects.get(code=code, locale__language_code="en")


def refusal(state, field):
    with pytest.raises(ValidationError) as error:
        state.full_clean()
    assert field in error.value.message_dict, error.value.message_dict
    return " ".join(error.value.message_dict[field])


# Editors' validation


def test_an_exam_fee_is_refused_when_no_exam_is_required(new_state):
    state = new_state(exam_required=False)
    state.exam_fee = Decimal("50")
    assert "no exam is required" in refusal(state, "exam_fee")


def test_a_free_exam_is_still_a_contradiction_when_no_exam_is_required(new_state):
    state = new_state(exam_required=False)
    state.exam_fee = Decimal("0")
    assert "no exam is required" in refusal(state, "exam_fee")


def test_a_background_check_fee_is_refused_when_no_check_is_asked(new_state):
    state = new_state(background_check=False)
    state.background_check_fee = Decimal("27.25")
    assert "no background check is asked" in refusal(state, "background_check_fee")


@pytest.mark.parametrize("asked", [True, None])
def test_fees_are_accepted_when_the_step_is_asked_or_not_yet_verified(new_state, asked):
    state = new_state(exam_required=asked, background_check=asked)
    state.exam_fee = Decimal("50")
    state.background_check_fee = Decimal("27.25")
    state.full_clean()


def test_no_fee_is_fine_when_the_step_is_not_asked(new_state):
    new_state(exam_required=False, background_check=False).full_clean()


@pytest.mark.parametrize("attribute", FEE_ATTRIBUTES)
def test_a_negative_fee_is_refused(new_state, attribute):
    state = new_state(exam_required=True, background_check=True)
    setattr(state, attribute, Decimal("-5"))
    assert "greater than or equal to 0" in refusal(state, attribute)


@pytest.mark.parametrize("amount", [Decimal("100000"), Decimal("12.345")])
def test_a_fee_too_large_or_with_fractions_of_a_cent_is_refused(new_state, amount):
    state = new_state()
    state.application_fee = amount
    refusal(state, "application_fee")


# What visitors read


def fees_section(client, state):
    response = client.get(state.url)
    assert response.status_code == 200
    return parse(response).select_one("section#fees")


def test_known_fees_are_listed_in_the_fees_section(client, new_state):
    state = new_state(exam_required=True, exam_fee=Decimal("50"), renewal_fee=Decimal("75.50"))
    section = fees_section(client, state)
    assert list(section.select_one("p.value").stripped_strings) == ["Exam: $50", "Renewal, each period: $75.50"]
    assert section.select(".unverified") == []


def test_fee_lines_come_in_the_order_they_are_paid_then_the_details(client, new_state):
    state = new_state(
        renewal_fee=Decimal("40"),
        training_fee=Decimal("1250"),
        application_fee=Decimal("25"),
        fees="Employers often pay the training.",
    )
    section = fees_section(client, state)
    assert list(section.select_one("p.value").stripped_strings) == [
        "Training: $1,250",
        "Application: $25",
        "Renewal, each period: $40",
        "Employers often pay the training.",
    ]


def test_no_known_fee_is_not_yet_verified(client, new_state):
    section = fees_section(client, new_state())
    assert " ".join(section.select_one(".unverified").get_text().split()) == "Not yet verified"
    assert "$" not in section.get_text()


def test_a_free_fee_is_shown_as_zero_not_unverified(client, seeded):
    section = fees_section(client, english("MA"))
    assert "Exam: $0" in list(section.select_one("p.value").stripped_strings)
    assert section.select(".unverified") == []


def test_wisconsin_page_shows_its_fees_and_cites_them(client, seeded):
    section = fees_section(client, english("WI"))
    assert list(section.select_one("p.value").stripped_strings) == ["Exam: $50", "Renewal, each period: $50"]
    assert "https://www.wicps.org/faq/" in [link["href"] for link in section.select(".citations a")]


# The seeded figures


def test_wisconsin_is_seeded_with_its_exam_and_renewal_fees(seeded):
    wisconsin = english("WI")
    assert wisconsin.exam_fee == Decimal("50")
    assert wisconsin.renewal_fee == Decimal("50")
    assert (wisconsin.training_fee, wisconsin.application_fee, wisconsin.background_check_fee) == (None, None, None)
    assert "www.wicps.org" in {source.host for source in wisconsin.sources_for("fees")}


@pytest.mark.parametrize("code", sorted(SOURCED_FEES))
def test_seeded_fees_are_the_sourced_figures_and_nothing_else(seeded, code):
    state = english(code)
    expected = {attribute: amount for attribute, (amount, _) in SOURCED_FEES[code].items()}
    assert {attribute: getattr(state, attribute) for attribute in FEE_ATTRIBUTES} == {
        attribute: expected.get(attribute) for attribute in FEE_ATTRIBUTES
    }


@pytest.mark.parametrize("code", sorted(SOURCED_FEES))
def test_the_fees_section_cites_a_quote_that_states_the_amount(seeded, code):
    """A visitor checking "Renewal, each period: $50" against its source finds the amount in the cited words."""
    quotes = [source.quote for source in english(code).sources_for("fees")]
    assert quotes, f"{code} has fee figures but no source under its Fees section"
    for attribute, (_, words) in SOURCED_FEES[code].items():
        assert any(words in quote for quote in quotes), (code, attribute, quotes)


def test_states_without_a_sourced_figure_have_no_fees(seeded):
    others = StatePage.objects.filter(locale__language_code="en").exclude(code__in=SOURCED_FEES)
    assert others.count() == 52 - len(SOURCED_FEES)
    for state in others:
        assert [getattr(state, attribute) for attribute in FEE_ATTRIBUTES] == [None] * 5, state.code
        assert state.sources_for("fees") == [], state.code


@pytest.mark.parametrize(("code", "level"), [("TX", "high_school"), ("MA", "high_school"), ("SD", "")])
def test_seeded_education_level(seeded, code, level):
    assert english(code).education_level == level


def test_education_level_is_set_only_where_the_minimum_is_high_school(seeded):
    for state in StatePage.objects.filter(locale__language_code="en"):
        expected = "high_school" if state.education_minimum.startswith("High school") else ""
        assert state.education_level == expected, state.code


# The CSV export

NEW_COLUMNS = ["education_level", "training_fee", "application_fee", "exam_fee", "background_check_fee", "renewal_fee"]


def csv_rows(client):
    response = client.get("/states/requirements.csv")
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_csv_export_has_the_new_columns_after_every_earlier_one(client, seeded):
    """Readers that go by position keep working: the issue-8 columns come after url, the last earlier column."""
    header = list(csv_rows(client)[0])
    assert header[-9:] == ["verified_by", "credentials", "url", *NEW_COLUMNS]


def test_csv_export_gives_known_fees_and_leaves_unknown_ones_empty(client, seeded):
    rows = {row["code"]: row for row in csv_rows(client)}
    wisconsin = rows["WI"]
    assert Decimal(wisconsin["exam_fee"]) == Decimal("50")
    assert Decimal(wisconsin["renewal_fee"]) == Decimal("50")
    assert wisconsin["training_fee"] == wisconsin["application_fee"] == wisconsin["background_check_fee"] == ""
    assert wisconsin["education_level"] == "high_school"
    assert Decimal(rows["MT"]["background_check_fee"]) == Decimal("27.25")
    assert rows["MA"]["exam_fee"] != "" and Decimal(rows["MA"]["exam_fee"]) == 0  # free, not unknown
    assert [rows["TX"][column] for column in NEW_COLUMNS] == ["high_school", "", "", "", "", ""]
    assert rows["SD"]["education_level"] == ""


# The CSV import, driven as in test_csv_import.py


def row_number(data, code):
    codes = [row["code"] for row in csv.DictReader(io.StringIO(data.decode()))]
    return codes.index(code) + 2  # the header is row 1


def errors_of(response):
    assert response.status_code == 400
    alert = parse(response).select_one(".import-errors-block")
    assert "Nothing was changed" in alert.get_text()
    return " ".join(alert.get_text().split())


def latest_texas():
    return english("TX").get_latest_revision_as_object()


def test_import_reads_a_dollar_amount_with_grouping(state_editor):
    data = edited(exported(state_editor), "TX", training_fee="$1,250.50")
    preview = parse(upload(state_editor, data))
    rows = {
        tr.find_all("td")[0].get_text(): [td.get_text() for td in tr.find_all("td")[1:]]
        for tr in preview.select(".import-preview tbody tr")
    }
    assert rows == {"training_fee": ["(not yet verified)", "1250.50"]}
    csv_text = preview.find("textarea", attrs={"name": "csv_text"}).get_text()
    state_editor.post(IMPORT_URL, {"action": "apply", "csv_text": csv_text})
    assert latest_texas().training_fee == Decimal("1250.50")
    assert english("TX").training_fee is None  # live value unchanged until approved


@pytest.mark.parametrize("amount", ["abc", "-5", "12.345", "$-5", "100000", "NaN"])
def test_import_refuses_an_amount_that_is_not_dollars(state_editor, amount):
    data = edited(exported(state_editor), "TX", training_fee=amount)
    reason = errors_of(upload(state_editor, data))
    assert (
        f"Row {row_number(data, 'TX')}: training_fee must be an amount in dollars from 0 to 99999 "
        f"with at most two decimals, or empty for not yet verified (got '{amount}')"
    ) in reason
    assert latest_texas().training_fee is None


def test_import_refuses_an_exam_fee_with_exam_required_no_in_the_same_row(state_editor):
    data = edited(exported(state_editor), "TX", exam_required="no", exam_fee="25")
    reason = errors_of(upload(state_editor, data))
    assert f"Row {row_number(data, 'TX')}: exam_fee is given but exam_required is no" in reason
    assert latest_texas().exam_required is True


def test_import_refuses_an_exam_fee_for_a_state_whose_exam_required_is_no(state_editor):
    StatePage.objects.filter(code="TX", locale__language_code="en").update(exam_required=False)
    reason = errors_of(upload(state_editor, b"code,exam_fee\nTX,25\n"))
    assert "Row 2: exam_fee is given but exam_required is no" in reason


def test_import_refuses_a_background_check_fee_where_no_check_is_asked(state_editor):
    assert english("WI").background_check is False
    data = edited(exported(state_editor), "WI", background_check_fee="10")
    reason = errors_of(upload(state_editor, data))
    assert f"Row {row_number(data, 'WI')}: background_check_fee is given but background_check is no" in reason


def test_import_refuses_no_exam_while_the_exam_fee_stays(state_editor):
    data = edited(exported(state_editor), "WI", exam_required="no")  # its exam_fee 50 stays in the row
    reason = errors_of(upload(state_editor, data))
    assert "exam_fee is given but exam_required is no" in reason


def test_import_accepts_no_exam_when_the_fee_is_removed_too(state_editor):
    data = edited(exported(state_editor), "WI", exam_required="no", exam_fee="")
    response = upload(state_editor, data)
    assert response.status_code == 200
    rows = {
        tr.find_all("td")[0].get_text(): [td.get_text() for td in tr.find_all("td")[1:]]
        for tr in parse(response).select(".import-preview tbody tr")
    }
    assert rows == {"exam_fee": ["50.00", "(not yet verified)"], "exam_required": ["True", "False"]}


def test_import_refuses_an_unknown_education_level(state_editor):
    data = edited(exported(state_editor), "TX", education_level="phd")
    reason = errors_of(upload(state_editor, data))
    assert "education_level must be one of none, high_school, some_college, degree" in reason


# The API


def api_record(client, code, fields="exam_fee,education_level"):
    params = {"type": "states.StatePage", "code": code, "locale": "en", "fields": fields}
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200
    [record] = response.json()["items"]
    return record


def test_api_returns_the_fees_and_education_level(client, seeded):
    wisconsin = api_record(client, "WI")
    assert Decimal(str(wisconsin["exam_fee"])) == Decimal("50")
    assert wisconsin["education_level"] == "high_school"
    massachusetts = api_record(client, "MA")
    assert massachusetts["exam_fee"] is not None and Decimal(str(massachusetts["exam_fee"])) == 0
    texas = api_record(client, "TX")
    assert texas["exam_fee"] is None  # not yet verified is null, never 0
    assert texas["education_level"] == "high_school"


def test_api_returns_every_fee_field(client, seeded):
    montana = api_record(client, "MT", fields=",".join(FEE_ATTRIBUTES))
    assert Decimal(str(montana["background_check_fee"])) == Decimal("27.25")
    assert [montana[attribute] for attribute in FEE_ATTRIBUTES if attribute != "background_check_fee"] == [None] * 4
