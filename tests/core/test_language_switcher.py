"""Each page leads to its twin in the other language: the switcher, hreflang
and the sitemap; `/` sends a visitor to the language their browser prefers."""

import re

import pytest

from tests.html import parse
from tests.sitemap import whole_sitemap

pytestmark = pytest.mark.usefixtures("seeded")


def switcher_links(response):
    nav = parse(response).find("nav", class_="language-switcher")
    return {a["hreflang"]: a["href"] for a in nav.find_all("a")}


def hreflangs(response):
    return {link["hreflang"]: link["href"] for link in parse(response).find_all("link", rel="alternate", hreflang=True)}


@pytest.mark.parametrize(
    ("path", "twin"),
    [
        ("/en/states/texas/", "/es/states/texas/"),
        ("/es/states/texas/", "/en/states/texas/"),
        ("/en/skills/active-listening/", "/es/skills/active-listening/"),
        ("/es/", "/en/"),
        ("/en/states/compare/?states=fl,tx", "/es/states/compare/?states=fl,tx"),
        ("/es/search/?q=florida", "/en/search/?q=florida"),
    ],
)
def test_the_switcher_leads_to_the_same_page_in_the_other_language(client, path, twin):
    response = client.get(path)
    assert response.status_code == 200
    links = switcher_links(response)
    assert list(links.values()) == [twin]
    assert client.get(twin).status_code == 200


def test_the_switcher_names_each_language_in_that_language(client):
    nav = parse(client.get("/en/states/texas/")).find("nav", class_="language-switcher")
    link = nav.find("a")
    assert link.get_text(strip=True) == "Español" and link["lang"] == "es"
    assert nav["aria-label"] == "Language"
    assert parse(client.get("/es/states/texas/")).find("nav", class_="language-switcher")["aria-label"] == "Idioma"


def test_every_page_declares_its_twins_with_hreflang(client):
    links = hreflangs(client.get("/es/career-ladder/"))
    assert links == {
        "en": "http://testserver/en/career-ladder/",
        "es": "http://testserver/es/career-ladder/",
        "x-default": "http://testserver/en/career-ladder/",
    }


def test_a_page_without_a_translation_offers_no_hreflang_for_it_and_the_switcher_says_so(client, seeded):
    from tests.factories import SkillPageFactory

    skills = seeded.get_children().get(slug="skills")
    lonely = SkillPageFactory(parent=skills, title="Only in English", slug="only-in-english")
    response = client.get(lonely.url)
    assert set(hreflangs(response)) == {"en", "x-default"}
    # No twin: the switcher still goes somewhere useful, the other language's home.
    assert switcher_links(response) == {"es": "/es/"}


def test_the_sitemap_lists_both_languages_with_their_alternates(client):
    body = whole_sitemap(client)
    locations = re.findall(r"<loc>([^<]+)</loc>", body)
    assert "http://testserver/en/states/texas/" in locations
    assert "http://testserver/es/states/texas/" in locations
    assert len([loc for loc in locations if "/es/" in loc]) == len([loc for loc in locations if "/en/" in loc])
    entry = body[body.index("<loc>http://testserver/es/states/texas/</loc>") :].split("</url>")[0]
    assert 'hreflang="en" href="http://testserver/en/states/texas/"' in entry
    assert 'hreflang="es" href="http://testserver/es/states/texas/"' in entry


@pytest.mark.parametrize(
    ("accept_language", "home"),
    [("es-MX,es;q=0.9,en;q=0.5", "/es/"), ("es", "/es/"), ("en-US,en;q=0.9", "/en/"), ("fr-FR", "/en/"), ("", "/en/")],
)
def test_root_sends_visitors_to_the_language_their_browser_prefers(client, accept_language, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == home


def test_a_language_whose_home_is_not_published_is_not_offered(client, seeded):
    from wagtail.models import Locale

    seeded.get_translation(Locale.objects.get(language_code="es")).unpublish()
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="es")["Location"] == "/en/"
    assert switcher_links(client.get("/en/states/texas/")) == {}
