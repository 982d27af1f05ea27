"""Suggestions while typing: prefixes of titles, state codes and credential
abbreviations, as JSON for the search box."""

import pytest

from careers.models import SkillIndexPage
from tests.factories import SkillPageFactory

pytestmark = pytest.mark.usefixtures("elasticsearch", "seeded")


def suggested(search, prefix):
    response = search({"q": prefix}, path="/en/search/suggest/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["suggestions"]


def test_a_title_prefix_suggests_the_page_with_its_url_and_kind(search):
    suggestions = suggested(search, "tex")
    texas = next(s for s in suggestions if s["title"] == "Texas")
    assert texas["url"] == "/en/states/texas/"
    assert texas["type"] == "State requirements"


@pytest.mark.parametrize(("prefix", "title"), [("flor", "Florida"), ("penn", "Pennsylvania"), ("TX", "Texas")])
def test_prefixes_of_names_and_codes(search, prefix, title):
    assert title in [s["title"] for s in suggested(search, prefix)]


def test_digits_are_kept(search):
    SkillPageFactory(parent=SkillIndexPage.objects.get(locale__language_code="en"), title="988 crisis line basics")
    assert "988 crisis line basics" in [s["title"] for s in suggested(search, "988")]


def test_a_credential_abbreviation_suggests_its_states(search):
    from states.models import StateCredential

    state = StateCredential.objects.filter(abbreviation__iexact="CRSS").first().page.title
    assert state in [s["title"] for s in suggested(search, "crss")]


def test_at_most_eight_suggestions(search):
    assert len(suggested(search, "n")) <= 8


def test_an_empty_prefix_suggests_nothing(search):
    assert suggested(search, "") == []
