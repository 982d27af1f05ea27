"""The checked-in relevance set: Elasticsearch puts a right page in the top
three for at least 90% of what visitors type, and the scoring itself counts
misses as misses."""

import pytest
from django.core.management import call_command

from search.relevance import Case, load_cases, measure

pytestmark = pytest.mark.usefixtures("elasticsearch", "seeded")


def describe_misses(score):
    return "\n".join(f"{case.query!r} expected {case.expect}, got {found[:3]}" for case, found in score.misses)


def test_the_set_covers_at_least_fifty_queries_of_every_kind():
    cases = load_cases()
    assert len(cases) >= 50
    assert len({(case.query, case.language) for case in cases}) == len(cases), "a query is listed twice"
    assert len([case for case in cases if case.language == "es"]) >= 20


@pytest.mark.parametrize("language", ["en", "es"])
def test_elasticsearch_finds_a_right_page_in_the_top_three_for_nine_in_ten_queries(language):
    score = measure(load_cases(), "default", language)
    assert score.hit_at(3) >= 0.9, describe_misses(score)


def test_a_query_whose_page_does_not_rank_scores_zero():
    cases = [
        Case("texas", ("/states/texas/",)),
        Case("texas", ("/skills/empathy/",)),
    ]
    score = measure(cases, "default", "en")
    assert score.ranks[0] == 1
    assert score.ranks[1] is None
    assert score.hit_at(1) == 0.5
    assert score.mrr == 0.5
    assert [case.expect for case, _found in score.misses] == [("/skills/empathy/",)]


def test_the_command_reports_every_backend(capsys):
    call_command("search_relevance")
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["backend", "language", "queries", "hit@1", "hit@3", "MRR"]
    assert [line.split()[:2] for line in lines[1:]] == [
        ["default", "en"],
        ["default", "es"],
        ["database", "en"],
        ["database", "es"],
    ]
