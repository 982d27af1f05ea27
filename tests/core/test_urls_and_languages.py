"""Public pages live under /<lang>/; the admin, the API and machine files do not."""

import pytest

from tests.html import parse


def test_root_redirects_to_the_english_home(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_home_is_served_under_the_language_prefix(client, home):
    response = client.get("/en/")
    assert response.status_code == 200
    assert b'<html lang="en">' in response.content


def test_pages_use_prefixed_urls(home):
    from tests.factories import CareerLadderPageFactory

    ladder = CareerLadderPageFactory(parent=home)
    assert ladder.url == "/en/career-ladder/"


def test_admin_is_outside_the_prefix(client, db):
    assert client.get("/admin/login/").status_code == 200
    assert client.get("/en/admin/login/").status_code == 404


def test_api_is_outside_the_prefix(client, home):
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    assert response.json()["meta"]["total_count"] >= 1


@pytest.mark.parametrize("path", ["/en/no-such-page/", "/en/career-ladder/missing/"])
def test_unknown_page_gets_the_friendly_404(client, home, path):
    response = client.get(path)
    assert response.status_code == 404
    page = parse(response)
    assert page.h1.get_text(strip=True) == "We can't find that page"
    assert page.find("a", href="/en/search/")


def test_an_unprefixed_page_path_is_sent_to_its_language_version(client, home):
    response = client.get("/some-page/")
    assert response.status_code == 302
    assert response["Location"] == "/en/some-page/"


def test_a_404_from_a_route_outside_the_prefix_stays_a_404(client, seeded):
    response = client.get("/states/zz/embed/")
    assert response.status_code == 404
    assert "Accept-Language" in response["Vary"]
