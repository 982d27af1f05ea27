"""Fixtures for the planning tools: states with known rules, and answers as a browser posts them."""

from decimal import Decimal

import pytest
from django.utils import translation

from states.models import StateCredential, StateIndexPage
from tests import factories

# Where each step sends the visitor on the state page (the section anchors organizations link to).
ANCHOR_OF_STEP = {
    "reciprocity": "reciprocity",
    "schooling": "education",
    "lived_experience": "lived-experience",
    "training": "training",
    "supervised": "supervised-hours",
    "exam": "exam",
    "background_check": "background-check",
    "apply": "credentials",
    "renewal": "recertification",
}

# A state where every figure the tools read is known.
FULL_RULES = {
    "education_minimum": "High school diploma or GED",
    "education_level": "high_school",
    "lived_experience_required": True,
    "lived_experience_wording": "Lived experience of recovery.",
    "training_hours": 60,
    "supervised_hours": 500,
    "exam_required": True,
    "background_check": True,
    "recertification_years": 2,
    "ceu_hours": 20,
    "ic_rc_reciprocity": True,
    "training_fee": Decimal("400"),
    "application_fee": Decimal("100"),
    "exam_fee": Decimal("200"),
    "background_check_fee": Decimal("27.25"),
    "renewal_fee": Decimal("75"),
}

# Someone starting out: a high school diploma, lived experience, nothing done yet.
STARTING_ANSWERS = {
    "education": "high_school",
    "lived_experience": "yes",
    "training_done": "0",
    "supervised_done": "0",
    "exam_passed": "no",
    "credential": "none",
    "pace": "10",
    "years": "5",
}


@pytest.fixture(autouse=True)
def in_english():
    """Each test starts in English: an /es/ request earlier in the run must not leave Spanish active."""
    with translation.override("en"):
        yield


@pytest.fixture
def state_index(seeded):
    return StateIndexPage.objects.child_of(seeded).get()


@pytest.fixture
def make_state(state_index):
    """A live English state page with the given rules (unset ones stay not yet verified) and one credential."""

    def make(title="Testland", credential="Certified Peer Specialist", **rules):
        state = factories.StatePageFactory(parent=state_index, title=title, **rules)
        if credential:
            StateCredential.objects.create(page=state, locale=state.locale, name=credential, abbreviation="CPS")
        return state

    return make


def answers_for(state, **overrides):
    """The POST data of the path form for `state`."""
    return {"state": state.code.lower(), **STARTING_ANSWERS, **overrides}
