"""Whatever a visitor, a crawler or a bot sends to a public address, the site
answers it: a page, a redirect, a 404 or a 400, never a server error.

Hypothesis generates the input (control characters, NUL, very long strings,
any Unicode, broken percent-encoding). The test client re-raises an exception
a view lets escape instead of returning a 500, so an exception fails too.
"""

import json
import os
from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from states.models import OutdatedReport, StatePage
from tests.html import parse

# FUZZ_SCALE=10 runs ten times the examples, for a longer hunt.
SCALE = int(os.environ.get("FUZZ_SCALE", "1"))


def examples(n):
    return settings(fuzz, max_examples=n * SCALE)


fuzz = settings(
    max_examples=30 * SCALE,
    deadline=None,
    database=None,  # leave no .hypothesis folder behind
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Known trouble: NUL, path tricks, query syntax, template and SQL syntax, broken escapes.
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r\n",
    "\t",
    "\x7f",
    "\u202e",
    "\ufeff",
    "\ufffd",
    "%",
    "%00",
    "%zz",
    "%ff%fe",
    "%C0%AF",
    "%2e%2e%2f",
    "../../etc/passwd",
    "..",
    ".",
    "//",
    '"',
    "'",
    "`",
    "\\",
    "a:" * 50,
    '"' * 100,
    "*",
    "?",
    "#",
    "&",
    "=",
    ";",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "{% debug %}",
    "' OR 1=1 --",
    "NEAR(a b)",
    "title:x AND NOT y",
    "-1",
    "0",
    "99999999999999999999999999",
    "1e309",
    "NaN",
    "null",
    "tx",
    "TX",
    "es",
    "__proto__",
    "😀" * 20,
    "ǅ",
    "ß" * 30,
    "İ",
]

# Any Unicode a URL can carry (no lone surrogates: those cannot be encoded at all).
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=60)
control_text = st.text(st.characters(max_codepoint=0x9F, exclude_categories=["Cs"]), max_size=30)
long_text = st.builds(lambda char, n: char * n, st.characters(exclude_categories=["Cs"]), st.integers(300, 5000))
percent_junk = st.lists(
    st.sampled_from(["%00", "%2F", "%25", "%C0%AF", "%E2%80%AE", "%ZZ", "%", "%ff", "%0a", "%20", "a"]), max_size=12
).map("".join)
hostile = st.one_of(st.sampled_from(NASTY), any_text, control_text, long_text, percent_junk)
# Values with the right shape now and then, so the checks behind the first test pass too.
param_value = st.one_of(hostile, st.sampled_from(["1", "2", "50", "51", "desc", "asc", "title", "differences"]))
# The same values as one path segment: percent-encoded, or raw Unicode left for the client to encode.
path_segment = st.one_of(hostile.map(lambda text: quote(text, safe="")), any_text.filter(lambda t: "?" not in t))
state_code = st.one_of(st.sampled_from(["tx", "fl", "TX", "dc", "pr", "zz", "t", "txx"]), hostile)


def extra_params(keys):
    """A query: some of `keys` (each maybe repeated) plus a stray key or two."""
    known = st.dictionaries(st.sampled_from(keys), st.one_of(param_value, st.lists(param_value, max_size=3)))
    stray = st.dictionaries(hostile.filter(bool), param_value, max_size=2)
    return st.builds(lambda a, b: {**b, **a}, known, stray)


def assert_answered(response):
    assert response.status_code < 500, response.status_code


def safe_code(code):
    """A generated state code as a single URL segment."""
    return quote(code, safe="") or "x"


@pytest.fixture
def page_urls(seeded):
    """A real page of every type, in both languages."""
    urls = ["/en/", "/es/", "/"]
    for language in ("en", "es"):
        seen = set()
        for page in Page.objects.live().filter(locale__language_code=language, depth__gt=1).specific():
            if type(page) not in seen:
                seen.add(type(page))
                urls.append(page.url)
    return urls


@pytest.fixture
def page_ids(seeded):
    return list(Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True)[:40])


