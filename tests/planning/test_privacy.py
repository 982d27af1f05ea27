"""The planning tools keep no answer: nothing is stored, logged, cached or sent
anywhere, a share link exists only when the visitor asks for one and holds the
answers after the "#", and the forms ask nothing about criminal history.

The first tests use the test client; the last ones post to the real server
process of `live_site` and read its log, its SQLite database and its Redis
afterwards, as an operator (or an intruder) could."""

import logging
import re
import sqlite3
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import redis
from bs4 import BeautifulSoup
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.views.debug import SafeExceptionReporterFilter

from planning import views
from tests.html import parse
from tests.live_site import ROOT, free_port, wait_for
from tests.planning.conftest import FULL_RULES, STARTING_ANSWERS, answers_for

PATH_URL = "/en/plan/path/"
MOVING_URL = "/en/plan/moving/"

# Numbers no page, row or log line holds by chance (checked before each live test).
TRAINING_MARKER = 7919
SUPERVISED_MARKER = 8837
YEARS_MARKER = 37
MARKERS = (TRAINING_MARKER, SUPERVISED_MARKER)
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)


def whole_number(number):
    """`number` standing alone: not part of a longer number, a word or a hex id (…41e8837c25…)."""
    return re.compile(rf"(?<![\w.,-]){number}(?![\w-])")


def found_markers(text, markers=MARKERS):
    return [marker for marker in markers if whole_number(marker).search(text)]


@pytest.fixture
def two_states(make_state):
    leaving = make_state(title="Leavingland", credential="Certified Peer Specialist", **FULL_RULES)
    arriving = make_state(title="Arrivingland", credential="Peer Recovery Specialist", **FULL_RULES)
    return leaving, arriving


def path_answers(page, **overrides):
    markers = {
        "training_done": str(TRAINING_MARKER),
        "supervised_done": str(SUPERVISED_MARKER),
        "years": str(YEARS_MARKER),
    }
    return {**answers_for(page), **markers, **overrides}


def moving_answers(leaving, arriving, **overrides):
    credential = leaving.credentials.get()
    return {
        "from_state": leaving.code.lower(),
        "credential": str(credential.pk),
        "to_state": arriving.code.lower(),
        "pace": "13",
        **overrides,
    }


def cache_control(response):
    return {part.strip().split("=")[0] for part in response["Cache-Control"].split(",")}


# Nothing stored, nothing cached -------------------------------------------------------------------


@pytest.mark.parametrize("share", [False, True], ids=["plain", "share"])
def test_posting_a_path_writes_nothing_to_the_database(client, two_states, share):
    state, _ = two_states
    data = path_answers(state, **({"share": "1"} if share else {}))
    with CaptureQueriesContext(connection) as queries:
        response = client.post(PATH_URL, data)
    assert response.status_code == 200
    assert parse(response).select("li[data-rule]"), "no plan was made: the test would prove nothing"
    assert queries.captured_queries, "no query captured: the capture does not work"
    writes = [query["sql"] for query in queries.captured_queries if WRITES.match(query["sql"])]
    assert writes == []
    # Not even as a parameter of a read.
    assert not found_markers(" ".join(query["sql"] for query in queries.captured_queries))


@pytest.mark.parametrize("share", [False, True], ids=["plain", "share"])
def test_posting_a_move_writes_nothing_to_the_database(client, two_states, share):
    data = moving_answers(*two_states, **({"share": "1"} if share else {}))
    with CaptureQueriesContext(connection) as queries:
        response = client.post(MOVING_URL, data)
    assert response.status_code == 200
    assert parse(response).select_one("[data-route]") is not None
    assert queries.captured_queries
    assert [query["sql"] for query in queries.captured_queries if WRITES.match(query["sql"])] == []


@pytest.mark.parametrize(
    "url, answers",
    [
        (PATH_URL, lambda states: path_answers(states[0])),
        (MOVING_URL, lambda states: moving_answers(*states)),
        (PATH_URL, lambda states: path_answers(states[0], state="zz")),
        (MOVING_URL, lambda states: moving_answers(*states, pace="0")),
        (PATH_URL, lambda states: {}),
    ],
    ids=["path", "moving", "path-invalid", "moving-invalid", "nothing"],
)
def test_a_posted_answer_is_never_kept_by_a_cache(client, two_states, url, answers):
    response = client.post(url, answers(two_states))
    assert response.status_code in (200, 400)
    assert {"no-store", "private"} <= cache_control(response), response["Cache-Control"]
    assert "public" not in cache_control(response) and "s-maxage" not in cache_control(response)
    assert response.get("X-Page-Cache") != "hit"


