"""Whatever a visitor types is plain text to Elasticsearch: never a 500, never
a query-syntax error (which would show as the database fallback)."""

import pytest

from tests.html import parse

pytestmark = pytest.mark.usefixtures("elasticsearch", "seeded")

BAD_QUERIES = [
    "",
    "   ",
    "\t\n",
    "it's",
    "'hot cross",
    '"',
    'a"b',
    "title:foo",
    "a:b:c",
    "\\",
    "/",
    "( ) [ ] { } ^ ~ * ? ! + - && ||",
    "texas AND NOT florida",
    "te?as",
    "tex*",
    "~2",
    "😀 peer 💙",
    "ñ/á",
    "مرحبا",
    "\x00",
    "peer\x00support",
    "x" * 2000,
    "peer " * 400,
    "<script>alert(1)</script>",
    "%00%0d%0a",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_search_page_treats_any_text_as_plain_words(search, query):
    response = search({"q": query})
    assert response.status_code == 200
    assert "simpler mode" not in parse(response).get_text()


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_suggestions_treat_any_text_as_plain_words(search, query):
    response = search({"q": query}, path="/en/search/suggest/")
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


def test_a_script_in_the_query_is_shown_as_text(search):
    response = search({"q": "<script>alert(1)</script>"})
    assert b"<script>alert(1)</script>" not in response.content
