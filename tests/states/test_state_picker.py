"""The state picker reaches any state's page in two clicks, and survives bad input."""

import pytest

from states.models import StatePage
from tests.html import parse


def test_home_page_offers_a_labelled_picker_of_every_state(client, seeded):
    page = parse(client.get("/en/"))
    select = page.find("select", attrs={"name": "state"})
    assert page.find("label", attrs={"for": select["id"]})
    codes = [option["value"] for option in select.find_all("option") if option["value"]]
    assert len(codes) == 52
    assert {"fl", "tx", "dc", "pr"} <= set(codes)
    assert select.find_parent("form")["action"] == "/en/states/"


@pytest.mark.parametrize("code", ["fl", "FL", " fl "])
def test_picking_a_state_goes_to_its_page(client, seeded, code):
    response = client.get("/en/states/", {"state": code})
    assert response.status_code == 302
    assert response["Location"] == "/en/states/florida/"


@pytest.mark.parametrize("code", ["zz", "", "<script>", "x" * 500, "\x00"])
def test_an_unknown_code_gets_a_clear_message_not_an_error(client, seeded, code):
    response = client.get("/en/states/", {"state": code})
    assert response.status_code == 200
    alert = parse(response).find(attrs={"role": "alert"})
    assert "We don't know that state code" in alert.get_text()


def test_every_state_is_listed_with_a_link_and_its_credentials(client, seeded):
    page = parse(client.get("/en/states/"))
    florida = page.find(id="fl")
    assert florida.a["href"] == "/en/states/florida/"
    assert "CRPS" in florida.get_text()
    assert (
        len(page.select(".state-list > li"))
        == StatePage.objects.live().filter(locale__language_code="en").count()
        == 52
    )


def test_a_draft_state_is_not_listed(client, seeded):
    StatePage.objects.get(code="FL", locale__language_code="en").unpublish()
    page = parse(client.get("/en/states/"))
    assert page.find(id="fl") is None
    assert client.get("/en/states/", {"state": "fl"}).status_code == 200
