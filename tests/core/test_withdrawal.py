"""Withdrawing an English page withdraws its translations at once, without
waiting for an editor to sync them."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale, PageViewRestriction

from states.models import StatePage
from tests.sitemap import whole_sitemap

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture
def florida():
    return StatePage.objects.get(code="FL", locale__language_code="en")


@pytest.fixture
def spanish_florida(florida):
    return florida.get_translation(Locale.objects.get(language_code="es"))


def test_unpublishing_the_english_page_unpublishes_its_translation(client, florida, spanish_florida):
    assert client.get("/es/states/florida/").status_code == 200
    florida.unpublish()
    spanish_florida.refresh_from_db()
    assert not spanish_florida.live
    assert client.get("/es/states/florida/").status_code == 404
    assert "/es/states/florida/" not in whole_sitemap(client)


def test_unpublishing_a_translation_leaves_the_english_page_live(client, florida, spanish_florida):
    spanish_florida.unpublish()
    florida.refresh_from_db()
    assert florida.live


def test_a_view_restriction_reaches_the_translation_and_goes_with_it(client, florida, spanish_florida):
    restriction = PageViewRestriction.objects.create(page=florida, restriction_type="groups")
    editors = Group.objects.create(name="Florida reviewers")
    restriction.groups.add(editors)
    copy = PageViewRestriction.objects.get(page=spanish_florida)
    assert copy.restriction_type == "groups" and list(copy.groups.all()) == [editors]
    assert client.get("/es/states/florida/").status_code in (302, 401)

    restriction.delete()
    assert not PageViewRestriction.objects.filter(page=spanish_florida).exists()
    assert client.get("/es/states/florida/").status_code == 200
