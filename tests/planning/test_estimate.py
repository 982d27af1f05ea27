"""What certification costs and how long it takes: figures worked out by hand, checked in the
estimate itself and on the page a visitor reads."""

from decimal import Decimal

import pytest

from planning.checklist import path_steps
from planning.estimate import estimate
from planning.forms import PathForm
from states.models import StatePage
from tests.html import parse
from tests.planning.conftest import FULL_RULES, answers_for

URL = "/en/plan/path/"


def worked_out(state, **overrides):
    """The steps and estimate for `state` (as stored) and the answers, as the view works them out."""
    state = StatePage.objects.get(pk=state.pk)
    form = PathForm(answers_for(state, **overrides), states=[state])
    assert form.is_valid(), form.errors
    steps = path_steps(form.cleaned_data)
    return steps, estimate(state, steps, form.cleaned_data)


def figures(client, state, **overrides):
    """{"cost" | "hours" | "keeping": what the visitor reads beside it}."""
    response = client.post(URL, answers_for(state, **overrides))
    assert response.status_code == 200, response.content.decode()[:2000]
    return {dd["data-figure"]: " ".join(dd.get_text(" ").split()) for dd in parse(response).select("dd[data-figure]")}


# Every figure known, someone starting out (the fixture's FULL_RULES and STARTING_ANSWERS).


def test_full_rules_estimate(make_state):
    steps, result = worked_out(make_state(**FULL_RULES))
    assert {step.key: step.status for step in steps}["exam"] == "to_do"
    # training 400 + application 100 + exam 200 + background check 27.25
    assert result.cost.known == Decimal("727.25")
    assert result.cost.unknown == []
    # 60 training hours + 500 supervised hours, none done yet
    assert result.hours.known == 560
    assert result.hours.unknown == []
    # 560 hours / 10 hours a week
    assert result.weeks == 56
    # 5 years // a 2-year period = 2 renewals
    assert result.renewals == 2
    # 2 renewals x $75
    assert result.keeping_cost.known == Decimal("150")
    # 2 renewals x 20 continuing-education hours
    assert result.ce_hours.known == 40


def test_full_rules_on_the_page(client, make_state):
    shown = figures(client, make_state(**FULL_RULES))
    assert shown["cost"] == "$727.25"  # 400 + 100 + 200 + 27.25
    assert shown["hours"] == "560 hours: about 56 weeks at your pace"  # 60 + 500; 560 / 10
    assert shown["keeping"] == "2 renewals: $150, 40 continuing-education hours."  # 5 // 2 = 2; 2 x 75; 2 x 20


def test_weeks_are_rounded_up(client, make_state):
    state = make_state(**FULL_RULES)
    # (60 - 5) + 500 = 555 hours; 555 / 10 = 55.5, so 56 weeks
    assert worked_out(state, training_done="5")[1].weeks == 56
    assert figures(client, state, training_done="5")["hours"] == "555 hours: about 56 weeks at your pace"
    # 560 / 7 = 80 weeks exactly
    assert figures(client, state, pace="7")["hours"] == "560 hours: about 80 weeks at your pace"


def test_hours_already_done_are_taken_off(client, make_state):
    state = make_state(**FULL_RULES)
    # training done (60 of 60), supervised 500 - 120 = 380; 380 / 10 = 38 weeks
    assert figures(client, state, training_done="60", supervised_done="120")["hours"] == (
        "380 hours: about 38 weeks at your pace"
    )
    # more than asked counts as none left, never as negative hours
    assert worked_out(state, training_done="90", supervised_done="600")[1].hours.known == 0


def test_years_kept_changes_the_renewals(client, make_state):
    state = make_state(**FULL_RULES)
    # 10 years // 2 = 5 renewals; 5 x $75 = $375; 5 x 20 = 100 hours
    assert figures(client, state, years="10")["keeping"] == "5 renewals: $375, 100 continuing-education hours."


# What is not counted


def test_a_passed_exam_is_not_paid_again(client, make_state):
    state = make_state(**FULL_RULES)
    # training 400 + application 100 + background check 27.25 (no exam fee: passed)
    assert worked_out(state, exam_passed="yes")[1].cost.known == Decimal("527.25")
    assert figures(client, state, exam_passed="yes")["cost"] == "$527.25"


def test_finished_training_is_not_paid_again(client, make_state):
    state = make_state(**FULL_RULES)
    # application 100 + exam 200 + background check 27.25 (training done: 60 of 60 hours)
    assert figures(client, state, training_done="60")["cost"] == "$327.25"


def test_a_step_not_asked_for_has_no_fee_and_is_not_named_unknown(client, make_state):
    state = make_state(**{**FULL_RULES, "exam_required": False, "exam_fee": None})
    # training 400 + application 100 + background check 27.25
    _, result = worked_out(state)
    assert result.cost.known == Decimal("527.25")
    assert result.cost.unknown == []
    assert figures(client, state)["cost"] == "$527.25"


