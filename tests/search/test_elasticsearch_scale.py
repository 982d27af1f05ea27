"""A limit that only shows on a grown site: many private pages must not blow
up the search query (Wagtail's public() adds a clause per private section)."""

import pytest
from wagtail.models import PageViewRestriction

from careers.models import SkillIndexPage
from tests.bulk_pages import add_private_pages
from tests.factories import SkillPageFactory
from tests.html import parse

pytestmark = pytest.mark.usefixtures("elasticsearch")

PRIVATE_PAGES = 1_500


@pytest.fixture
def many_private_pages(seeded):
    skills = SkillIndexPage.objects.get(locale__language_code="en")
    secret = SkillPageFactory(parent=skills, title="Marmot members-only guide", live=False)
    secret.save_revision().publish()
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    add_private_pages(skills, PRIVATE_PAGES)
    assert PageViewRestriction.objects.count() > PRIVATE_PAGES


def result_titles(response):
    page = parse(response)
    assert "simpler mode" not in page.get_text(), "the search fell back to the database"
    return [a.get_text(strip=True) for a in page.select(".results h2 a")]


@pytest.mark.usefixtures("many_private_pages")
def test_search_with_many_private_pages_still_runs_on_elasticsearch(search):
    assert result_titles(search({"q": "texas"}))[0] == "Texas"
    assert result_titles(search({"q": "marmot"})) == []


@pytest.mark.usefixtures("many_private_pages")
def test_suggestions_with_many_private_pages_still_run_on_elasticsearch(client, search, caplog):
    search({"q": "warm-up"})

    def suggested(prefix):
        return [item["title"] for item in client.get("/en/search/suggest/", {"q": prefix}).json()["suggestions"]]

    assert "Texas" in suggested("tex")
    assert suggested("marm") == []
    assert "Elasticsearch could not answer" not in caplog.text