def test_answers_reach_no_log_record(client, two_states, caplog):
    state, _ = two_states
    with caplog.at_level(logging.DEBUG):
        client.post(PATH_URL, path_answers(state, share="1"))
        client.post(PATH_URL, path_answers(state, pace="0"))  # a 400 is logged as a warning
        client.post(MOVING_URL, moving_answers(*two_states, pace="79"))
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert not found_markers(logged)
    assert not re.search(r"training_done|supervised_done|from_state|to_state", logged)


# A share link only on request, with the answers after the "#" ------------------------------------


def share_link(response):
    field = parse(response).select_one("input#share-link")
    return None if field is None else field["value"]


def test_a_plan_carries_no_share_link_unless_asked(client, two_states):
    state, _ = two_states
    for url, data in ((PATH_URL, path_answers(state)), (MOVING_URL, moving_answers(*two_states))):
        response = client.post(url, data)
        assert response.status_code == 200
        page = parse(response)
        assert share_link(response) is None
        # The button that asks for one is there instead.
        assert page.select_one("button[name=share]") is not None
        # No address anywhere on the page holds an answer.
        for tag in page.select("[href], [src], [action], [value]"):
            address = tag.get("href") or tag.get("src") or tag.get("action") or ""
            assert "training_done=" not in address and "from_state=" not in address, address
        assert "training_done=" not in response.content.decode()
        assert "from_state=" not in response.content.decode()


def test_a_path_share_link_holds_the_answers_after_the_hash(client, two_states):
    state, _ = two_states
    data = path_answers(state, share="1")
    response = client.post(PATH_URL, data)
    assert response.status_code == 200
    link = share_link(response)
    assert link, "no share link after pressing share"
    parts = urlsplit(link)
    assert parts.path == PATH_URL
    assert parts.query == ""
    answers = {key: values[-1] for key, values in parse_qs(parts.fragment, keep_blank_values=True).items()}
    # The state as the form's option gives it (the test posts lower case, as a typed link might).
    expected = {key: value.upper() if key == "state" else value for key, value in data.items() if key != "share"}
    assert answers == expected
    assert "share" not in answers


def test_a_moving_share_link_holds_the_answers_after_the_hash(client, two_states):
    data = moving_answers(*two_states, share="1")
    link = share_link(client.post(MOVING_URL, data))
    assert link
    parts = urlsplit(link)
    assert parts.path == MOVING_URL and parts.query == ""
    answers = {key: values[-1] for key, values in parse_qs(parts.fragment, keep_blank_values=True).items()}
    states = ("from_state", "to_state")
    assert answers == {key: value.upper() if key in states else value for key, value in data.items() if key != "share"}


def test_no_share_link_for_answers_that_do_not_make_a_plan(client, two_states):
    state, _ = two_states
    response = client.post(PATH_URL, path_answers(state, years="0", share="1"))
    assert response.status_code == 400
    assert share_link(response) is None


# Nothing about criminal history -------------------------------------------------------------------

ENGLISH_WORDS = re.compile(
    r"\b(criminal|crimes?|convict\w*|arrest\w*|felon\w*|offen[cs]es?|offenders?|records?|jail|prison\w*)\b",
    re.IGNORECASE,
)
SPANISH_WORDS = re.compile(
    r"\b(penal\w*|antecedentes|condena\w*|arrest\w*|delitos?|delincuen\w*|c[aá]rcel|prisi[oó]n|crimina\w*)\b",
    re.IGNORECASE,
)


def form_words(response):
    """Everything a visitor reads or a browser sends in the form: labels, hints, options, names and ids.

    Not the names of the credentials the states award (the moving form lists them to choose from):
    those are the boards' own titles, such as Texas's "justice-involvement endorsement", not questions."""
    form = parse(response).select_one("form.planner-form")
    assert form is not None
    for option in form.select("select[name=credential] option"):
        option.decompose()
    words = [form.get_text(" ")]
    for tag in form.find_all(True):
        words.extend(str(tag.get(attribute, "")) for attribute in ("name", "id", "for", "value", "aria-label"))
    return " ".join(words)


