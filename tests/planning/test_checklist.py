"""My path to certification: the checklist a visitor gets back after answering the questions."""

import datetime

import pytest

from states.models import StateSource
from tests.html import parse
from tests.planning.conftest import ANCHOR_OF_STEP, FULL_RULES, answers_for

URL = "/en/plan/path/"


def checklist(client, state, **overrides):
    response = client.post(URL, answers_for(state, **overrides))
    assert response.status_code == 200, response.content.decode()[:2000]
    return parse(response)


def steps_of(page):
    return {step["data-rule"]: step for step in page.select("li.step")}


def status_of(step):
    [status] = [name.removeprefix("step-") for name in step["class"] if name.startswith("step-")]
    return status


def remaining(page):
    return [step["data-rule"] for step in page.select("ol.steps > li.step")]


def finished(page):
    return [step["data-rule"] for step in page.select("ul.steps > li.step")]


def text(tag):
    return " ".join(tag.get_text(" ").split())


# Order


def test_remaining_steps_come_in_the_order_they_are_met(client, make_state):
    state = make_state(**FULL_RULES)
    page = checklist(client, state, credential="other_state", education="none", lived_experience="no")
    assert remaining(page) == [
        "reciprocity",
        "schooling",
        "lived_experience",
        "training",
        "supervised",
        "exam",
        "background_check",
        "apply",
        "renewal",
    ]
    assert finished(page) == []
    assert "9 steps left, in order" in text(page)


def test_finished_steps_leave_the_ordered_list_for_the_done_list(client, make_state):
    state = make_state(**FULL_RULES)
    page = checklist(client, state, training_done="60", exam_passed="yes")
    assert remaining(page) == ["supervised", "background_check", "apply", "renewal"]
    assert finished(page) == ["schooling", "lived_experience", "training", "exam"]
    assert "4 steps left, in order" in text(page)
    assert all(status_of(step) == "done" for step in page.select("ul.steps > li.step"))


# Training and supervised hours


def test_hours_left_are_the_required_hours_less_those_done(client, make_state):
    state = make_state(**FULL_RULES)  # 60 training hours, 500 supervised hours
    page = checklist(client, state, training_done="20", supervised_done="120")
    training, supervised = steps_of(page)["training"], steps_of(page)["supervised"]
    assert status_of(training) == "to_do"
    assert "40 hours to go" in text(training)  # 60 - 20
    assert "60 hours" in text(training)  # what the state asks
    assert status_of(supervised) == "to_do"
    assert "380 hours to go" in text(supervised)  # 500 - 120


def test_one_hour_left_is_written_in_the_singular(client, make_state):
    state = make_state(**FULL_RULES)
    training = steps_of(checklist(client, state, training_done="59"))["training"]
    assert "1 hour to go" in text(training)
    assert "1 hours" not in text(training)


@pytest.mark.parametrize("done", ["60", "75"])
def test_enough_hours_done_is_a_done_step_never_negative(client, make_state, done):
    state = make_state(**FULL_RULES)
    page = checklist(client, state, training_done=done)
    training = steps_of(page)["training"]
    assert status_of(training) == "done"
    assert "training" in finished(page)
    assert "to go" not in text(training)
    assert "-" not in text(training.select_one(".step-explanation"))


def test_unknown_hours_are_not_verified_and_no_figure_is_guessed(client, make_state):
    rules = {**FULL_RULES, "training_hours": None}
    state = make_state(**rules)
    training = steps_of(checklist(client, state, training_done="20"))["training"]
    assert status_of(training) == "not_verified"
    assert "not yet verified" in text(training).lower()
    assert "to go" not in text(training)


# Schooling


@pytest.mark.parametrize(
    ("education", "status"),
    [("high_school", "done"), ("degree", "done"), ("none", "to_do")],
)
def test_schooling_is_met_or_not_by_the_level_the_state_asks(client, make_state, education, status):
    state = make_state(**FULL_RULES)  # asks for a high school diploma or GED
    schooling = steps_of(checklist(client, state, education=education))["schooling"]
    assert status_of(schooling) == status
    assert "High school diploma or GED" in text(schooling)


