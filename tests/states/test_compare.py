"""/<lang>/states/compare/?states=fl,tx: side by side, differences marked, bad codes explained."""

import pytest

from tests.html import parse

URL = "/en/states/compare/"


def table(response):
    assert response.status_code == 200
    return parse(response)


def test_chosen_states_side_by_side_in_order(client, seeded):
    page = table(client.get(URL, {"states": "fl,tx,pa"}))
    assert [a.get_text() for a in page.select(".compare-table thead a")] == ["Florida", "Texas", "Pennsylvania"]
    rows = page.select(".compare-table tbody tr")
    assert len(rows) == 12


def test_differences_are_marked_in_words_not_only_colour(client, seeded):
    page = table(client.get(URL, {"states": "fl,tx"}))
    training = next(r for r in page.select(".compare-table tbody tr") if "Training" in r.th.get_text())
    assert "differs" in training["class"]  # Florida 40 hours, Texas 46 hours
    assert training.find(class_="differs-badge").get_text() == "differs"
    lived = next(r for r in page.select(".compare-table tbody tr") if "Lived experience" in r.th.get_text())
    assert not lived.find(class_="differs-badge")  # both yes


def test_only_differences_hides_equal_rows(client, seeded):
    page = table(client.get(URL, {"states": "fl,tx", "only": "differences"}))
    rows = page.select(".compare-table tbody tr")
    assert rows and all(row.find(class_="differs-badge") for row in rows)
    assert len(rows) < 12


def test_unknown_codes_are_ignored_with_a_notice(client, seeded):
    page = table(client.get(URL, {"states": "fl,zz,tx,<b>"}))
    assert "ZZ" in page.find(attrs={"role": "alert"}).get_text()
    assert len(page.select(".compare-table thead a")) == 2


def test_duplicates_count_once_and_case_does_not_matter(client, seeded):
    page = table(client.get(URL, {"states": "FL,fl, Fl ,tx"}))
    assert [a.get_text() for a in page.select(".compare-table thead a")] == ["Florida", "Texas"]


def test_too_many_states_are_capped_with_a_notice(client, seeded):
    page = table(client.get(URL, {"states": "fl,tx,pa,ny,ca,wa"}))
    assert len(page.select(".compare-table thead a")) == 4
    assert "At most 4 states" in page.find(attrs={"role": "alert"}).get_text()


@pytest.mark.parametrize(
    "params", [{}, {"states": ""}, {"states": "fl"}, {"states": "," * 500}, {"states": "x" * 5000}]
)
def test_too_few_states_show_the_chooser(client, seeded, params):
    page = table(client.get(URL, params))
    assert page.find("form", class_="compare-form")
    assert not page.find("table", class_="compare-table")


def test_checkbox_form_submits_repeated_params(client, seeded):
    page = table(client.get(URL, {"states": ["fl", "tx"]}))  # ?states=fl&states=tx
    assert len(page.select(".compare-table thead a")) == 2
    assert page.find("input", attrs={"value": "fl"}).has_attr("checked")