def test_an_unknown_fee_is_named_never_counted_as_zero(client, make_state):
    state = make_state(**{**FULL_RULES, "application_fee": None})
    _, result = worked_out(state)
    # training 400 + exam 200 + background check 27.25; the application fee is left out
    assert result.cost.known == Decimal("627.25")
    assert [str(label) for label in result.cost.unknown] == ["application fee"]
    assert figures(client, state)["cost"] == (
        "At least $627.25 Not counted, because not yet verified: application fee."
    )


def test_several_unknown_fees_are_all_named(client, make_state):
    state = make_state(**{**FULL_RULES, "training_fee": None, "background_check_fee": None})
    # application 100 + exam 200
    assert figures(client, state)["cost"] == (
        "At least $300 Not counted, because not yet verified: training fee, background check fee."
    )


def test_a_free_fee_counts_as_zero_and_is_not_unknown(client, make_state):
    state = make_state(**{**FULL_RULES, "exam_fee": Decimal("0")})
    steps, result = worked_out(state)
    # training 400 + application 100 + exam 0 + background check 27.25
    assert result.cost.known == Decimal("527.25")
    assert result.cost.unknown == []
    assert figures(client, state)["cost"] == "$527.25"
    exam = next(step for step in steps if step.key == "exam")
    assert exam.explanation == "Fee: none, according to the source."


def test_every_fee_free_is_zero_dollars_not_unverified(client, make_state):
    free = {attribute: Decimal("0") for attribute in ["training_fee", "application_fee", "exam_fee"]}
    state = make_state(**{**FULL_RULES, **free, "background_check_fee": Decimal("0")})
    assert figures(client, state)["cost"] == "$0"


def test_unknown_hours_are_named_beside_the_known_ones(client, make_state):
    state = make_state(**{**FULL_RULES, "supervised_hours": None})
    _, result = worked_out(state)
    # only the 60 training hours are known; 60 / 10 = 6 weeks
    assert result.hours.known == 60
    assert result.weeks == 6
    assert figures(client, state)["hours"] == (
        "At least 60 hours: about 6 weeks at your pace Not counted, because not yet verified: supervised work hours."
    )


def test_nothing_known_is_not_yet_verified_never_zero(client, make_state):
    state = make_state()
    _, result = worked_out(state)
    assert result.cost.known == 0
    assert len(result.cost.unknown) == 4
    assert result.renewals is None
    shown = figures(client, state)
    assert shown["cost"] == (
        "Not yet verified Not counted, because not yet verified: "
        "training fee, application fee, exam fee, background check fee."
    )
    assert shown["hours"] == (
        "Not yet verified Not counted, because not yet verified: training hours, supervised work hours."
    )
    assert shown["keeping"] == "Not yet verified: we do not know how often the credential is renewed."
    for figure in shown.values():
        assert "$0" not in figure
        assert "0 hours" not in figure
        assert "week" not in figure


# Keeping the credential


def test_unknown_renewal_period_is_not_yet_verified(client, make_state):
    state = make_state(**{**FULL_RULES, "recertification_years": None})
    _, result = worked_out(state)
    assert result.renewals is None
    assert not result.keeping_cost.complete
    assert figures(client, state)["keeping"] == (
        "Not yet verified: we do not know how often the credential is renewed."
    )


def test_unknown_renewal_fee_is_named(client, make_state):
    state = make_state(**{**FULL_RULES, "renewal_fee": None})
    # 2 renewals x 20 hours = 40; the fee is left out, not counted as $0
    assert figures(client, state)["keeping"] == (
        "2 renewals, 40 continuing-education hours. Not counted, because not yet verified: renewal fee."
    )


def test_unknown_continuing_education_hours_are_named(client, make_state):
    state = make_state(**{**FULL_RULES, "ceu_hours": None})
    # 2 renewals x $75 = $150
    assert figures(client, state)["keeping"] == (
        "2 renewals: $150. Not counted, because not yet verified: continuing-education hours."
    )


@pytest.mark.parametrize(("fee", "shown"), [(Decimal("1250.50"), "$1,250.50"), (Decimal("27.25"), "$27.25")])
def test_amounts_are_written_as_dollars(client, make_state, fee, shown):
    rules = {**FULL_RULES, "training_fee": Decimal("0"), "application_fee": Decimal("0"), "exam_fee": Decimal("0")}
    state = make_state(**{**rules, "background_check_fee": fee})
    assert figures(client, state)["cost"] == shown


def test_a_free_fee_beside_unknown_ones_is_at_least_zero_not_unverified(client, make_state):
    unknown = dict.fromkeys(["training_fee", "application_fee", "background_check_fee"])
    state = make_state(**{**FULL_RULES, **unknown, "exam_fee": Decimal("0")})
    cost = figures(client, state)["cost"]
    assert cost.startswith("At least $0")
    assert "training fee, application fee, background check fee" in cost