def test_a_college_level_is_not_met_by_high_school(client, make_state):
    state = make_state(**{**FULL_RULES, "education_minimum": "An associate degree", "education_level": "degree"})
    assert status_of(steps_of(checklist(client, state, education="some_college"))["schooling"]) == "to_do"


def test_schooling_without_a_level_is_not_verified_whatever_the_answer(client, make_state):
    state = make_state(**{**FULL_RULES, "education_level": ""})
    schooling = steps_of(checklist(client, state, education="degree"))["schooling"]
    assert status_of(schooling) == "not_verified"
    assert "not yet verified" in text(schooling).lower()


# Lived experience


@pytest.mark.parametrize(
    ("answer", "status"),
    [("yes", "done"), ("no", "to_do"), ("rather_not_say", "to_do")],
)
def test_lived_experience_when_the_state_asks_for_it(client, make_state, answer, status):
    state = make_state(**FULL_RULES)
    page = checklist(client, state, lived_experience=answer)
    assert status_of(steps_of(page)["lived_experience"]) == status
    assert ("lived_experience" in remaining(page)) is (status == "to_do")


@pytest.mark.parametrize("answer", ["yes", "no", "rather_not_say"])
def test_lived_experience_not_asked_for_by_the_state(client, make_state, answer):
    state = make_state(**{**FULL_RULES, "lived_experience_required": False})
    page = checklist(client, state, lived_experience=answer)
    step = steps_of(page)["lived_experience"]
    assert status_of(step) == "not_needed"
    assert "Not asked for" in text(step)
    assert "lived_experience" in finished(page)


def test_lived_experience_unknown_is_not_yet_verified(client, make_state):
    state = make_state(**{**FULL_RULES, "lived_experience_required": None})
    page = checklist(client, state, lived_experience="yes")
    step = steps_of(page)["lived_experience"]
    assert status_of(step) == "not_verified"
    assert "Not yet verified" in text(step)
    assert "lived_experience" in remaining(page)


# Exam


@pytest.mark.parametrize(("passed", "status"), [("yes", "done"), ("no", "to_do")])
def test_exam_passed_or_not(client, make_state, passed, status):
    state = make_state(**FULL_RULES)
    assert status_of(steps_of(checklist(client, state, exam_passed=passed))["exam"]) == status


@pytest.mark.parametrize("passed", ["yes", "no"])
def test_exam_not_required_is_not_asked_for(client, make_state, passed):
    state = make_state(**{**FULL_RULES, "exam_required": False, "exam_fee": None})
    page = checklist(client, state, exam_passed=passed)
    assert status_of(steps_of(page)["exam"]) == "not_needed"
    assert "exam" in finished(page)


def test_exam_unknown_is_not_yet_verified_even_when_passed(client, make_state):
    state = make_state(**{**FULL_RULES, "exam_required": None, "exam_fee": None})
    assert status_of(steps_of(checklist(client, state, exam_passed="yes"))["exam"]) == "not_verified"


# Background check


def test_background_check_step_links_to_the_states_rules(client, make_state):
    state = make_state(**FULL_RULES)
    step = steps_of(checklist(client, state))["background_check"]
    assert status_of(step) == "to_do"
    assert f"{state.url}#background-check" in [link["href"] for link in step.find_all("a")]
    assert "Read its rules" in text(step)


def test_background_check_is_never_asked_about(client, make_state):
    state = make_state(**FULL_RULES)
    page = checklist(client, state)
    form = page.select_one("form#path-form")
    names = {field["name"] for field in form.select("input[name], select[name], textarea[name]")}
    assert names == {
        "state",
        "education",
        "lived_experience",
        "training_done",
        "supervised_done",
        "exam_passed",
        "credential",
        "pace",
        "years",
    }
    words = text(form).lower()
    for word in ["background", "criminal", "arrest", "conviction", "record"]:
        assert word not in words
    # The empty form asks no more than the answered one.
    empty = parse(client.get(URL)).select_one("form#path-form")
    assert {field["name"] for field in empty.select("input[name], select[name], textarea[name]")} == names


@pytest.mark.parametrize(("rule", "status"), [(None, "not_verified"), (False, "not_needed")])
def test_background_check_unknown_or_not_asked(client, make_state, rule, status):
    state = make_state(**{**FULL_RULES, "background_check": rule, "background_check_fee": None})
    assert status_of(steps_of(checklist(client, state))["background_check"]) == status


