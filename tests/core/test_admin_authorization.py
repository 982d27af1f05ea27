"""Who may open what in the admin (security tests S5 and S6).

Every admin address that takes an object is asked for by a stranger, by a
State editor about pages outside the states, and by a translator who may not
edit the page: none of them gets the object back, and the stranger is sent
to sign in."""

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import TranslationSource

from careers.models import CareerLadderPage
from core.models import Citation
from states.permissions import EDITORS
from tests import factories

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture
def ladder():
    """A page outside the states section, with a draft revision."""
    page = CareerLadderPage.objects.get(locale__language_code="en")
    page.save_revision()
    return page


def object_urls(page):
    spanish = page.get_translation(Locale.objects.get(language_code="es"))
    source = TranslationSource.objects.filter(object_id=page.translation_key).first()
    revision = page.latest_revision
    citation = Citation.objects.first()
    return {
        "edit": f"/admin/pages/{page.pk}/edit/",
        "history": f"/admin/pages/{page.pk}/history/",
        "revisions": f"/admin/pages/{page.pk}/revisions/{revision.pk}/view/",
        "compare": f"/admin/pages/{page.pk}/revisions/compare/live...{revision.pk}/",
        "copy": f"/admin/pages/{page.pk}/copy/",
        "move": f"/admin/pages/{page.pk}/move/",
        "delete": f"/admin/pages/{page.pk}/delete/",
        "unpublish": f"/admin/pages/{page.pk}/unpublish/",
        "privacy": f"/admin/pages/{page.pk}/privacy/",
        "add child": f"/admin/pages/add/careers/careerstagepage/{page.pk}/",
        "citation edit": f"/admin/snippets/core/citation/edit/{citation.pk}/",
        "citation delete": f"/admin/snippets/core/citation/delete/{citation.pk}/",
        "translate": f"/admin/localize/submit/page/{page.pk}/",
        "sync translation": f"/admin/localize/update/{source.pk}/",
        "translation editor": f"/admin/pages/{spanish.pk}/edit/",
        "users": "/admin/users/",
        "groups": "/admin/groups/",
        "sites": "/admin/sites/",
        "locales": "/admin/locales/",
        "redirects": "/admin/redirects/",
        "workflows": "/admin/workflows/list/",
    }


def refused(response, secret):
    """Not given: a redirect (to sign in, or to the dashboard with a message), 403 or 404,
    and never a body that shows the object."""
    return response.status_code in (302, 403, 404) and secret not in response.content.decode()


def test_a_stranger_is_sent_to_sign_in_for_every_admin_object(client, ladder):
    for name, url in object_urls(ladder).items():
        for response in (client.get(url), client.post(url, {})):
            assert response.status_code == 302, name
            assert response["Location"].startswith("/admin/login/"), name


@pytest.fixture
def state_editor(client, django_user_model):
    user = django_user_model.objects.create_user("state-editor", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client


SETTINGS_AND_PEOPLE = ["users", "groups", "sites", "locales", "redirects", "workflows", "citation delete"]
OTHER_PAGES = [
    "edit",
    "history",
    "revisions",
    "compare",
    "copy",
    "move",
    "delete",
    "unpublish",
    "privacy",
    "add child",
    "translate",
    "sync translation",
    "translation editor",
]


@pytest.mark.parametrize("name", OTHER_PAGES + SETTINGS_AND_PEOPLE)
def test_a_state_editor_cannot_reach_other_pages_or_the_sites_settings(state_editor, ladder, name):
    url = object_urls(ladder)[name]
    secret = ladder.title if name in OTHER_PAGES else "state-editor@"  # a page's title; nothing for lists
    assert refused(state_editor.get(url), secret), f"GET {name}"
    assert refused(state_editor.post(url, {}), secret), f"POST {name}"
    assert CareerLadderPage.objects.filter(pk=ladder.pk, live=True).exists()


def test_a_state_editor_can_open_a_state_page(state_editor):
    texas = Page.objects.get(slug="texas", locale__language_code="en")
    assert state_editor.get(f"/admin/pages/{texas.pk}/edit/").status_code == 200


@pytest.fixture
def untranslated_page(home):
    return factories.SkillPageFactory(parent=factories.SkillIndexPageFactory(parent=home))


@pytest.fixture
def translator(client, django_user_model):
    user = django_user_model.objects.create_user("translator", password="pw-for-tests-only")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="submit_translation"),
    )
    client.force_login(user)
    return user


def submit_for_spanish(client, page):
    spanish = Locale.objects.get(language_code="es")
    return client.post(f"/admin/localize/submit/page/{page.pk}/", {"locales": [spanish.pk]}), spanish


def test_a_translator_without_edit_rights_cannot_start_a_translation(client, translator, untranslated_page):
    """S6: wagtail-localize's own view asks only for submit_translation (the
    class of CVE-2026-54262); core.admin_views guards it."""
    sources_before = TranslationSource.objects.count()
    response, spanish = submit_for_spanish(client, untranslated_page)
    assert response.status_code in (302, 403)
    assert untranslated_page.get_translation_or_none(spanish) is None
    assert TranslationSource.objects.count() == sources_before


def test_a_translator_who_may_edit_the_page_can_translate_it(client, translator, untranslated_page):
    group = Group.objects.create(name="Skill translators")
    GroupPagePermission.objects.create(
        group=group, page=untranslated_page, permission=Permission.objects.get(codename="change_page")
    )
    translator.groups.add(group)
    response, spanish = submit_for_spanish(client, untranslated_page)
    assert response.status_code == 302
    assert untranslated_page.get_translation_or_none(spanish) is not None


def test_a_state_editor_cannot_list_other_accounts_through_bulk_actions(state_editor, django_user_model, admin_client):
    """S9: bulk-action screens once showed the names of the users asked for (CVE-2023-45809)."""
    other = django_user_model.objects.create_user("quiet-admin", first_name="Quentin", last_name="Admin")
    for action in ("delete", "set_active_state", "assign_role"):
        url = f"/admin/bulk/auth/user/{action}/"
        assert "Quentin" in admin_client.get(url, {"id": [other.pk]}).content.decode(), f"{action}: the screen exists"
        assert refused(state_editor.get(url, {"id": [other.pk]}), "Quentin"), action


def test_every_address_in_the_matrix_opens_for_an_administrator(admin_client, ladder):
    """So that the refusals above are refusals, not addresses that do not exist."""
    for name, url in object_urls(ladder).items():
        assert admin_client.get(url).status_code == 200, name
