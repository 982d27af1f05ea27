"""Bad or missing answers get a clear message beside the question and in a
summary at the top, the form comes back with everything else the visitor
typed, and the status is a 400: never a 500, whatever is posted.

Hypothesis generates the hostile answers, in the style of
tests/core/test_fuzz_public_endpoints.py. The test client re-raises an
exception a view lets escape, so an exception fails the fuzz too."""

from urllib.parse import urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from states.models import StateCredential, StatePage
from tests.core.test_fuzz_public_endpoints import SCALE
from tests.core.test_fuzz_public_endpoints import fuzz as public_endpoints_fuzz
from tests.html import parse
from tests.planning.conftest import FULL_RULES, STARTING_ANSWERS, answers_for

PATH_URL = "/en/plan/path/"
MOVING_URL = "/en/plan/moving/"

PATH_REQUIRED = ["state", "education", "lived_experience", "exam_passed", "credential", "pace", "years"]
MOVING_REQUIRED = ["from_state", "to_state", "pace"]


@pytest.fixture
def two_states(make_state):
    leaving = make_state(title="Leavingland", credential="Certified Peer Specialist", **FULL_RULES)
    arriving = make_state(title="Arrivingland", credential="Peer Recovery Specialist", **FULL_RULES)
    return leaving, arriving


def moving_answers(leaving, arriving, **overrides):
    return {
        "from_state": leaving.code.lower(),
        "credential": str(leaving.credentials.get().pk),
        "to_state": arriving.code.lower(),
        "pace": "10",
        **overrides,
    }


def error_summary(response):
    summary = parse(response).select_one(".error-summary[role=alert]")
    assert summary is not None, "no error summary"
    return summary


def summary_links(response):
    """{question id: message} for each message in the summary. A group of choices is
    linked through its first choice (id_education_0), which can take the focus."""
    page = parse(response)
    links = {}
    for link in error_summary(response).select("li a"):
        target = link["href"].removeprefix("#")
        assert page.find(id=target) is not None, f"the summary links to a missing id: {target}"
        links[target.removesuffix("_0")] = link.get_text(" ", strip=True)
    return links


def message_beside(response, field):
    """The message shown with the question itself, found by the id the field template gives it."""
    page = parse(response)
    question = page.find(id=f"id_{field}")
    assert question is not None, f"no element with the id the summary links to: id_{field}"
    message = page.find(id=f"id_{field}-error")
    assert message is not None, f"no message beside {field}"
    return message.get_text(" ", strip=True)


def assert_refused(response, field, message):
    """A 400 whose summary links `message` to the question `field`, and shows it beside the question too."""
    assert response.status_code == 400, response.status_code
    links = summary_links(response)
    assert f"id_{field}" in links, links
    assert message in links[f"id_{field}"], links
    assert message in message_beside(response, field)


# Missing answers ----------------------------------------------------------------------------------


def test_a_path_with_no_answers_lists_every_missing_one(client, seeded):
    response = client.post(PATH_URL, {})
    assert response.status_code == 400
    links = summary_links(response)
    assert set(links) == {f"id_{field}" for field in PATH_REQUIRED}
    assert len(error_summary(response).select("li")) == len(PATH_REQUIRED), "one message per missing answer"
    page = parse(response)
    for field in PATH_REQUIRED:
        assert links[f"id_{field}"], f"an empty message for {field}"
        assert links[f"id_{field}"] in message_beside(response, field)
        # The summary's link leads to the question: the element is inside the form.
        assert page.select_one(f"form.planner-form #id_{field}") is not None
    assert links["id_state"] == "Choose the state where you want to be certified."
    assert links["id_years"] == "Say how many years you plan to keep the credential, for example 5."
    # No plan is made from nothing.
    assert page.select("li[data-rule]") == []


