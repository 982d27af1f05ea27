"""The search page: what any backend must do (the suite runs it on Elasticsearch)."""

import pytest

from tests.factories import CareerLadderPageFactory, SkillIndexPageFactory, SkillPageFactory
from tests.html import parse


@pytest.fixture
def pages(home):
    CareerLadderPageFactory(parent=home, title="The peer support career ladder")
    skills = SkillIndexPageFactory(parent=home)
    SkillPageFactory(parent=skills, title="Active listening", summary="Hear what a person means.")
    SkillPageFactory(parent=skills, title="Documentation", summary="Keep accurate records.", live=False)


def test_search_finds_a_live_page_by_title(search, pages):
    response = search({"q": "listening"})
    page = parse(response)
    titles = [a.get_text(strip=True) for a in page.select(".results a")]
    assert titles == ["Active listening"]
    assert "1 result" in page.find(attrs={"role": "status"}).get_text()


def test_search_never_shows_draft_pages(search, pages):
    page = parse(search({"q": "documentation"}))
    assert page.select(".results a") == []
    assert "0 results" in page.find(attrs={"role": "status"}).get_text()


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "x" * 5000},
        {"q": "career", "page": "999"},
        {"q": "career", "page": "abc"},
        {"q": "career", "page": "-1"},
        {"q": "'; DROP"},
        {"q": 'a"b'},
        {"q": "\x00"},
        {"q": "NEAR(career"},
        {"q": "title:career"},
        {"q": "*"},
        {"q": "peer-support"},
    ],
)
def test_odd_input_never_breaks_search(search, pages, params):
    response = search(params)
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0")


def test_search_results_are_not_indexed_by_search_engines(search, pages):
    page = parse(search({"q": "career"}))
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_punctuation_does_not_hide_results(search, pages):
    page = parse(search({"q": '"active listening"'}))
    assert [a.get_text(strip=True) for a in page.select(".results a")] == ["Active listening"]
    assert page.find("input", attrs={"name": "q"})["value"] == '"active listening"'
