"""The embeddable card: frameable by other sites, and only that route is."""

import pytest

from states.models import StatePage
from tests.html import parse


def test_embed_card_summarises_the_state_with_a_link_back(client, seeded):
    response = client.get("/states/tx/embed/")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response
    assert "frame-ancestors *" in response["Content-Security-Policy"]
    card = parse(response)
    assert "Texas" in card.h1.get_text()
    assert card.find("a", href="http://testserver/en/states/texas/")
    assert "46 hours" in card.get_text()


def test_embed_card_shows_unknowns_as_not_yet_verified(client, seeded):
    card = parse(client.get("/states/sd/embed/"))
    assert "Not yet verified" in card.get_text()


def test_other_pages_refuse_to_be_framed(client, seeded):
    assert client.get("/en/states/texas/")["X-Frame-Options"] == "DENY"


def test_embed_never_shows_an_unpublished_state(client, seeded):
    StatePage.objects.get(code="TX", locale__language_code="en").unpublish()
    assert client.get("/states/tx/embed/").status_code == 404


def test_state_page_offers_the_embed_code_and_short_link(client, seeded):
    page = parse(client.get("/en/states/texas/"))
    code = page.find("textarea", id="embed-code").get_text()
    assert 'src="http://testserver/states/tx/embed/"' in code
    assert page.find("label", attrs={"for": "embed-code"})
    assert page.find("a", href="/states/tx/")


def test_embed_never_shows_draft_values_or_private_states(client, seeded):
    from wagtail.models import PageViewRestriction

    texas = StatePage.objects.get(code="TX", locale__language_code="en")
    texas.training_hours = 999
    texas.save_revision()  # a draft
    card = client.get("/states/tx/embed/").content.decode()
    assert "46 hours" in card and "999" not in card
    PageViewRestriction.objects.create(page=texas, restriction_type="password", password="x")
    assert client.get("/states/tx/embed/").status_code == 404


@pytest.mark.parametrize(
    ("headers", "query", "language"),
    [
        ({"HTTP_ACCEPT_LANGUAGE": "es"}, "", "es"),
        ({"HTTP_ACCEPT_LANGUAGE": "en"}, "?lang=es", "es"),
        ({"HTTP_ACCEPT_LANGUAGE": "es"}, "?lang=en", "en"),
    ],
)
def test_embed_card_follows_the_visitors_language_or_the_one_asked_for(client, seeded, headers, query, language):
    response = client.get(f"/states/tx/embed/{query}", **headers)
    card = parse(response)
    assert card.html["lang"] == language
    assert response["Content-Language"] == language
    assert "Accept-Language" in response["Vary"]
    if language == "es":
        assert "Requisitos" in card.h1.get_text() and "46 horas" in card.get_text()
        assert card.find("a", href="http://testserver/es/states/texas/")
    else:
        assert "46 hours" in card.get_text()


def test_spanish_state_page_offers_spanish_short_link_and_embed_code(client, seeded):
    page = parse(client.get("/es/states/texas/"))
    assert 'src="http://testserver/states/tx/embed/?lang=es"' in page.find("textarea", id="embed-code").get_text()
    assert page.find("a", href="/states/tx/?lang=es")
