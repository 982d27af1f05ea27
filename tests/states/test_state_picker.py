"""The state picker reaches any state's entry in two clicks, and survives bad input."""

import pytest

from tests.factories import StateIndexPageFactory
from tests.html import parse


@pytest.fixture
def state_index(home):
    return StateIndexPageFactory(parent=home)


def test_home_page_offers_a_labelled_picker_of_every_jurisdiction(client, state_index):
    page = parse(client.get("/en/"))
    select = page.find("select", attrs={"name": "state"})
    assert page.find("label", attrs={"for": select["id"]})
    codes = [option["value"] for option in select.find_all("option") if option["value"]]
    assert len(codes) == 52
    assert {"fl", "tx", "dc", "pr"} <= set(codes)
    assert select.find_parent("form")["action"] == "/en/states/"


@pytest.mark.parametrize("code", ["fl", "FL", " fl "])
def test_picking_a_state_goes_to_its_entry(client, state_index, code):
    response = client.get("/en/states/", {"state": code})
    assert response.status_code == 302
    assert response["Location"] == "/en/states/#fl"


@pytest.mark.parametrize("code", ["zz", "", "<script>", "x" * 500])
def test_an_unknown_code_gets_a_clear_message_not_an_error(client, state_index, code):
    response = client.get("/en/states/", {"state": code})
    assert response.status_code == 200
    alert = parse(response).find(attrs={"role": "alert"})
    assert "We don't know that state code" in alert.get_text()


def test_every_state_is_listed_with_an_anchor_and_its_credentials(client, state_index):
    page = parse(client.get("/en/states/"))
    florida = page.find(id="fl")
    assert florida.h3.get_text(strip=True) == "Florida"
    assert "CRPS" in florida.get_text()
    assert len(page.select(".state-list > li")) == 52
