"""Moving to another state with a credential: the route, what differs, and the steps in the new state."""

import datetime

import pytest

from states.models import StateCredential, StatePage, StateSource
from tests.html import parse
from tests.planning.conftest import FULL_RULES

URL = "/en/plan/moving/"

# Each step of the moving plan, and the requirement of the new state it is written under.
SECTION_OF_STEP = {
    "reciprocity": ("ic_rc_reciprocity", "reciprocity"),
    "training": ("training_hours", "training"),
    "supervised": ("supervised_hours", "supervised-hours"),
    "exam": ("exam", "exam"),
    "background_check": ("background_check", "background-check"),
    "apply": ("credentials", "credentials"),
    "renewal": ("recertification", "recertification"),
}


def post(client, leaving, arriving, credential="", pace="10"):
    return client.post(
        URL,
        {"from_state": leaving.code.lower(), "to_state": arriving.code.lower(), "credential": credential, "pace": pace},
    )


def moving_plan(client, leaving, arriving, **data):
    response = post(client, leaving, arriving, **data)
    assert response.status_code == 200, response.content.decode()[:2000]
    return parse(response)


def route_of(page):
    return page.select_one("p.route")["data-route"]


def steps_of(page):
    return {step["data-rule"]: step for step in page.select("ol.steps > li.step")}


def text(tag):
    return " ".join(tag.get_text(" ").split())


def seeded_state(code):
    return StatePage.objects.get(code=code, locale__language_code="en")


# The route


@pytest.mark.parametrize(
    ("leaving_flag", "arriving_flag", "route"),
    [
        (True, True, "reciprocity"),
        (False, True, "no_route"),
        (True, False, "no_route"),
        (False, None, "no_route"),
        (None, True, "not_verified"),
        (True, None, "not_verified"),
        (None, None, "not_verified"),
    ],
)
def test_route_follows_both_boards_ic_rc_membership(client, make_state, leaving_flag, arriving_flag, route):
    leaving = make_state(title="Leavingland", **{**FULL_RULES, "ic_rc_reciprocity": leaving_flag})
    arriving = make_state(title="Arrivaland", **{**FULL_RULES, "ic_rc_reciprocity": arriving_flag})
    page = moving_plan(client, leaving, arriving)
    assert route_of(page) == route
    words = {
        "reciprocity": "A reciprocity route exists",
        "no_route": "No reciprocity route",
        "not_verified": "Not yet verified",
    }
    assert words[route] in text(page.select_one("p.route"))
    expected_status = "not_verified" if route == "not_verified" else "to_do"
    assert f"step-{expected_status}" in steps_of(page)["reciprocity"]["class"]


@pytest.mark.parametrize(
    ("leaving", "arriving", "route"),
    [
        ("PA", "TX", "reciprocity"),  # both True in the data file
        ("NC", "TX", "no_route"),  # North Carolina: False
        ("TX", "NC", "no_route"),
        ("WI", "TX", "not_verified"),  # Wisconsin: not yet verified
    ],
)
def test_route_between_seeded_states(client, seeded, leaving, arriving, route):
    assert route_of(moving_plan(client, seeded_state(leaving), seeded_state(arriving))) == route


# What differs


def test_differences_table_marks_the_rows_that_differ(client, make_state):
    leaving = make_state(title="Leavingland", **{**FULL_RULES, "training_hours": 40})
    arriving = make_state(title="Arrivaland", **{**FULL_RULES, "training_hours": 100, "exam_fee": None})
    page = moving_plan(client, leaving, arriving)
    rows = {row["data-key"]: row for row in page.select("table.differences tbody tr")}
    assert list(rows) == ["training_hours", "supervised_hours", "exam", "education_minimum", "background_check", "fees"]
    differing = {key for key, row in rows.items() if "differs" in row.get("class", [])}
    assert differing == {"training_hours", "fees"}
    training = [text(cell) for cell in rows["training_hours"].find_all("td")]
    assert training == ["40 hours", "100 hours"]
    assert "differs" in text(rows["training_hours"].th)
    assert "differs" not in text(rows["supervised_hours"].th)


def test_differences_show_unknown_as_not_yet_verified(client, make_state):
    leaving = make_state(title="Leavingland", **{**FULL_RULES, "supervised_hours": None})
    arriving = make_state(title="Arrivaland", **FULL_RULES)
    row = moving_plan(client, leaving, arriving).select_one('tr[data-key="supervised_hours"]')
    assert [text(cell) for cell in row.find_all("td")] == ["Not yet verified", "500 hours"]
    assert "differs" in row["class"]


def test_a_rule_unknown_in_both_states_is_not_marked_as_differing(client, make_state):
    leaving = make_state(title="Leavingland", **{**FULL_RULES, "supervised_hours": None})
    arriving = make_state(title="Arrivaland", **{**FULL_RULES, "supervised_hours": None})
    row = moving_plan(client, leaving, arriving).select_one('tr[data-key="supervised_hours"]')
    assert [text(cell) for cell in row.find_all("td")] == ["Not yet verified", "Not yet verified"]
    assert "differs" not in row.get("class", [])


# Extra hours and when to start


def test_extra_training_hours_and_when_to_start(client, make_state):
    leaving = make_state(title="Leavingland", **{**FULL_RULES, "training_hours": 40})
    arriving = make_state(title="Arrivaland", **{**FULL_RULES, "training_hours": 100})
    page = moving_plan(client, leaving, arriving, pace="10")
    training = steps_of(page)["training"]
    assert "step-to_do" in training["class"]
    assert "Arrivaland asks for 60 hours more" in text(training)  # 100 - 40
    # 60 extra hours (supervised hours are the same: 500 and 500) at 10 hours a week = 6 weeks
    assert "about 6 weeks at your pace" in text(page.select_one("p.start-when"))
    assert "step-done" in steps_of(page)["supervised"]["class"]