@fuzz
@given(data=st.data())
def test_any_path_under_a_page_is_answered(client, page_urls, data):
    base = data.draw(st.sampled_from(page_urls))
    segments = data.draw(st.lists(path_segment, min_size=1, max_size=3))
    slash = data.draw(st.sampled_from(["", "/"]))
    assert_answered(client.get(base.rstrip("/") + "/" + "/".join(segments) + slash))


@fuzz
@given(data=st.data())
def test_any_query_on_a_page_is_answered(client, page_urls, data):
    base = data.draw(st.sampled_from(page_urls))
    assert_answered(client.get(base, data.draw(extra_params(["q", "page", "lang", "state", "sort"]))))


@fuzz
@given(
    path=st.sampled_from(["/en/search/", "/es/search/"]),
    params=extra_params(["q", "page", "type", "state"]),
)
def test_any_search_is_answered(client, seeded, path, params):
    response = client.get(path, params)
    assert_answered(response)
    if response.status_code == 200:
        assert parse(response).select_one("form[role=search] input[name=q]") is not None


@fuzz
@given(q=hostile, raw=st.booleans())
def test_any_raw_search_query_string_is_answered(client, seeded, q, raw):
    # Sent as typed, not encoded by the client: stray %, & and = included.
    query = q if raw else quote(q)
    assert_answered(client.get(f"/en/search/?q={query}&page={query}"))


@fuzz
@given(path=st.sampled_from(["/en/search/suggest/", "/es/search/suggest/"]), params=extra_params(["q"]))
def test_any_suggestion_request_is_answered_with_json(client, seeded, path, params):
    response = client.get(path, params)
    assert_answered(response)
    assert response.status_code == 200
    assert isinstance(json.loads(response.content)["suggestions"], list)


@fuzz
@given(
    path=st.sampled_from(["/en/states/", "/es/states/"]),
    params=extra_params(["state", "sort", "dir", "colour"]),
)
def test_any_state_index_view_is_answered(client, seeded, path, params):
    assert_answered(client.get(path, params))


@fuzz
@given(
    path=st.sampled_from(["/en/states/compare/", "/es/states/compare/"]),
    states=st.lists(st.one_of(state_code, st.just("tx,fl,pa"), st.just(",".join(["tx"] * 40))), max_size=8),
    only=param_value,
)
def test_any_comparison_is_answered(client, seeded, path, states, only):
    assert_answered(client.get(path, {"states": states, "only": only}))


@fuzz
@given(code=state_code, lang=param_value)
def test_any_short_link_is_answered(client, seeded, code, lang):
    assert_answered(client.get(f"/states/{safe_code(code)}/", {"lang": lang}))


@fuzz
@given(code=state_code, lang=param_value)
def test_any_embed_card_request_is_answered(client, seeded, code, lang):
    assert_answered(client.get(f"/states/{safe_code(code)}/embed/", {"lang": lang}))


@fuzz
@given(code=state_code, field=param_value, lang=param_value)
def test_any_report_form_request_is_answered(client, seeded, code, field, lang):
    assert_answered(client.get(f"/states/{safe_code(code)}/report/", {"field": field, "lang": lang}))


report_fields = st.fixed_dictionaries(
    {},
    optional={
        "field": st.one_of(param_value, st.sampled_from(["training_hours", "fees", "credentials"])),
        "message": st.one_of(hostile, st.just("The board now asks for 60 hours of training.")),
        "source_url": st.one_of(
            hostile, st.sampled_from(["https://example.org/rule", "javascript:alert(1)", "http://[::1"])
        ),
        "email": st.one_of(hostile, st.just("me@example.org")),
        "website": st.one_of(st.just(""), hostile),
    },
)


@fuzz
@given(code=st.one_of(st.sampled_from(["tx", "fl", "TX"]), state_code), fields=report_fields, urlencoded=st.booleans())
def test_any_report_post_is_answered(client, seeded, code, fields, urlencoded):
    # The rate limit counts stored reports per sender: start each example from none,
    # so that valid reports keep reaching the code that stores them.
    OutdatedReport.objects.all().delete()
    url = f"/states/{safe_code(code)}/report/?lang=en"
    if urlencoded:
        response = client.post(url, urlencode(fields), content_type="application/x-www-form-urlencoded")
    else:
        response = client.post(url, fields)
    assert_answered(response)


