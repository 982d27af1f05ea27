"""What editors get: synonym groups they can edit (and can't get wrong),
promotions shown first, and the report of frequent and fruitless queries."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.models import SearchSynonym
from states.models import StatePage
from tests.html import parse


@pytest.mark.parametrize(
    ("terms", "message"),
    [("cprs", "at least two"), ("cprs, ", "at least two"), ("CPRS, cprs", "listed twice")],
)
def test_a_synonym_group_needs_two_different_terms(terms, message):
    with pytest.raises(ValidationError, match=message):
        SearchSynonym(terms=terms).full_clean()


def test_editors_manage_synonyms_in_the_admin(admin_client):
    response = admin_client.post(
        "/admin/snippets/search/searchsynonym/add/", {"terms": "peer mentor, peer recovery mentor", "language": ""}
    )
    assert response.status_code == 302
    assert SearchSynonym.objects.filter(terms="peer mentor, peer recovery mentor").exists()
    refused = admin_client.post("/admin/snippets/search/searchsynonym/add/", {"terms": "lonely", "language": ""})
    assert refused.status_code == 200
    assert "at least two" in refused.content.decode()


def test_a_promoted_page_is_shown_first_for_its_query(search, seeded):
    oregon = StatePage.objects.get(code="OR", locale__language_code="en")
    SearchPromotion.objects.create(query=Query.get("beaver state"), page=oregon, description="Oregon's rules.")
    page = parse(search({"q": "beaver state"}))
    promoted = page.select_one(".promoted")
    assert promoted is not None
    assert promoted.find("a")["href"] == "/en/states/oregon/"


def test_the_report_lists_frequent_and_fruitless_queries(search, seeded, admin_client):
    for _ in range(3):
        search({"q": "texas"})
    search({"q": "zqxvy wuffle"})
    report = parse(admin_client.get("/admin/reports/search-queries/"))
    frequent = report.select_one("#frequent-queries").get_text(" ", strip=True)
    fruitless = report.select_one("#zero-result-queries").get_text(" ", strip=True)
    assert "texas 3" in frequent
    assert "zqxvy wuffle 1" in fruitless
    assert "texas" not in fruitless


def test_the_report_is_for_editors_only(client, seeded):
    response = client.get("/admin/reports/search-queries/")
    assert response.status_code == 302