def test_a_move_with_no_answers_lists_every_missing_one(client, seeded):
    response = client.post(MOVING_URL, {})
    assert response.status_code == 400
    links = summary_links(response)
    assert set(links) == {f"id_{field}" for field in MOVING_REQUIRED}
    assert links["id_from_state"] == "Choose the state where you hold your credential."
    assert links["id_to_state"] == "Choose the state you are moving to."
    for field in MOVING_REQUIRED:
        assert links[f"id_{field}"] in message_beside(response, field)


def test_a_missing_answer_loses_none_of_the_others(client, seeded):
    answers = {**STARTING_ANSWERS, "education": "some_college", "training_done": "23", "supervised_done": "45"}
    answers["lived_experience"] = "rather_not_say"
    answers["exam_passed"] = "yes"
    answers["pace"] = "7"
    answers["years"] = "9"
    response = client.post(PATH_URL, answers)  # no state
    assert response.status_code == 400
    assert set(summary_links(response)) == {"id_state"}
    form = parse(response).select_one("form.planner-form")
    assert form.select_one("input[name=training_done]")["value"] == "23"
    assert form.select_one("input[name=supervised_done]")["value"] == "45"
    assert form.select_one("input[name=pace]")["value"] == "7"
    assert form.select_one("input[name=years]")["value"] == "9"
    for name in ("education", "lived_experience", "exam_passed", "credential"):
        checked = form.select(f"input[name={name}][checked]")
        assert [radio["value"] for radio in checked] == [answers[name]], name


def test_a_wrong_answer_keeps_what_was_typed_so_it_can_be_corrected(client, two_states):
    state, _ = two_states
    # The state as a browser posts it: the option's value.
    data = {**answers_for(state, training_done="twenty", supervised_done="12"), "state": state.code}
    response = client.post(PATH_URL, data)
    assert response.status_code == 400
    form = parse(response).select_one("form.planner-form")
    assert form.select_one("input[name=training_done]")["value"] == "twenty"
    assert form.select_one("input[name=supervised_done]")["value"] == "12"
    assert form.select_one(f"select[name=state] option[value={state.code}][selected]") is not None


def test_a_move_with_a_missing_state_keeps_the_other_answers(client, two_states):
    leaving, arriving = two_states
    data = moving_answers(leaving, arriving, pace="33", from_state=leaving.code)
    del data["to_state"]
    response = client.post(MOVING_URL, data)
    assert response.status_code == 400
    assert set(summary_links(response)) == {"id_to_state"}
    form = parse(response).select_one("form.planner-form")
    assert form.select_one(f"select[name=from_state] option[value={leaving.code}][selected]") is not None
    assert form.select_one("select[name=credential] option[selected]")["value"] == data["credential"]
    assert form.select_one("input[name=pace]")["value"] == "33"


@pytest.mark.parametrize("posted", ["lower", "padded"])
def test_a_state_code_the_form_accepts_is_kept_when_another_answer_is_wrong(client, two_states, posted):
    # The state field takes "qa" or " QA " as the state QA (a link or another site's form may post
    # it so, and a plan is made from it), but when another answer is wrong the form comes back with
    # no state chosen: the select compares the raw posted text with the upper-case option values.
    state, arriving = two_states
    code = state.code.lower() if posted == "lower" else f" {state.code} "
    assert client.post(PATH_URL, {**answers_for(state), "state": code}).status_code == 200
    response = client.post(PATH_URL, {**answers_for(state), "state": code, "years": "0"})
    assert response.status_code == 400
    assert set(summary_links(response)) == {"id_years"}
    form = parse(response).select_one("form.planner-form")
    assert form.select_one(f"select[name=state] option[value={state.code}][selected]") is not None

    data = {**moving_answers(state, arriving), "from_state": code, "pace": "0"}
    response = client.post(MOVING_URL, data)
    assert set(summary_links(response)) == {"id_pace"}
    form = parse(response).select_one("form.planner-form")
    assert form.select_one(f"select[name=from_state] option[value={state.code}][selected]") is not None


# One wrong answer at a time -----------------------------------------------------------------------

