"""The planning tools as pages: reachable, linked from the site, usable without
JavaScript, shared by the page cache while empty and private once answered."""

import pytest
from django.conf import settings
from django.templatetags.static import static

from states.models import StatePage
from tests.html import parse
from tests.planning.conftest import STARTING_ANSWERS

pytestmark = pytest.mark.usefixtures("seeded")

TOOLS = ["/en/plan/path/", "/en/plan/moving/", "/es/plan/path/", "/es/plan/moving/"]
PAGES = ["/en/plan/", "/es/plan/", *TOOLS]
# The field each tool preselects from ?state=.
STATE_FIELD = {"path": "state", "moving": "from_state"}


def tool_field(url):
    return STATE_FIELD[url.rstrip("/").rsplit("/", 1)[-1]]


def directives(header):
    """Cache-Control as {directive: value or True}."""
    pairs = (part.strip().partition("=") for part in header.split(","))
    return {name.lower(): value or True for name, _, value in pairs if name}


def selected(page, name):
    return [option["value"] for option in page.select(f"select[name={name}] option[selected]")]


def texas_answers():
    return {"state": "tx", **STARTING_ANSWERS}


def moving_answers(language="en"):
    texas = StatePage.objects.get(code="TX", locale__language_code=language)
    return {"from_state": "tx", "credential": str(texas.credential_list[0].pk), "to_state": "pa", "pace": "10"}