@pytest.mark.parametrize("url", ["/en/plan/path/", "/en/plan/moving/"])
def test_the_empty_forms_ask_nothing_about_criminal_history(client, seeded, url):
    response = client.get(url)
    assert response.status_code == 200
    text = form_words(response)
    assert "Training hours" in text or "moving" in text.lower() or "credential" in text.lower()
    assert ENGLISH_WORDS.findall(text) == []


def test_the_forms_beside_a_plan_ask_nothing_about_criminal_history(client, two_states):
    state, _ = two_states
    for url, data in ((PATH_URL, path_answers(state)), (MOVING_URL, moving_answers(*two_states))):
        response = client.post(url, data)
        assert response.status_code == 200
        assert ENGLISH_WORDS.findall(form_words(response)) == []
        names = {tag["name"] for tag in parse(response).select("form.planner-form [name]")}
        assert names <= set(data) | {"share"}, names


@pytest.mark.parametrize("url", ["/es/plan/path/", "/es/plan/moving/"])
def test_the_spanish_forms_ask_nothing_about_criminal_history(client, seeded, url):
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code in (200, 400)
        assert SPANISH_WORDS.findall(form_words(response)) == []
        assert ENGLISH_WORDS.findall(form_words(response)) == []


def test_the_background_check_step_links_to_the_state_rules(client, two_states):
    state, arriving = two_states
    response = client.post(PATH_URL, path_answers(state))
    step = parse(response).select_one("li[data-rule=background_check]")
    assert step is not None, "no background check step for a state that asks for one"
    links = [link["href"] for link in step.select("a[href]")]
    assert f"{state.url}#background-check" in links
    # The state page has the section the link points to.
    page = parse(client.get(state.url))
    assert page.find(id="background-check") is not None

    moving = parse(client.post(MOVING_URL, moving_answers(state, arriving)))
    step = moving.select_one("li[data-rule=background_check]")
    assert step is not None
    assert f"{arriving.url}#background-check" in [link["href"] for link in step.select("a[href]")]


def test_the_spanish_background_check_step_links_to_the_spanish_state_page(client, seeded):
    response = client.post("/es/plan/path/", {**answers_for_code("tx")})
    assert response.status_code == 200
    step = parse(response).select_one("li[data-rule=background_check]")
    assert step is not None
    href = step.select_one("a[href]")["href"]
    assert href.startswith("/es/") and href.endswith("#background-check"), href
    assert parse(client.get(href.split("#")[0])).find(id="background-check") is not None


def answers_for_code(code):
    return {"state": code, **STARTING_ANSWERS}


# Error reports would hide the answers -------------------------------------------------------------


@pytest.mark.parametrize("view", [views.path, views.moving], ids=["path", "moving"])
def test_the_views_mark_every_posted_answer_as_sensitive(seeded, view):
    request = RequestFactory().post("/en/plan/path/", {"training_done": str(TRAINING_MARKER), "state": "tx"})
    response = view(request)
    assert response.status_code == 400
    assert request.sensitive_post_parameters == "__ALL__"
    # What Django's error report would show of the POST: no answer.
    shown = SafeExceptionReporterFilter().get_post_parameters(request)
    assert str(TRAINING_MARKER) not in repr(dict(shown.items()))
    assert set(shown) == {"training_done", "state"}


# The real server: its log, its database and its Redis ---------------------------------------------


