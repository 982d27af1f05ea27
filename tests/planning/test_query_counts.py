"""Answering either planning tool runs a small, fixed number of SQL queries,
however many states the site covers (the form lists them all)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.planning.conftest import FULL_RULES, STARTING_ANSWERS, answers_for

pytestmark = pytest.mark.usefixtures("page_cache_off")

# Measured (SQLite, page cache off, beside the 52 seeded states): 13 queries for
# the path tool and 14 for the moving tool (the second state's sources), with 3
# or 13 extra states alike; 14 for the path tool in Spanish (one more for the
# Spanish locale). The ceilings leave a small margin above that.
MAX_PATH_QUERIES = 15
MAX_MOVING_QUERIES = 16


def queries_for_post(client, url, data):
    with CaptureQueriesContext(connection) as captured:
        response = client.post(url, data)
    assert response.status_code == 200, response.content[:2000]
    return len(captured)


def add_states(make_state, count, start):
    return [make_state(title=f"Extra state {number}", **FULL_RULES) for number in range(start, start + count)]


def moving_answers(leaving, arriving):
    return {
        "from_state": leaving.code.lower(),
        "credential": str(leaving.credential_list[0].pk),
        "to_state": arriving.code.lower(),
        "pace": "10",
    }


def test_path_tool_queries_do_not_grow_with_states(client, make_state):
    chosen = add_states(make_state, 3, 0)[0]
    url, data = "/en/plan/path/", answers_for(chosen, training_done="20")
    client.post(url, data)  # warm the per-process caches (site root, content types)
    with_3 = queries_for_post(client, url, data)
    add_states(make_state, 10, 3)
    with_13 = queries_for_post(client, url, data)
    assert with_13 == with_3 <= MAX_PATH_QUERIES


def test_moving_tool_queries_do_not_grow_with_states(client, make_state):
    leaving, arriving, _ = add_states(make_state, 3, 0)
    url, data = "/en/plan/moving/", moving_answers(leaving, arriving)
    client.post(url, data)
    with_3 = queries_for_post(client, url, data)
    add_states(make_state, 10, 3)
    with_13 = queries_for_post(client, url, data)
    assert with_13 == with_3 <= MAX_MOVING_QUERIES


@pytest.mark.usefixtures("seeded")
@pytest.mark.parametrize("language", ["en", "es"])
def test_answering_on_the_seeded_site_stays_under_the_ceiling(client, language):
    """52 states in each language, each with its credentials and sources."""
    url = f"/{language}/plan/path/"
    data = {"state": "tx", **STARTING_ANSWERS}
    client.post(url, data)
    assert queries_for_post(client, url, data) <= MAX_PATH_QUERIES
