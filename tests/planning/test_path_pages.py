"""My path to certification on the seeded states, in English and in Spanish.

Five states with different rules, as states/content/states.json and fees.yaml
give them (null there is "not yet verified"):

- TX: 46 training and 250 supervised hours, an exam, a background check, IC&RC, renewal every 2 years (20 CE hours).
- WI: training and supervised hours unknown, exam fee $50, no background check, renewal every 2 years for $50.
- PA: 75 training hours, supervised hours and background check unknown, IC&RC, renewal every 2 years for $50.
- NC: 70 training hours, no state exam ("None (no state test)"), no IC&RC reciprocity, renewal every 2 years.
- SD: no certification found: nearly everything unknown.

The Spanish catalogue is being translated, so the Spanish runs check structure,
figures, links and language, never sentences.
"""

import re

import pytest

from states.models import StatePage
from tests.html import parse
from tests.planning.conftest import ANCHOR_OF_STEP, answers_for

pytestmark = pytest.mark.usefixtures("seeded")

DONE, TO_DO, NOT_VERIFIED, NOT_NEEDED = "done", "to_do", "not_verified", "not_needed"

# The order path_steps lists them in, and the state page section each one links to.
ORDER = [
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

# A visitor with a high school diploma and lived experience, 20 training hours done, nothing else.
TWENTY_HOURS = {"training_done": "20"}

# For each state: its slug and titles, each step's status and the numbers its explanation
# gives (hours done and to go, fees), and the numbers of the estimate (cost, hours, keeping
# it for 5 years). Numbers rather than words, so the same table holds in both languages.
CHECKLISTS = {
    "TX": {
        "slug": "texas",
        "title": {"en": "Texas", "es": "Texas"},
        "steps": {
            "schooling": (DONE, []),
            "lived_experience": (DONE, []),
            "training": (TO_DO, ["20", "26"]),  # 46 asked for, 20 done: 26 to go
            "supervised": (TO_DO, ["0", "250"]),
            "exam": (TO_DO, []),  # fee not yet verified
            "background_check": (TO_DO, []),
            "apply": (TO_DO, []),
            "renewal": (TO_DO, []),
        },
        "required_hours": {"training": "46", "supervised": "250"},
        # Every fee unknown; 26 + 250 hours at 10 a week; 2 renewals with 20 CE hours each, fee unknown.
        "figures": {"cost": [], "hours": ["276", "28"], "keeping": ["2", "40"]},
    },
    "WI": {
        "slug": "wisconsin",
        "title": {"en": "Wisconsin", "es": "Wisconsin"},
        "steps": {
            "schooling": (DONE, []),
            "lived_experience": (DONE, []),
            "training": (NOT_VERIFIED, ["20"]),  # only what the visitor has done
            "supervised": (NOT_VERIFIED, ["0"]),
            "exam": (TO_DO, ["50"]),
            "background_check": (NOT_NEEDED, []),
            "apply": (TO_DO, []),
            "renewal": (TO_DO, ["50"]),
        },
        "required_hours": {},
        # The $50 exam fee is known, the others are not; no hours known; 2 renewals of $50 and 20 CE hours.
        "figures": {"cost": ["50"], "hours": [], "keeping": ["2", "100", "40"]},
    },
    "PA": {
        "slug": "pennsylvania",
        "title": {"en": "Pennsylvania", "es": "Pensilvania"},
        "steps": {
            "schooling": (DONE, []),
            "lived_experience": (DONE, []),
            "training": (TO_DO, ["20", "55"]),
            "supervised": (NOT_VERIFIED, ["0"]),
            "exam": (TO_DO, []),
            "background_check": (NOT_VERIFIED, []),
            "apply": (TO_DO, []),
            "renewal": (TO_DO, ["50"]),
        },
        "required_hours": {"training": "75"},
        "figures": {"cost": [], "hours": ["55", "6"], "keeping": ["2", "100", "72"]},
    },
    "NC": {
        "slug": "north-carolina",
        "title": {"en": "North Carolina", "es": "Carolina del Norte"},
        "steps": {
            "schooling": (DONE, []),
            "lived_experience": (DONE, []),
            "training": (TO_DO, ["20", "50"]),
            "supervised": (NOT_VERIFIED, ["0"]),
            # states.json: "exam": "None (no state test)". See test_a_state_without_an_exam_asks_for_none.
            "exam": (NOT_NEEDED, []),
            "background_check": (NOT_VERIFIED, []),
            "apply": (TO_DO, []),
            "renewal": (TO_DO, []),
        },
        "required_hours": {"training": "70"},
        # Renewal period known (2 years) but neither its fee nor its CE hours.
        "figures": {"cost": [], "hours": ["50", "5"], "keeping": ["2"]},
    },
    "SD": {
        "slug": "south-dakota",
        "title": {"en": "South Dakota", "es": "Dakota del Sur"},
        "steps": {
            "schooling": (NOT_VERIFIED, []),
            "lived_experience": (NOT_VERIFIED, []),
            "training": (NOT_VERIFIED, ["20"]),
            "supervised": (NOT_VERIFIED, ["0"]),
            "exam": (NOT_VERIFIED, []),
            "background_check": (NOT_VERIFIED, []),
            "apply": (NOT_VERIFIED, []),
            "renewal": (NOT_VERIFIED, []),
        },
        "required_hours": {},
        "figures": {"cost": [], "hours": [], "keeping": []},
    },
}

LANGUAGES = ["en", "es"]


def numbers(tag):
    """The figures in a piece of text, in order: "$1,000" and "1.000" stay one number."""
    return re.findall(r"\d+(?:[.,]\d+)*", tag.get_text(" ") if tag is not None else "")


def state(code, language):
    return StatePage.objects.get(code=code, locale__language_code=language)


def post_path(client, language, code, **answers):
    return client.post(f"/{language}/plan/path/", answers_for(state(code, language), **answers))


def steps_in(page, selector):
    return {step["data-rule"]: step for step in page.select(selector)}


def rule_link(step):
    """The link to the state page's section for this rule: the first link in the step's links."""
    return step.select_one(".step-links a")["href"]


def state_page_anchors(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return {tag["id"] for tag in parse(response).select("[id]")}


@pytest.mark.parametrize("code", list(CHECKLISTS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_checklist_applies_the_states_rules(client, language, code):
    expected = CHECKLISTS[code]
    response = post_path(client, language, code, **TWENTY_HOURS)
    assert response.status_code == 200
    page = parse(response)
    assert page.html["lang"] == language
    assert expected["title"][language] in page.select_one("#plan-heading").get_text()

    steps = steps_in(page, "li.step")
    assert set(steps) == set(expected["steps"])

    # Each step links to its section on the state page in the visitor's language, and the section is there.
    state_url = f"/{language}/states/{expected['slug']}/"
    assert {rule: rule_link(step) for rule, step in steps.items()} == {
        rule: f"{state_url}#{ANCHOR_OF_STEP[rule]}" for rule in steps
    }
    assert {ANCHOR_OF_STEP[rule] for rule in steps} <= state_page_anchors(client, state_url)

    # What is left and what each step costs, in figures.
    assert {rule: numbers(step.select_one(".step-explanation")) for rule, step in steps.items()} == {
        rule: figures for rule, (_status, figures) in expected["steps"].items()
    }
    for rule, hours in expected["required_hours"].items():
        assert numbers(steps[rule].select_one(".step-requirement"))[0] == hours
    estimate = {dd["data-figure"]: numbers(dd) for dd in page.select("dd[data-figure]")}
    assert estimate == expected["figures"]

    # Last, so that a wrong status does not hide the checks above: each status, and the two lists in order.
    statuses = {rule: step["class"] for rule, step in steps.items()}
    assert statuses == {rule: ["step", f"step-{status}"] for rule, (status, _figures) in expected["steps"].items()}
    remaining = [rule for rule in ORDER if expected["steps"].get(rule, (None,))[0] in (TO_DO, NOT_VERIFIED)]
    finished = [rule for rule in ORDER if expected["steps"].get(rule, (None,))[0] in (DONE, NOT_NEEDED)]
    assert [step["data-rule"] for step in page.select("ol.steps > li.step")] == remaining
    assert [step["data-rule"] for step in page.select("ul.steps > li.step")] == finished


# Someone further along: another state's IC&RC credential, the hours done, the exam passed.
FURTHER_ALONG = {
    "credential": "other_state_ic_rc",
    "training_done": "500",
    "supervised_done": "500",
    "exam_passed": "yes",
}
# The reciprocity step and the hour steps (done where the hours are known, unknown
# otherwise), and the hours the estimate still counts.
FURTHER_ALONG_STEPS = {
    "TX": ({"reciprocity": TO_DO, "training": DONE, "supervised": DONE}, ["0"]),
    "WI": ({"reciprocity": NOT_VERIFIED, "training": NOT_VERIFIED, "supervised": NOT_VERIFIED}, []),
    # Training done, supervised hours unknown: "at least 0 hours", the unknown ones named.
    "PA": ({"reciprocity": TO_DO, "training": DONE, "supervised": NOT_VERIFIED}, ["0"]),
    "NC": ({"reciprocity": TO_DO, "training": DONE, "supervised": NOT_VERIFIED}, ["0"]),  # to do: no IC&RC route
    "SD": ({"reciprocity": NOT_VERIFIED, "training": NOT_VERIFIED, "supervised": NOT_VERIFIED}, []),
}


@pytest.mark.parametrize("code", list(FURTHER_ALONG_STEPS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_credential_from_another_state_puts_reciprocity_first(client, language, code):
    expected_steps, expected_hours = FURTHER_ALONG_STEPS[code]
    response = post_path(client, language, code, **FURTHER_ALONG)
    assert response.status_code == 200
    page = parse(response)
    assert page.html["lang"] == language
    steps = steps_in(page, "li.step")
    assert {rule: steps[rule]["class"] for rule in expected_steps} == {
        rule: ["step", f"step-{status}"] for rule, status in expected_steps.items()
    }
    # Asked about before repeating anything, and linked to the state's reciprocity section.
    assert page.select("ol.steps > li.step")[0]["data-rule"] == "reciprocity"
    slug = CHECKLISTS[code]["slug"]
    assert rule_link(steps["reciprocity"]) == f"/{language}/states/{slug}/#reciprocity"
    # More hours than asked for leave none to do (never a negative number); unknown ones stay unknown.
    assert numbers(page.select_one("dd[data-figure=hours]")) == expected_hours
    # A passed exam is not left to do where the state's exam rule is known (SD's is not).
    if code != "SD":
        assert "exam" in steps_in(page, "ul.steps > li.step")


@pytest.mark.parametrize("language", LANGUAGES)
def test_hours_already_done_in_full_leave_no_hours_to_do(client, language):
    response = post_path(client, language, "TX", training_done="46", supervised_done="250")
    page = parse(response)
    steps = steps_in(page, "ul.steps > li.step")
    assert steps["training"]["class"] == ["step", "step-done"]
    assert steps["supervised"]["class"] == ["step", "step-done"]
    assert numbers(page.select_one("dd[data-figure=hours]")) == ["0"]


def test_a_state_without_an_exam_asks_for_none(client):
    """North Carolina's record in states.json says "exam": "None (no state test)", but
    states/seeding.py sets exam_required to True for any non-empty exam text, so the
    checklist lists an exam to take, with "None (no state test)" as its requirement."""
    page = parse(post_path(client, "en", "NC", **TWENTY_HOURS))
    exam = steps_in(page, "li.step")["exam"]
    assert exam["class"] == ["step", "step-not_needed"], exam.get_text(" ", strip=True)