@examples(15)
@given(params=extra_params(["lang", "format", "q"]))
def test_the_requirements_csv_is_served_whatever_the_query(client, seeded, params):
    response = client.get("/states/requirements.csv", params)
    assert response.status_code == 200


@examples(15)
@given(code=state_code)
def test_any_changes_feed_is_answered(client, seeded, code):
    assert client.get("/states/changes.atom").status_code == 200
    assert_answered(client.get(f"/states/{safe_code(code)}/changes.atom"))


@pytest.mark.parametrize("param", ["locale", "type", "fields"])
def test_a_nul_in_an_api_detail_query_is_a_bad_request(client, page_ids, param):
    # 500s on PostgreSQL only (it refuses NUL in text), found by the detail fuzz.
    assert client.get(f"/api/v2/pages/{page_ids[0]}/", {param: "\x00"}).status_code == 400


def test_a_nul_state_code_in_a_changes_feed_address_is_not_found(client, seeded):
    # A 500 on PostgreSQL only (it refuses NUL in text), found by the fuzz above.
    assert client.get("/states/%00/changes.atom").status_code == 404


API_KEYS = [
    "type",
    "fields",
    "search",
    "search_operator",
    "locale",
    "translation_of",
    "limit",
    "offset",
    "order",
    "child_of",
    "ancestor_of",
    "descendant_of",
    "site",
    "code",
    "title",
    "slug",
    "id",
    "show_in_menus",
    "html_path",
]
api_value = st.one_of(
    param_value,
    st.sampled_from(
        [
            "states.StatePage",
            "careers.CareerStagePage,careers.SkillPage",
            "wagtailcore.Page",
            "home.HomePage",
            "nope.Nope",
            "*",
            "_,title",
            "*,-title",
            "-*",
            "code,training_hours,credentials(name,abbreviation)",
            "credentials(*)",
            "title(x)",
            "en",
            "es",
            "random",
            "-title",
            "id",
            "and",
            "or",
            "/en/states/texas/",
            "20",
            "-5",
        ]
    ),
)


@examples(40)
@given(params=st.dictionaries(st.sampled_from(API_KEYS), st.one_of(api_value, st.lists(api_value, max_size=3))))
def test_any_api_listing_query_is_answered(client, seeded, params):
    response = client.get("/api/v2/pages/", params)
    assert_answered(response)
    assert response["Content-Type"].startswith("application/json")


# Found by the fuzzing above; kept as plain examples so that they fail every run until fixed.
HOSTILE_API_SEARCHES = {
    "only spaces": {"search": " "},
    "a lone double quote": {"search": '"'},
    "a NUL byte": {"search": "\x00"},
    "an unknown search operator": {"search": "texas", "search_operator": "xor"},
    # A 500 on PostgreSQL only (it refuses NUL in text), found by the listing fuzz.
    "a NUL locale": {"locale": "\x00"},
}


