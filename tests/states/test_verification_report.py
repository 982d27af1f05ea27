"""Editors see which states are due for re-verification, overdue first, and can export it."""

import csv
import datetime
import io

from django.test import override_settings
from django.utils import timezone

from states.models import StatePage
from tests.html import parse

URL = "/admin/reports/state-verification/"


def age(code, days):
    StatePage.objects.filter(code=code, locale__language_code="en").update(
        last_verified_on=timezone.localdate() - datetime.timedelta(days=days)
    )


@override_settings(STATE_VERIFICATION_MAX_AGE_DAYS=180)
def test_overdue_states_come_first(editor_client, seeded):
    age("TX", 400)
    StatePage.objects.filter(code="FL", locale__language_code="en").update(last_verified_on=None)
    age("PA", 200)
    StatePage.objects.exclude(code__in=["TX", "FL", "PA"]).update(last_verified_on=timezone.localdate())
    page = parse(editor_client.get(URL))
    rows = page.select("table.listing tbody tr")
    assert len(rows) == 52
    first = [row.find_all("td")[1].get_text() for row in rows[:3]]
    assert first == ["FL", "TX", "PA"]  # never, then oldest first
    assert [row.find_all("td")[4].get_text() for row in rows[:4]] == ["Overdue", "Overdue", "Overdue", "Current"]
    assert "3 of 52" in page.get_text()


@override_settings(STATE_VERIFICATION_MAX_AGE_DAYS=30)
def test_interval_is_a_setting_and_the_dashboard_counts_overdue(editor_client, seeded):
    StatePage.objects.update(last_verified_on=timezone.localdate())
    age("TX", 31)
    dashboard = editor_client.get("/admin/")
    text = " ".join(parse(dashboard).get_text().split())
    assert "1 state page last verified more than 30 days ago" in text


def test_report_exports_as_csv(editor_client, seeded):
    response = editor_client.get(URL, {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 52
    assert {"code", "state", "last_verified_on", "overdue"} <= set(rows[0])


def test_report_needs_an_admin_login(client, seeded):
    assert client.get(URL).status_code == 302