# Reciprocity


def test_no_reciprocity_step_without_a_credential(client, make_state):
    state = make_state(**FULL_RULES)
    assert "reciprocity" not in steps_of(checklist(client, state, credential="none"))


@pytest.mark.parametrize("credential", ["other_state_ic_rc", "other_state"])
def test_reciprocity_step_comes_first_when_a_credential_is_held(client, make_state, credential):
    state = make_state(**FULL_RULES)
    page = checklist(client, state, credential=credential)
    assert remaining(page)[0] == "reciprocity"
    assert status_of(steps_of(page)["reciprocity"]) == "to_do"
    assert "IC&RC member" in text(steps_of(page)["reciprocity"])


def test_reciprocity_unknown_is_not_yet_verified(client, make_state):
    state = make_state(**{**FULL_RULES, "ic_rc_reciprocity": None})
    step = steps_of(checklist(client, state, credential="other_state_ic_rc"))["reciprocity"]
    assert status_of(step) == "not_verified"
    assert "not yet verified" in text(step).lower()


def test_no_reciprocity_says_so(client, make_state):
    state = make_state(title="Nowhereland", **{**FULL_RULES, "ic_rc_reciprocity": False})
    step = steps_of(checklist(client, state, credential="other_state_ic_rc"))["reciprocity"]
    assert status_of(step) == "to_do"
    assert "Nowhereland does not offer IC&RC reciprocity" in text(step)


# Links to the state page and its sources


def test_every_step_links_to_its_section_of_the_state_page(client, make_state):
    state = make_state(**FULL_RULES)
    page = checklist(client, state, credential="other_state", education="none", lived_experience="no")
    state_page = parse(client.get(state.url))
    for key, step in steps_of(page).items():
        link = step.select_one(".step-links a")
        assert link["href"] == f"{state.url}#{ANCHOR_OF_STEP[key]}", key
        # The link lands on a section that exists.
        assert state_page.find(id=ANCHOR_OF_STEP[key]) is not None, key


def test_a_step_links_to_the_sources_of_its_rule_once_each(client, make_state):
    state = make_state(**FULL_RULES)
    read_on = datetime.date(2026, 11, 22)
    for quote in ["60 hours of training.", "Training is online."]:
        StateSource.objects.create(
            page=state,
            locale=state.locale,
            field="training_hours",
            url="https://board.example.org/training",
            quote=quote,
            read_on=read_on,
        )
    StateSource.objects.create(
        page=state,
        locale=state.locale,
        field="exam",
        url="https://exams.example.net/",
        quote="An exam.",
        read_on=read_on,
    )
    steps = steps_of(checklist(client, state))
    training_links = [link["href"] for link in steps["training"].select(".step-links a")]
    assert training_links == [f"{state.url}#training", "https://board.example.org/training"]
    assert "Source: board.example.org" in text(steps["training"])
    assert [link["href"] for link in steps["exam"].select(".step-links a")][1:] == ["https://exams.example.net/"]
    # A rule without a source has only the state page link.
    assert len(steps["supervised"].select(".step-links a")) == 1


# A state with nothing known


def test_a_state_with_nothing_known_is_all_not_yet_verified(client, make_state):
    state = make_state(credential=None)
    page = checklist(client, state, credential="other_state", training_done="20", supervised_done="5")
    statuses = {key: status_of(step) for key, step in steps_of(page).items()}
    assert set(statuses) == set(ANCHOR_OF_STEP)
    assert set(statuses.values()) == {"not_verified"}
    assert page.select("ul.steps") == []
    plan = text(page.select_one("section.plan"))
    assert "to go" not in plan
    assert "enough" not in plan
    assert "$" not in plan
    assert "Not asked for" not in plan


def test_a_listed_credential_is_the_only_known_thing(client, make_state):
    """make_state with no rules but a credential: applying is a step to take, nothing is done or skipped."""
    state = make_state()
    page = checklist(client, state)
    statuses = {key: status_of(step) for key, step in steps_of(page).items()}
    assert statuses.pop("apply") == "to_do"
    assert set(statuses.values()) == {"not_verified"}
    assert finished(page) == []