@pytest.mark.parametrize("params", HOSTILE_API_SEARCHES.values(), ids=HOSTILE_API_SEARCHES.keys())
def test_hostile_api_search_is_answered_without_a_server_error(client, seeded, params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code in (200, 400)
    assert response["Content-Type"].startswith("application/json")


@fuzz
@given(data=st.data())
def test_any_api_detail_request_is_answered(client, page_ids, data):
    pk = data.draw(st.one_of(st.sampled_from(page_ids), st.integers(min_value=0, max_value=2**70)))
    params = data.draw(st.dictionaries(st.sampled_from(["fields", "type", "locale"]), api_value, max_size=2))
    assert_answered(client.get(f"/api/v2/pages/{pk}/", params))


@fuzz
@given(path=path_segment)
def test_any_api_path_is_answered(client, seeded, path):
    assert_answered(client.get(f"/api/v2/pages/{path}/"))


@examples(15)
@given(params=extra_params(["p", "section"]))
def test_the_sitemap_and_robots_answer_any_query(client, seeded, params):
    assert_answered(client.get("/sitemap.xml", params))
    assert_answered(client.get("/sitemap-pages.xml", params))
    assert client.get("/robots.txt", params).status_code == 200


@fuzz
@given(
    fields=st.fixed_dictionaries(
        {},
        optional={
            "language": st.one_of(st.sampled_from(["en", "es", "fr", "EN", "es-mx"]), hostile),
            "next": st.one_of(
                st.sampled_from(["/en/states/texas/", "/es/", "//evil.example/", "https://evil.example/", "/en/%00"]),
                hostile,
            ),
        },
    ),
    referer=st.one_of(st.none(), hostile, st.just("http://testserver/en/states/texas/")),
)
def test_any_language_switch_is_answered(client, seeded, fields, referer):
    headers = {} if referer is None else {"referer": referer.replace("\r", "").replace("\n", "")}
    response = client.post("/i18n/setlang/", fields, headers=headers)
    assert_answered(response)
    if response.status_code in (301, 302):
        assert not response["Location"].startswith(("//evil", "https://evil")), response["Location"]


# Hostile searches, one by one: the visitor gets the search page (or a plain 400), never an error.

HOSTILE_SEARCHES = {
    "60,000 characters without a space": "x" * 60_000,
    "5,000 field prefixes": "a:" * 5000,
    "10,000 double quotes": '"' * 10_000,
    "a NUL byte": "\x00",
}


@pytest.mark.parametrize("q", HOSTILE_SEARCHES.values(), ids=HOSTILE_SEARCHES.keys())
def test_hostile_search_gets_the_search_page_back(search, seeded, q):
    response = search({"q": q})
    assert response.status_code == 200
    page = parse(response)
    box = page.select_one("form[role=search] input[name=q]")
    assert box is not None and page.h1.get_text(strip=True) == "Search"
    # What the visitor typed comes back shortened to what the box accepts, and without NUL.
    assert len(box["value"]) <= int(box["maxlength"]) and "\x00" not in box["value"]


def test_a_search_of_only_punctuation_gets_the_empty_search_form(search, seeded):
    page = parse(search({"q": '"' * 10_000}))
    # Nothing searchable was left: the form comes back, with no result count and no error.
    assert page.select_one("form[role=search]") is not None
    assert page.find(attrs={"role": "status"}) is None
    assert "Traceback" not in page.get_text()


def test_a_one_megabyte_search_query_is_answered_with_the_search_page(client, seeded):
    response = client.get("/en/search/?q=" + "a" * 1_000_000)
    assert response.status_code == 200
    assert parse(response).select_one("form[role=search] input[name=q]")["value"] == "a" * 200


def test_a_one_megabyte_query_of_many_fields_is_refused_with_a_400(client, seeded):
    response = client.get("/en/search/?" + "q=a&" * 250_000)
    assert response.status_code == 400
    assert b"Bad Request" in response.content


def test_a_long_search_in_spanish_is_answered(search, seeded):
    response = search({"q": "ñ" * 60_000}, path="/es/search/")
    assert response.status_code == 200
    assert parse(response).select_one("form[role=search] input[name=q]") is not None


def test_state_picker_with_a_nul_byte_says_it_does_not_know_the_code(client, seeded):
    response = client.get("/en/states/", {"state": "t\x00"})
    assert response.status_code == 200
    assert "We don't know that state code" in parse(response).find(attrs={"role": "alert"}).get_text()


def test_the_report_form_with_a_nul_message_is_refused_with_a_clear_message(client, seeded):
    response = client.post("/states/tx/report/", {"message": "\x00" * 20, "website": ""})
    assert response.status_code == 400
    assert not OutdatedReport.objects.exists()
    assert parse(response).select_one(".field-error") is not None


def test_state_pages_exist_to_fuzz(seeded):
    # Guards the fuzzing above against silently testing an empty site.
    assert StatePage.objects.filter(locale__language_code="en", code="TX").exists()