def test_weeks_to_start_are_rounded_up_at_the_visitors_pace(client, make_state):
    leaving = make_state(title="Leavingland", **{**FULL_RULES, "training_hours": 40, "supervised_hours": 500})
    arriving = make_state(title="Arrivaland", **{**FULL_RULES, "training_hours": 100, "supervised_hours": 520})
    page = moving_plan(client, leaving, arriving, pace="7")
    assert "Arrivaland asks for 20 hours more" in text(steps_of(page)["supervised"])  # 520 - 500
    # 60 + 20 = 80 extra hours; 80 / 7 = 11.4, so 12 weeks
    assert "about 12 weeks at your pace" in text(page.select_one("p.start-when"))


def test_fewer_hours_in_the_new_state_need_no_extra(client, make_state):
    leaving = make_state(title="Leavingland", **{**FULL_RULES, "training_hours": 100})
    arriving = make_state(title="Arrivaland", **{**FULL_RULES, "training_hours": 40})
    page = moving_plan(client, leaving, arriving)
    assert "step-done" in steps_of(page)["training"]["class"]
    assert "asks for as many or more" in text(steps_of(page)["training"])
    assert "hours more" not in text(steps_of(page)["training"])
    assert "week" not in text(page.select_one("p.start-when"))


def test_unknown_hours_are_named_not_counted(client, make_state):
    leaving = make_state(title="Leavingland", **{**FULL_RULES, "training_hours": 40})
    arriving = make_state(title="Arrivaland", **{**FULL_RULES, "training_hours": 100, "supervised_hours": None})
    page = moving_plan(client, leaving, arriving)
    assert "step-not_verified" in steps_of(page)["supervised"]["class"]
    start = text(page.select_one("p.start-when"))
    assert "about 6 weeks" in start  # only the 60 known extra training hours
    assert "Not counted, because not yet verified: supervised work hours" in start


# Links to sources and sections


def test_each_step_links_to_its_section_and_sources(client, make_state):
    leaving = make_state(title="Leavingland", **{**FULL_RULES, "training_hours": 40})
    arriving = make_state(title="Arrivaland", **{**FULL_RULES, "training_hours": 100})
    read_on = datetime.date(2026, 11, 22)
    sources = [
        (leaving, "ic_rc_reciprocity", "https://leaving-board.example.org/reciprocity"),
        (arriving, "ic_rc_reciprocity", "https://arriving-board.example.org/reciprocity"),
        (arriving, "training_hours", "https://arriving-board.example.org/training"),
        (leaving, "training_hours", "https://leaving-board.example.org/training"),
        (arriving, "exam", "https://exams.example.net/arrivaland"),
    ]
    for page, field, url in sources:
        StateSource.objects.create(page=page, locale=page.locale, field=field, url=url, quote="Q.", read_on=read_on)
    steps = steps_of(moving_plan(client, leaving, arriving))
    links = {key: [link["href"] for link in step.select(".step-links a")] for key, step in steps.items()}
    for key, (_, anchor) in SECTION_OF_STEP.items():
        assert links[key][0] == f"{arriving.url}#{anchor}", key
    assert links["reciprocity"][1:] == [
        "https://leaving-board.example.org/reciprocity",
        "https://arriving-board.example.org/reciprocity",
    ]
    assert links["training"][1:] == ["https://arriving-board.example.org/training"]
    assert links["exam"][1:] == ["https://exams.example.net/arrivaland"]
    assert links["supervised"][1:] == []


def test_seeded_steps_link_to_the_new_states_sources(client, seeded):
    pennsylvania, texas = seeded_state("PA"), seeded_state("TX")
    steps = steps_of(moving_plan(client, pennsylvania, texas))
    assert set(steps) == set(SECTION_OF_STEP)
    cited = 0
    for key, (section, _) in SECTION_OF_STEP.items():
        expected = {source.url for source in texas.sources_for(section)}
        if key == "reciprocity":
            expected |= {source.url for source in pennsylvania.sources_for(section)}
        hrefs = {link["href"] for link in steps[key].select(".step-links a")}
        assert expected <= hrefs, key
        cited += len(expected)
    assert cited  # Texas's rules have sources, so some were checked


# Answers that cannot make a plan


def test_the_same_state_twice_is_refused_with_a_message(client, make_state):
    state = make_state(**FULL_RULES)
    response = post(client, state, state)
    assert response.status_code == 400
    page = parse(response)
    assert "Choose a state other than the one you are leaving." in text(page.select_one(".error-summary"))
    assert page.select("p.route") == []


def test_a_credential_of_another_state_is_refused_with_a_message(client, make_state):
    leaving = make_state(title="Leavingland", **FULL_RULES)
    arriving = make_state(title="Arrivaland", credential="Arrivaland Peer Specialist", **FULL_RULES)
    elsewhere = StateCredential.objects.get(page=arriving)
    response = post(client, leaving, arriving, credential=str(elsewhere.pk))
    assert response.status_code == 400
    page = parse(response)
    assert "Choose one of Leavingland's credentials, or leave it empty." in text(page.select_one(".error-summary"))
    assert page.select("p.route") == []


def test_the_credential_held_is_named(client, make_state):
    leaving = make_state(title="Leavingland", credential="Leavingland Peer Specialist", **FULL_RULES)
    arriving = make_state(title="Arrivaland", **FULL_RULES)
    held = StateCredential.objects.get(page=leaving)
    page = moving_plan(client, leaving, arriving, credential=str(held.pk))
    assert "Your credential: Leavingland Peer Specialist (CPS)." in text(page.select_one("section.plan"))
    assert "Your credential:" not in text(moving_plan(client, leaving, arriving).select_one("section.plan"))
