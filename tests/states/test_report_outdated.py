"""The "Report outdated information" form: stored for editors, spam refused, nothing lost."""

import pytest

from states.models import OutdatedReport
from states.reports import RATE_LIMIT
from tests.html import parse

URL = "/states/tx/report/"
GOOD = {"field": "training_hours", "message": "The board now asks for 60 hours of training.", "website": ""}


def test_each_state_page_carries_the_form(client, seeded):
    page = parse(client.get("/en/states/texas/"))
    form = page.select_one("#report form")
    assert form["action"] == f"{URL}?lang=en" and form["method"] == "post"
    assert form.find("label", attrs={"for": "id_message"})


def test_a_report_is_stored_and_thanked(client, seeded):
    response = client.post(URL, {**GOOD, "source_url": "https://example.org/rule", "email": "me@example.org"})
    assert response.status_code == 302
    report = OutdatedReport.objects.get()
    assert report.page.code == "TX" and report.field == "training_hours"
    assert report.email == "me@example.org"
    thanks = parse(client.get(response["Location"]))
    assert "Your report was saved" in thanks.find(attrs={"role": "status"}).get_text()


def test_editors_see_reports_in_the_admin(editor_client, client, seeded):
    client.post(URL, GOOD)
    listing = editor_client.get("/admin/snippets/states/outdatedreport/")
    assert listing.status_code == 200
    assert "Texas" in listing.content.decode()


def test_the_honeypot_refuses_bots_and_stores_nothing(client, seeded):
    response = client.post(URL, {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 400
    assert "looks automated" in parse(response).find(attrs={"role": "alert"}).get_text()
    assert not OutdatedReport.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"message": ""}, "Please tell us what looks outdated."),
        ({"message": "short"}, "at least 10 characters"),
        ({"source_url": "not a link"}, "Enter a valid URL"),
        ({"email": "nobody@"}, "Enter a valid email address"),
        ({"field": "favourite_colour"}, "Select a valid choice"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_the_text(client, seeded, data, message):
    posted = {**GOOD, "source_url": "https://example.org/keep-me", **data}
    response = client.post(URL, posted)
    assert response.status_code == 400
    page = parse(response)
    assert message in page.get_text()
    assert page.find("textarea", attrs={"name": "message"}).get_text().strip() == posted["message"]
    assert not OutdatedReport.objects.exists()


def test_too_many_reports_from_one_address_are_rate_limited(client, seeded):
    for _ in range(RATE_LIMIT):
        assert client.post(URL, GOOD).status_code == 302
    response = client.post(URL, GOOD)
    assert response.status_code == 400
    assert "try again later" in parse(response).find(attrs={"role": "alert"}).get_text()
    assert OutdatedReport.objects.count() == RATE_LIMIT
    other_sender = client.post(URL, GOOD, REMOTE_ADDR="10.0.0.9")
    assert other_sender.status_code == 302


def test_unknown_state_report_url_is_a_404(client, seeded):
    assert client.post("/states/zz/report/", GOOD).status_code == 404