PATH_MISTAKES = {
    "unknown state": ({"state": "zz"}, "state", "Choose a state from the list."),
    "a state that cannot be one": ({"state": "Texas!"}, "state", "Choose a state from the list."),
    "empty state": ({"state": ""}, "state", "Choose the state where you want to be certified."),
    "negative hours": ({"training_done": "-1"}, "training_done", "The number of hours cannot be below 0."),
    "hours above 10000": ({"supervised_done": "10001"}, "supervised_done", "Write at most 10000 hours."),
    "hours as words": (
        {"training_done": "twenty"},
        "training_done",
        "Write the number of hours as a whole number, for example 20.",
    ),
    "hours with a fraction": (
        {"supervised_done": "2.5"},
        "supervised_done",
        "Write the number of hours as a whole number, for example 20.",
    ),
    "pace 0": ({"pace": "0"}, "pace", "Give at least 1 hour a week."),
    "pace above 80": ({"pace": "81"}, "pace", "A week has room for at most 80 hours of this."),
    "pace as words": ({"pace": "ten"}, "pace", "Write the hours a week as a whole number, for example 10."),
    "pace missing": ({"pace": ""}, "pace", "Say how many hours a week you can give, for example 10."),
    "years 0": ({"years": "0"}, "years", "Give at least 1 year."),
    "years 100": ({"years": "100"}, "years", "Give at most 40 years."),
    "years as words": ({"years": "five"}, "years", "Write the years as a whole number, for example 5."),
    "made-up schooling": ({"education": "phd_in_wizardry"}, "education", "Choose one of the schooling options."),
    "made-up lived experience answer": (
        {"lived_experience": "maybe"},
        "lived_experience",
        "Choose one of the lived experience answers.",
    ),
    "made-up exam answer": ({"exam_passed": "perhaps"}, "exam_passed", "Choose one of the exam answers."),
    "made-up credential answer": ({"credential": "stolen"}, "credential", "Choose one of the credential answers."),
}


@pytest.mark.parametrize("overrides, field, message", PATH_MISTAKES.values(), ids=PATH_MISTAKES.keys())
def test_a_wrong_path_answer_gets_its_own_message(client, two_states, overrides, field, message):
    state, _ = two_states
    response = client.post(PATH_URL, {**answers_for(state), **overrides})
    assert_refused(response, field, message)
    # Only the wrong answer is named.
    assert set(summary_links(response)) == {f"id_{field}"}


def test_the_largest_and_smallest_answers_are_accepted(client, two_states):
    state, _ = two_states
    for overrides in (
        {"training_done": "10000", "supervised_done": "0", "pace": "80", "years": "40"},
        {"training_done": "", "supervised_done": "", "pace": "1", "years": "1"},
        {"training_done": " 12 ", "supervised_done": "20.0"},
    ):
        response = client.post(PATH_URL, {**answers_for(state), **overrides})
        assert response.status_code == 200, (overrides, summary_links(response))
        assert parse(response).select_one(".error-summary") is None


def test_a_move_to_the_same_state_is_refused(client, two_states):
    leaving, arriving = two_states
    response = client.post(MOVING_URL, moving_answers(leaving, arriving, to_state=leaving.code.lower()))
    assert_refused(response, "to_state", "Choose a state other than the one you are leaving.")


def test_a_credential_of_another_state_is_refused(client, two_states):
    leaving, arriving = two_states
    theirs = arriving.credentials.get()
    response = client.post(MOVING_URL, moving_answers(leaving, arriving, credential=str(theirs.pk)))
    assert_refused(response, "credential", f"Choose one of {leaving.title}'s credentials, or leave it empty.")


@pytest.mark.parametrize("credential", ["999999", "abc", "-1", "\x00"])
def test_an_unknown_credential_is_refused(client, two_states, credential):
    leaving, arriving = two_states
    assert not StateCredential.objects.filter(pk=999999).exists()
    response = client.post(MOVING_URL, moving_answers(leaving, arriving, credential=credential))
    assert_refused(response, "credential", "Choose a credential from the list.")