@pytest.mark.parametrize("url", PAGES)
def test_each_page_answers_with_a_heading_in_its_language(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = parse(response)
    assert page.html["lang"] == url.split("/")[1]
    assert len(page.select("main h1")) == 1
    assert page.select_one("main h1").get_text(strip=True)


@pytest.mark.parametrize("url", PAGES)
def test_each_page_answers_head_requests_like_other_pages(client, url):
    """Link checkers and uptime monitors ask with HEAD; every other public page answers it."""
    assert client.head("/en/states/texas/").status_code == 200
    response = client.head(url)
    assert response.status_code == 200
    assert response.content == b""


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_index_links_to_both_tools(client, language):
    page = parse(client.get(f"/{language}/plan/"))
    links = {a["href"] for a in page.select("main a[href]")}
    assert {f"/{language}/plan/path/", f"/{language}/plan/moving/"} <= links


@pytest.mark.parametrize("url", TOOLS)
def test_a_state_in_the_address_is_preselected(client, url):
    page = parse(client.get(url, {"state": "tx"}))
    assert selected(page, tool_field(url)) == ["TX"]
    if tool_field(url) == "from_state":
        assert selected(page, "to_state") in ([], [""])  # only the state being left


@pytest.mark.parametrize("code", ["zz", "\x00", "t", "texas", "TX'", "<b>", ""])
@pytest.mark.parametrize("url", TOOLS)
def test_a_state_that_is_not_one_is_ignored(client, url, code):
    response = client.get(url, {"state": code})
    assert response.status_code == 200
    page = parse(response)
    assert selected(page, tool_field(url)) in ([], [""])
    assert not page.select(".error-summary, .field-error")


def test_the_preselected_state_is_in_the_visitors_language(client):
    page = parse(client.get("/es/plan/path/", {"state": "pa"}))
    [option] = page.select("select[name=state] option[selected]")
    assert (option["value"], option.get_text(strip=True)) == ("PA", "Pensilvania")


@pytest.mark.parametrize("url", PAGES)
def test_the_empty_pages_are_shared_like_other_public_pages(client, url):
    first = client.get(url)
    assert directives(first["Cache-Control"]) == {
        "public": True,
        "max-age": "0",
        "s-maxage": str(settings.CACHE_CONTROL_S_MAXAGE),
        "stale-while-revalidate": str(settings.CACHE_CONTROL_STALE_WHILE_REVALIDATE),
    }
    assert directives(first["Cache-Control"]) == directives(client.get("/en/states/")["Cache-Control"])
    assert first["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    ("url", "answers"),
    [("/en/plan/path/", texas_answers), ("/es/plan/path/", texas_answers), ("/en/plan/moving/", moving_answers)],
)
def test_answers_are_private_and_never_kept(client, url, answers):
    client.get(url)  # the empty form, now in the page cache
    response = client.post(url, answers())
    assert response.status_code == 200
    cache_control = directives(response["Cache-Control"])
    assert {"private", "no-store", "no-cache"} <= set(cache_control)
    assert cache_control.get("max-age") == "0"
    assert not {"public", "s-maxage", "stale-while-revalidate"} & set(cache_control)
    assert response["X-Page-Cache"] == "skip"
    assert parse(response).select_one('meta[name="robots"]')["content"] == "noindex"
    # The next visitor to ask for the page gets the empty form, not these answers.
    after = parse(client.get(url))
    assert not after.select("section.plan")
    assert selected(after, tool_field(url)) in ([], [""])


def test_answers_with_mistakes_are_private_too(client):
    response = client.post("/en/plan/path/", {"state": "tx", "training_done": "lots"})
    assert response.status_code == 400
    assert {"private", "no-store"} <= set(directives(response["Cache-Control"]))


def test_the_home_page_links_to_both_tools(client):
    links = {a["href"] for a in parse(client.get("/en/")).select("main a[href]")}
    assert {"/en/plan/path/", "/en/plan/moving/"} <= links


def test_the_state_index_links_to_the_tools(client):
    links = {a["href"] for a in parse(client.get("/en/states/")).select("main a[href]")}
    assert "/en/plan/" in links


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_state_page_links_to_the_tools_with_its_state_chosen(client, language):
    links = {a["href"] for a in parse(client.get(f"/{language}/states/texas/")).select("main a[href]")}
    path, moving = f"/{language}/plan/path/?state=tx", f"/{language}/plan/moving/?state=tx"
    assert {path, moving} <= links
    # Following the link gives Texas chosen already.
    assert selected(parse(client.get(path)), "state") == ["TX"]
    assert selected(parse(client.get(moving)), "from_state") == ["TX"]


@pytest.mark.parametrize("url", TOOLS)
def test_the_form_posts_to_its_own_page_without_javascript(client, url):
    page = parse(client.get(url))
    form = page.select_one("main form.planner-form")
    assert form["method"].lower() == "post"
    assert form["action"] == url
    [submit] = form.select('button[type="submit"]')
    assert not submit.has_attr("hidden")
    # The button that needs the script stays hidden until the script shows it.
    assert all(button.has_attr("hidden") for button in form.select("button.clear-answers"))


def submission(form):
    """What a browser without JavaScript sends for `form` as it stands: every named
    field's value, checked radio or selected option."""
    data = {}
    for field in form.select("input[name], select[name]"):
        if field.name == "select":
            chosen = field.select_one("option[selected]")
            data[field["name"]] = chosen["value"] if chosen else field.select_one("option")["value"]
        elif field.get("type") == "radio":
            if field.has_attr("checked"):
                data[field["name"]] = field["value"]
        else:
            data[field["name"]] = field.get("value", "")
    return data


def test_the_path_form_as_served_gives_a_checklist_when_sent(client):
    """A visitor arriving from the Texas page answers only the two questions without a default."""
    page = parse(client.get("/en/plan/path/", {"state": "tx"}))
    form = page.select_one("form.planner-form")
    data = {**submission(form), "education": "high_school", "lived_experience": "yes"}
    response = client.post(form["action"], data)
    assert response.status_code == 200
    assert parse(response).select("section.plan li.step")


def test_the_moving_form_as_served_gives_a_plan_when_sent(client):
    page = parse(client.get("/en/plan/moving/", {"state": "tx"}))
    form = page.select_one("form.planner-form")
    response = client.post(form["action"], {**submission(form), "to_state": "PA"})
    assert response.status_code == 200
    assert parse(response).select("section.plan li.step")


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_moving_forms_credentials_are_grouped_by_state(client, language):
    page = parse(client.get(f"/{language}/plan/moving/"))
    groups = {group["label"]: group for group in page.select("select[name=credential] optgroup")}
    for code in ["TX", "NC"]:
        state = StatePage.objects.get(code=code, locale__language_code=language)
        group = groups[state.title]
        assert [option["value"] for option in group.select("option")] == [str(c.pk) for c in state.credential_list]
    # A state with no credential found has no empty group.
    south_dakota = StatePage.objects.get(code="SD", locale__language_code=language)
    assert south_dakota.title not in groups
    assert all(group.select("option") for group in groups.values())


@pytest.mark.parametrize(
    ("url", "answers"),
    [("/en/plan/path/", texas_answers), ("/en/plan/moving/", moving_answers)],
)
def test_the_print_button_is_hidden_without_javascript(client, url, answers):
    page = parse(client.post(url, answers()))
    [button] = page.select("button.print-button")
    assert button.has_attr("hidden")
    # Sharing works without the script: a submit button for the same form.
    share = page.select_one('button[name="share"]')
    assert share["type"] == "submit"
    assert page.select_one(f"form#{share['form']}")["action"] == url


def test_a_share_link_keeps_the_answers_after_the_hash(client):
    response = client.post("/en/plan/path/", {**texas_answers(), "share": "1"})
    link = parse(response).select_one("input.share-link")["value"]
    address, _, answers = link.partition("#")
    assert address == "http://testserver/en/plan/path/"
    assert "state=TX" in answers and "training_done=0" in answers
    assert "share" not in answers


@pytest.mark.parametrize("url", [*TOOLS, "/en/plan/path/?state=tx"])
def test_the_tools_load_their_script_deferred(client, url):
    scripts = parse(client.get(url)).select(f'script[src="{static("js/planner.js")}"]')
    assert len(scripts) == 1
    assert scripts[0].has_attr("defer")


def test_the_script_is_loaded_on_the_answered_page_too(client):
    scripts = parse(client.post("/en/plan/path/", texas_answers())).select(f'script[src="{static("js/planner.js")}"]')
    assert len(scripts) == 1 and scripts[0].has_attr("defer")
