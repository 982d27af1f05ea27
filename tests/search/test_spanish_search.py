"""Search in Spanish finds Spanish pages, analysed as Spanish on Elasticsearch:
accents optional, plural and singular forms matched; never an English page."""

import pytest
from django.conf import settings
from wagtail.search.backends import get_search_backend

from tests.html import parse

pytestmark = pytest.mark.usefixtures("elasticsearch", "seeded")


def results(response):
    page = parse(response)
    assert "simpler mode" not in page.get_text(), "the search fell back to the database"
    return [a["href"] for a in page.select(".results h2 a")]


def test_each_language_has_its_own_elasticsearch_backend_and_analysis():
    spanish = settings.WAGTAILSEARCH_BACKENDS["es"]
    assert spanish["INDEX_PREFIX"] != settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"]
    backend = get_search_backend("es")
    from wagtail.models import Page

    index_name = backend.get_index_for_model(Page).name
    analysis = next(iter(backend.es.indices.get_settings(index=index_name).values()))["settings"]["index"]["analysis"]
    assert "light_spanish" in str(analysis["filter"])
    tokens = backend.es.indices.analyze(index=index_name, analyzer="default", text="Certificaciones certificación")
    assert {token["token"] for token in tokens["tokens"]} == {"certificacion"}


def test_the_spanish_index_holds_only_spanish_pages():
    from wagtail.models import Page

    backend = get_search_backend("es")
    index_name = backend.get_index_for_model(Page).name
    backend.es.indices.refresh(index=index_name)
    hits = backend.es.search(index=index_name, query={"match_all": {}}, size=10_000, source=False)["hits"]["hits"]
    indexed = {int(hit["_id"]) for hit in hits}
    assert indexed
    languages = set(Page.objects.filter(pk__in=indexed).values_list("locale__language_code", flat=True))
    assert languages == {"es"}


def found_pages(response):
    """Every page the search found (all result pages), by address."""
    page = parse(response)
    assert "simpler mode" not in page.get_text(), "the search fell back to the database"
    count = int(page.find(role="status").get_text().split()[0])
    return count, [a["href"] for a in page.select(".results h2 a")]


@pytest.mark.parametrize("query", ["certificaciones", "certificacion", "certificación", "CERTIFICACIÓN"])
def test_plural_singular_and_accents_find_the_same_spanish_pages(search, query):
    """The same pages are found whatever the form; ties may rank in any order."""
    count, found = found_pages(search({"q": query}, path="/es/search/"))
    expected_count, expected = found_pages(search({"q": "certificación"}, path="/es/search/"))
    assert found and all(href.startswith("/es/") for href in found)
    assert count == expected_count > 10
    assert found[0] == expected[0] or {found[0], expected[0]} <= set(found) & set(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nueva york", "/es/states/new-york/"),
        ("requisitos texas", "/es/states/texas/"),
        ("escucha activa", "/es/skills/active-listening/"),
        ("cuanto gana un especialista de apoyo entre pares", "/es/career-ladder/"),
    ],
)
def test_spanish_queries_find_the_spanish_page(search, query, expected):
    found = results(search({"q": query}, path="/es/search/"))
    assert any(href.startswith(expected) for href in found[:3]), found[:5]


def test_english_search_never_shows_a_spanish_page(search):
    found = results(search({"q": "texas"}))
    assert found and all(href.startswith("/en/") for href in found)


def test_spanish_suggestions_are_spanish_pages(search):
    response = search({"q": "nueva"}, path="/es/search/suggest/")
    suggestions = response.json()["suggestions"]
    assert suggestions and all(item["url"].startswith("/es/") for item in suggestions)
    assert "Nueva York" in [item["title"] for item in suggestions]
