"""`/states/<code>/` always reaches the state, in any case; unknown codes list the states."""

import pytest

from states.models import StatePage
from tests.html import parse


@pytest.mark.parametrize("code", ["fl", "FL", "Fl"])
def test_short_link_reaches_the_state_in_any_case(client, seeded, code):
    response = client.get(f"/states/{code}/")
    assert response.status_code == 302
    assert response["Location"] == "/en/states/florida/"
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("code", ["zz", "florida", "f1", "%00"])
def test_unknown_code_is_a_404_that_lists_the_states(client, seeded, code):
    response = client.get(f"/states/{code}/")
    assert response.status_code == 404
    links = parse(response).select("main li a")
    assert len(links) == 52
    assert "/en/states/florida/" in {a["href"] for a in links}


def test_a_state_whose_page_is_unpublished_is_not_linked(client, seeded):
    StatePage.objects.get(code="FL", locale__language_code="en").unpublish()
    assert client.get("/states/fl/").status_code == 404


def test_renaming_a_state_keeps_the_old_url_working(client, seeded, django_capture_on_commit_callbacks):
    florida = StatePage.objects.get(code="FL", locale__language_code="en")
    florida.slug = "florida-state"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail creates the redirect on commit
        florida.save_revision().publish()
    old = client.get("/en/states/florida/")
    assert old.status_code in (301, 302)
    assert old["Location"].endswith("/en/states/florida-state/")
    assert client.get("/states/fl/")["Location"] == "/en/states/florida-state/"
