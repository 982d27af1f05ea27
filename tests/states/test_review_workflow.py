"""State editors change state pages only through review; reviewers approve."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from careers.models import CareerLadderPage
from core.models import Citation
from states.models import CertifyingBody, StatePage
from states.permissions import EDITORS, REVIEWERS
from tests.admin_forms import post_state_page_edit


@pytest.fixture
def make_user(django_user_model):
    def make(group_name):
        user = django_user_model.objects.create_user(group_name.replace(" ", "-"), password="pw-for-tests-only")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def state_editor(client, make_user, seeded):
    client.force_login(make_user(EDITORS))
    return client


def edit_training_hours(client, state, hours, action):
    return post_state_page_edit(client, state, {"training_hours": str(hours)}, action)


def test_state_editors_can_edit_state_pages_and_their_records_only(state_editor):
    texas = StatePage.objects.get(code="TX", locale__language_code="en")
    assert state_editor.get(f"/admin/pages/{texas.pk}/edit/").status_code == 200
    ladder = CareerLadderPage.objects.filter(locale__language_code="en").first()
    assert state_editor.get(f"/admin/pages/{ladder.pk}/edit/").status_code in (302, 403)
    body = CertifyingBody.objects.first()
    assert state_editor.get(f"/admin/snippets/states/certifyingbody/edit/{body.pk}/").status_code == 200
    citation = Citation.objects.first()
    assert state_editor.get(f"/admin/snippets/core/citation/edit/{citation.pk}/").status_code in (302, 403)


def test_a_state_editor_cannot_publish(state_editor):
    texas = StatePage.objects.get(code="TX", locale__language_code="en")
    response = edit_training_hours(state_editor, texas, 60, "action-publish")
    assert response.status_code in (200, 302)
    assert StatePage.objects.get(pk=texas.pk).training_hours == 46


def test_an_edit_is_live_only_after_a_reviewer_approves(state_editor, client, make_user, django_user_model):
    texas = StatePage.objects.get(code="TX", locale__language_code="en")
    response = edit_training_hours(state_editor, texas, 60, "action-submit")
    assert response.status_code == 302, response.content[:300]
    texas = StatePage.objects.get(pk=texas.pk)
    assert texas.training_hours == 46  # still the published value
    workflow_state = texas.current_workflow_state
    assert workflow_state is not None and workflow_state.status == "in_progress"

    client.force_login(make_user(REVIEWERS))
    task_state = workflow_state.current_task_state
    approve = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[texas.pk, "approve", task_state.pk]),
        {"comment": "Checked against the board."},
    )
    assert approve.status_code in (200, 302)
    assert Page.objects.get(pk=texas.pk).specific.training_hours == 60
