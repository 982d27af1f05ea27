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


@pytest.mark.parametrize(
    ("headers", "query", "expected"),
    [
        ({"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9"}, "", "/es/states/texas/"),
        ({"HTTP_ACCEPT_LANGUAGE": "en-US"}, "?lang=es", "/es/states/texas/"),
        ({"HTTP_ACCEPT_LANGUAGE": "es"}, "?lang=en", "/en/states/texas/"),
        ({"HTTP_ACCEPT_LANGUAGE": "fr"}, "", "/en/states/texas/"),
        ({"HTTP_ACCEPT_LANGUAGE": "es"}, "?lang=xx", "/es/states/texas/"),
    ],
)
def test_short_link_follows_the_visitors_language_or_the_one_asked_for(client, seeded, headers, query, expected):
    response = client.get(f"/states/tx/{query}", **headers)
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


def test_short_link_follows_the_language_the_visitor_chose_on_the_site(client, seeded):
    client.cookies["django_language"] = "es"
    assert client.get("/states/tx/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/es/states/texas/"


def test_a_language_without_the_page_falls_back_to_english(client, seeded):
    from wagtail.models import Locale

    english = StatePage.objects.get(code="TX", locale__language_code="en")
    english.get_translation(Locale.objects.get(language_code="es")).unpublish()
    response = client.get("/states/tx/", HTTP_ACCEPT_LANGUAGE="es")
    assert response["Location"] == "/en/states/texas/"


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