def test_a_move_from_an_unknown_state_is_refused(client, two_states):
    response = client.post(MOVING_URL, moving_answers(*two_states, from_state="zz"))
    assert_refused(response, "from_state", "Choose the state you are leaving from the list.")
    response = client.post(MOVING_URL, moving_answers(*two_states, to_state="zz"))
    assert_refused(response, "to_state", "Choose the state you are moving to from the list.")


def test_a_move_with_pace_0_is_refused(client, two_states):
    response = client.post(MOVING_URL, moving_answers(*two_states, pace="0"))
    assert_refused(response, "pace", "Give at least 1 hour a week.")


def test_a_move_without_a_credential_is_fine(client, two_states):
    response = client.post(MOVING_URL, moving_answers(*two_states, credential=""))
    assert response.status_code == 200
    assert parse(response).select_one(".error-summary") is None


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options"])
@pytest.mark.parametrize("url", [PATH_URL, MOVING_URL])
def test_another_method_is_not_allowed(client, seeded, method, url):
    response = getattr(client, method)(
        url, urlencode(STARTING_ANSWERS), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 405
    assert {"GET", "POST"} <= {name.strip() for name in response["Allow"].split(",")}


# In Spanish ---------------------------------------------------------------------------------------


def test_missing_answers_in_spanish_get_the_summary(client, seeded):
    response = client.post("/es/plan/path/", {})
    assert response.status_code == 400
    links = summary_links(response)
    assert set(links) == {f"id_{field}" for field in PATH_REQUIRED}
    assert all(links.values())
    assert parse(response).html["lang"].startswith("es")


@pytest.mark.parametrize(
    "url, data, field",
    [
        ("/es/plan/path/", {**STARTING_ANSWERS, "state": "tx", "years": "0"}, "years"),
        ("/es/plan/path/", {**STARTING_ANSWERS, "state": "zz"}, "state"),
        ("/es/plan/path/", {**STARTING_ANSWERS, "state": "tx", "training_done": "-5"}, "training_done"),
        ("/es/plan/moving/", {"from_state": "tx", "to_state": "tx", "pace": "10"}, "to_state"),
        ("/es/plan/moving/", {"from_state": "tx", "to_state": "nh", "pace": "0"}, "pace"),
    ],
)
def test_a_wrong_answer_in_spanish_gets_the_summary(client, seeded, url, data, field):
    response = client.post(url, data)
    assert response.status_code == 400
    links = summary_links(response)
    assert set(links) == {f"id_{field}"}
    assert links[f"id_{field}"] in message_beside(response, field)


# Whatever is posted -------------------------------------------------------------------------------

# The public endpoints' fuzz settings (FUZZ_SCALE, no .hypothesis folder), with more examples.
fuzz = settings(public_endpoints_fuzz, max_examples=60 * SCALE)

NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "1\x00",
    "\r\n",
    "\ufeff",
    "\u202e",
    "-0",
    "+5",
    "0x10",
    "1e3",
    "1e309",
    "NaN",
    "inf",
    "-1",
    "99999999999999999999999999",
    "9" * 5000,
    "١٢",  # Arabic-Indic digits: int() reads them
    "１０",  # full-width digits
    "10.0",
    "10,5",
    "None",
    "[]",
    "{}",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "' OR 1=1 --",
    "😀" * 20,
    "ǅ",
    "İ",
    "x" * 10_000,
]
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
huge = st.integers(min_value=-(10**30), max_value=10**30).map(str)
hostile = st.one_of(st.sampled_from(NASTY), any_text, huge)
state_codes = ["tx", "TX", " nh ", "fl", "pr", "zz", "qa", "t", "texas"]
# Valid values now and then, so that the checks behind the first ones are reached too.
good = {
    "state": st.sampled_from(state_codes),
    "from_state": st.sampled_from(state_codes),
    "to_state": st.sampled_from(state_codes),
    "education": st.sampled_from(["high_school", "some_college", "degree", "none", "HIGH_SCHOOL"]),
    "lived_experience": st.sampled_from(["yes", "no", "rather_not_say"]),
    "exam_passed": st.sampled_from(["yes", "no"]),
    "credential": st.sampled_from(["none", "other_state", "other_state_ic_rc", ""]),
    "training_done": st.integers(-5, 10_005).map(str),
    "supervised_done": st.integers(-5, 10_005).map(str),
    "pace": st.integers(-1, 82).map(str),
    "years": st.integers(-1, 101).map(str),
    "share": st.just("1"),
}
PATH_FIELDS = [
    "state",
    "education",
    "lived_experience",
    "training_done",
    "supervised_done",
    "exam_passed",
    "credential",
    "pace",
    "years",
    "share",
]
MOVING_FIELDS = ["from_state", "credential", "to_state", "pace", "share"]


