"""Bulk update from a CSV: preview, then apply as revisions that go through review."""

import csv
import io

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile

from states.models import StatePage
from tests.html import parse

URL = "/admin/states/import/"


def exported(client):
    return client.get("/states/requirements.csv").content


def upload(client, data):
    return client.post(URL, {"action": "preview", "csv_file": SimpleUploadedFile("states.csv", data, "text/csv")})


def edited(data, target, **cells):
    rows = list(csv.DictReader(io.StringIO(data.decode())))
    for row in rows:
        if row["code"] == target:
            row.update(cells)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def test_round_trip_of_the_export_reports_no_changes(state_editor):
    response = upload(state_editor, exported(state_editor))
    assert response.status_code == 200
    assert "No changes" in parse(response).select_one(".import-result").get_text()


def test_preview_shows_each_change_and_writes_nothing(state_editor):
    data = edited(exported(state_editor), "TX", training_hours="60", medicaid_billable="")
    response = upload(state_editor, data)
    page = parse(response)
    rows = {
        tr.find_all("td")[0].get_text(): [td.get_text() for td in tr.find_all("td")[1:]]
        for tr in page.select(".import-preview tbody tr")
    }
    assert rows == {"training_hours": ["46", "60"], "medicaid_billable": ["True", "(not yet verified)"]}
    assert StatePage.objects.get(code="TX", locale__language_code="en").training_hours == 46


def test_apply_creates_a_revision_sent_for_review_not_published(state_editor):
    data = edited(exported(state_editor), "TX", training_hours="60")
    preview = parse(upload(state_editor, data))
    csv_text = preview.find("textarea", attrs={"name": "csv_text"}).get_text()
    response = state_editor.post(URL, {"action": "apply", "csv_text": csv_text})
    assert "1 state page saved" in parse(response).select_one(".import-result").get_text()
    texas = StatePage.objects.get(code="TX", locale__language_code="en")
    assert texas.training_hours == 46  # live value unchanged until approved
    assert texas.get_latest_revision_as_object().training_hours == 60
    assert texas.current_workflow_state.status == "in_progress"


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"code": "ZZ"}, "Row 2: Unknown state code 'ZZ'."),
        ({"training_hours": "forty"}, "Row 2: training_hours must be a whole number"),
        ({"training_hours": "-5"}, "Row 2: training_hours must be a whole number"),
        ({"exam_required": "maybe"}, "Row 2: exam_required must be yes, no, or empty"),
        ({"last_verified_on": "22/11/2026"}, "Row 2: last_verified_on must be a date written YYYY-MM-DD"),
    ],
)
def test_bad_rows_are_reported_with_their_number_and_nothing_is_written(state_editor, cells, reason):
    first_code = next(csv.DictReader(io.StringIO(exported(state_editor).decode())))["code"]
    data = edited(exported(state_editor), first_code, **cells)
    data = edited(data, "TX", training_hours="60")  # a good change elsewhere in the same file
    response = upload(state_editor, data)
    assert response.status_code == 400
    alert = parse(response).select_one(".import-errors-block")
    assert "Nothing was changed" in alert.get_text()
    assert reason in alert.get_text()
    assert (
        StatePage.objects.get(code="TX", locale__language_code="en").get_latest_revision_as_object().training_hours
        == 46
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"state,training_hours\nTexas,60\n", "including code"),
        (b"code,favourite\nTX,1\n", "Unknown column(s): favourite"),
        (b"code\nTX\nTX\n", "Row 3: TX appears more than once."),
        (b"code,training_hours\nTX,60,extra\n", "Row 2: This row has more cells"),
        ("code,notes\nTX,caf\xe9\n".encode("latin-1"), "not UTF-8"),
    ],
)
def test_malformed_files_get_a_clear_reason(state_editor, data, reason):
    response = upload(state_editor, data)
    assert response.status_code == 400
    assert reason in parse(response).select_one(".import-errors-block").get_text()


def test_no_file_is_a_clear_message(state_editor):
    response = state_editor.post(URL, {"action": "preview"})
    assert response.status_code == 400
    assert "Choose a CSV file" in response.content.decode()


def test_only_people_who_may_edit_states_can_import(client, django_user_model, seeded):
    user = django_user_model.objects.create_user("no-state-rights", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name="Editors"))
    user.groups.remove(*user.groups.exclude(name="Editors"))
    # Wagtail's default Editors group may edit every page, so remove its rights on the state index for this test.
    from wagtail.models import GroupPagePermission

    from states.models import StateIndexPage

    GroupPagePermission.objects.filter(group__name="Editors").delete()
    client.force_login(user)
    assert StateIndexPage.objects.exists()
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"] == "/admin/"  # Wagtail's "permission denied"
    assert client.post(URL, {"action": "apply", "csv_text": "code,training_hours\nTX,60\n"}).status_code == 302
    assert (
        StatePage.objects.get(code="TX", locale__language_code="en").get_latest_revision_as_object().training_hours
        == 46
    )