def live_post(url, data):
    request = urllib.request.Request(  # noqa: S310
        url, data=urlencode(data).encode(), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def live_get(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
        return response.status, dict(response.headers), response.read().decode()


def database_dump(live_site):
    """Every row of every table, as SQL text (numbers written out), read from the file the server uses."""
    with sqlite3.connect(live_site.work / "db.sqlite3") as db:
        return "\n".join(db.iterdump())


def redis_contents(live_site):
    """{(db, key): everything the key holds}, for every database of the site's Redis."""
    url = live_site.env["REDIS_URL"]
    contents = {}
    first = redis.Redis.from_url(url)
    databases = {0} | {int(name[2:]) for name in first.info("keyspace")}
    for number in sorted(databases):
        client = redis.Redis.from_url(url, db=number)
        for key in client.scan_iter(count=1000):
            kind = client.type(key).decode()
            if kind == "string":
                value = client.get(key)
            elif kind == "hash":
                value = repr(client.hgetall(key))
            elif kind == "list":
                value = repr(client.lrange(key, 0, -1))
            elif kind == "set":
                value = repr(client.smembers(key))
            elif kind == "zset":
                value = repr(client.zrange(key, 0, -1, withscores=True))
            else:
                value = repr(client.dump(key))
            contents[(number, key)] = value if isinstance(value, bytes) else value.encode()
    return contents


def markers_in_bytes(blob):
    return found_markers(blob.decode("latin-1"))


def read_log(path):
    return path.read_text(errors="replace")


def wait_for_log_lines(path, text, count):
    """The server writes its access line after answering: wait until `count` lines mention `text`."""
    deadline = time.monotonic() + 10
    while read_log(path).count(text) < count:
        if time.monotonic() > deadline:
            pytest.fail(f"the server never logged {count} lines with {text!r}: is {path} its log?")
        time.sleep(0.1)


# The live site runs with the test settings, whose LOGGING gives the root logger no handler: a
# record of the "django" loggers (django.request's warnings and errors too) then goes nowhere,
# since their own console handler only writes when DEBUG is on. Production's settings send every
# record to the console. So the same site is served a second time, on the same database and
# Redis, with production's LOGGING (at DEBUG level, the most anyone would turn on).
PRODUCTION_LOGGING_SERVER = """
import sys
from django.conf import settings
from peersupport.settings import base
settings.LOGGING = base.LOGGING
from django.core.management import execute_from_command_line
execute_from_command_line(["manage.py", "runserver", sys.argv[1], "--noreload"])
"""


@dataclass
class Server:
    url: str
    log: Path


@pytest.fixture(scope="module")
def production_logging_server(live_site):
    port = free_port()
    log = live_site.work / f"server-production-logging-{port}.log"
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", PRODUCTION_LOGGING_SERVER, f"127.0.0.1:{port}"],
        cwd=ROOT,
        env={**live_site.env, "LOG_LEVEL": "DEBUG"},
        stdout=subprocess.DEVNULL,
        stderr=open(log, "w"),  # noqa: SIM115
    )
    try:
        wait_for(f"http://127.0.0.1:{port}", process, log)
        yield Server(f"http://127.0.0.1:{port}", log)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(params=["test-settings", "production-logging"])
def server(request, live_site):
    if request.param == "test-settings":
        return Server(live_site.url, live_site.work / "server.log")
    return request.getfixturevalue("production_logging_server")


def first_credential_of(page_html, state_title):
    """The id of the first credential listed under `state_title` in the moving form."""
    group = parse_html(page_html).select_one(f'select[name=credential] optgroup[label="{state_title}"]')
    assert group is not None, f"no credentials for {state_title} in the moving form"
    return group.select_one("option")["value"]


def parse_html(html):
    return BeautifulSoup(html, "html.parser")


def test_answers_reach_neither_the_log_nor_the_database_nor_redis_of_the_live_site(live_site, server):
    # The forms first, so that whatever a visit stores is stored before the "before" snapshot.
    status, _, moving_form = live_get(f"{server.url}{MOVING_URL}")
    assert status == 200
    live_get(f"{server.url}{PATH_URL}")
    credential = first_credential_of(moving_form, "Texas")

    log_before = read_log(server.log)
    dump_before = database_dump(live_site)
    redis_before = redis_contents(live_site)
    assert not found_markers(log_before), "pick other markers: the log already holds them"
    assert not found_markers(dump_before), "pick other markers: the database already holds them"
    assert not any(markers_in_bytes(value) for value in redis_before.values())
    posts_before = log_before.count('"POST /en/plan/')

    path_data = {
        "state": "tx",
        "education": "high_school",
        "lived_experience": "yes",
        "training_done": str(TRAINING_MARKER),
        "supervised_done": str(SUPERVISED_MARKER),
        "exam_passed": "no",
        "credential": "other_state_ic_rc",
        "pace": "11",
        "years": str(YEARS_MARKER),
    }
    status, headers, body = live_post(f"{server.url}{PATH_URL}", path_data)
    assert status == 200, body[:2000]
    assert f'value="{TRAINING_MARKER}"' in body, "the answers did not reach the server"
    assert {"no-store", "private"} <= {part.strip().split("=")[0] for part in headers["Cache-Control"].split(",")}

    status, _, body = live_post(f"{server.url}{PATH_URL}", {**path_data, "share": "1"})
    assert status == 200 and 'id="share-link"' in body

    status, _, body = live_post(f"{server.url}{PATH_URL}", {**path_data, "years": "0"})
    assert status == 400, "a refused answer is a visitor's 400, logged by Django as a warning"

    moving_data = {"from_state": "tx", "credential": credential, "to_state": "nh", "pace": "17", "share": "1"}
    status, _, body = live_post(f"{server.url}{MOVING_URL}", moving_data)
    assert status == 200, body[:2000]
    assert "data-route=" in body

    wait_for_log_lines(server.log, '"POST /en/plan/', posts_before + 4)
    time.sleep(0.3)  # and anything the server would write after its access line

    log_after = read_log(server.log)
    assert log_after.startswith(log_before)
    new_lines = log_after[len(log_before) :]
    assert not found_markers(log_after), new_lines
    # Not one answer, under any name: only request lines (method, path, status, size).
    assert not re.search(r"training_done|supervised_done|lived_experience|from_state|to_state|pace", new_lines), (
        new_lines
    )
    assert "high_school" not in new_lines and "other_state_ic_rc" not in new_lines, new_lines

    dump_after = database_dump(live_site)
    assert not found_markers(dump_after)
    assert dump_after == dump_before, "a POST to a planning tool changed the database"

    redis_after = redis_contents(live_site)
    assert not any(markers_in_bytes(value) for value in redis_after.values())
    assert set(redis_after) <= set(redis_before), "a POST to a planning tool stored something in Redis"


def test_the_proxy_never_serves_one_visitor_s_plan_to_another(live_site):
    proxy = live_site.proxy_url
    # The empty form is shared: seen twice, the proxy holds it.
    live_get(f"{proxy}{PATH_URL}")
    status, headers, empty_form = live_get(f"{proxy}{PATH_URL}")
    assert status == 200 and headers.get("X-Proxy-Cache") == "hit", headers
    assert "data-rule=" not in empty_form

    first_answers = {**answers_for_code("tx"), "training_done": "12", "supervised_done": "3"}
    second_answers = {**answers_for_code("nh"), "training_done": "31", "supervised_done": "250"}
    results = []
    for answers in (first_answers, second_answers, first_answers):
        status, headers, body = live_post(f"{proxy}{PATH_URL}", answers)
        assert status == 200, body[:2000]
        assert headers.get("X-Proxy-Cache") != "hit", headers
        assert {"no-store", "private"} <= {part.strip().split("=")[0] for part in headers["Cache-Control"].split(",")}
        page = parse_html(body)
        assert page.select("li[data-rule]"), "the proxy answered a POST with the shared empty form"
        assert page.select_one("input[name=training_done]")["value"] == answers["training_done"]
        results.append(page.select_one("#plan-heading").get_text(" ", strip=True))
    assert "Texas" in results[0] and "New Hampshire" in results[1] and results[2] == results[0]

    moving = []
    live_get(f"{proxy}{MOVING_URL}")
    assert live_get(f"{proxy}{MOVING_URL}")[1].get("X-Proxy-Cache") == "hit"
    for leaving, arriving in (("tx", "nh"), ("nh", "tx")):
        status, headers, body = live_post(
            f"{proxy}{MOVING_URL}", {"from_state": leaving, "to_state": arriving, "pace": "10"}
        )
        assert status == 200 and headers.get("X-Proxy-Cache") != "hit"
        moving.append(parse_html(body).select_one("#plan-heading").get_text(" ", strip=True))
    assert moving[0] != moving[1]
    assert moving[0].index("Texas") < moving[0].index("New Hampshire")
    assert moving[1].index("New Hampshire") < moving[1].index("Texas")

    # And the shared empty form is still the empty form.
    status, headers, body = live_get(f"{proxy}{PATH_URL}")
    assert "data-rule=" not in body
    assert 'value="31"' not in body and 'value="12"' not in body