def answers(fields, credential_ids=()):
    """Some of `fields`, each a hostile or a good value, sometimes repeated (a list), plus a stray key."""

    def value(name):
        choices = [hostile, good[name]]
        if name == "credential" and credential_ids:
            choices.append(st.sampled_from(credential_ids))
        one = st.one_of(*choices)
        return st.one_of(one, st.lists(one, min_size=2, max_size=3))

    known = st.fixed_dictionaries({}, optional={name: value(name) for name in fields})
    stray = st.dictionaries(hostile.filter(bool), hostile, max_size=1)
    return st.builds(lambda a, b: {**b, **a}, known, stray)


def assert_answered(response):
    assert response.status_code in (200, 400), response.status_code
    page = parse(response)
    if page.select_one("form.planner-form") is None:
        # Refused before the view (Django's own 400: a multipart header over its size limit).
        assert response.status_code == 400
    elif response.status_code == 400:
        assert page.select_one(".error-summary[role=alert] li") is not None


def post(client, url, data, urlencoded):
    if urlencoded:
        return client.post(url, urlencode(data, doseq=True), content_type="application/x-www-form-urlencoded")
    return client.post(url, data)


@pytest.fixture
def credential_ids(seeded):
    texas = StatePage.objects.get(code="TX", locale__language_code="en")
    ids = [str(pk) for pk in texas.credentials.values_list("pk", flat=True)]
    ids += [str(pk) for pk in StateCredential.objects.exclude(page=texas).values_list("pk", flat=True)[:3]]
    return ids


@fuzz
@given(data=st.data(), language=st.sampled_from(["en", "es"]), urlencoded=st.booleans())
def test_any_path_answers_are_answered(client, seeded, data, language, urlencoded):
    posted = data.draw(answers(PATH_FIELDS))
    assert_answered(post(client, f"/{language}/plan/path/", posted, urlencoded))


@fuzz
@given(data=st.data(), language=st.sampled_from(["en", "es"]), urlencoded=st.booleans())
def test_any_moving_answers_are_answered(client, credential_ids, data, language, urlencoded):
    posted = data.draw(answers(MOVING_FIELDS, credential_ids))
    assert_answered(post(client, f"/{language}/plan/moving/", posted, urlencoded))


# Found by hand or by the fuzz above, kept as plain examples.
HOSTILE_PATH_ANSWERS = {
    "NUL as the state": {**STARTING_ANSWERS, "state": "\x00"},
    "NUL in the hours": {**STARTING_ANSWERS, "state": "tx", "training_done": "1\x00"},
    "5000 digits of hours": {**STARTING_ANSWERS, "state": "tx", "training_done": "9" * 5000},
    "1e309 years": {**STARTING_ANSWERS, "state": "tx", "years": "1e309"},
    "two states": {**STARTING_ANSWERS, "state": ["tx", "nh"]},
    "full-width digits": {**STARTING_ANSWERS, "state": "tx", "pace": "１０"},
}


@pytest.mark.parametrize("data", HOSTILE_PATH_ANSWERS.values(), ids=HOSTILE_PATH_ANSWERS.keys())
def test_hostile_path_answers_are_answered(client, seeded, data):
    assert_answered(client.post(PATH_URL, data))
