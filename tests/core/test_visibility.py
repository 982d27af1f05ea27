"""Public pages are the same set whether the site has a few private sections
or thousands, and the query that finds them stays valid on SQLite."""

import pytest
from wagtail.models import Page, PageViewRestriction

from core.visibility import FEW_RESTRICTIONS, public
from tests.bulk_pages import add_private_pages
from tests.factories import SkillIndexPageFactory, SkillPageFactory


@pytest.fixture
def sections(home):
    private_section = SkillIndexPageFactory(parent=home, slug="members")
    inside_private = SkillPageFactory(parent=private_section)
    open_page = SkillPageFactory(parent=SkillIndexPageFactory(parent=home, slug="open"))
    PageViewRestriction.objects.create(page=private_section, restriction_type="login")
    return private_section, inside_private, open_page


def visible(pages):
    return set(public(pages).values_list("pk", flat=True))


def test_with_few_restrictions_private_sections_and_their_pages_are_hidden(home, sections):
    private_section, inside_private, open_page = sections
    shown = visible(Page.objects.descendant_of(home, inclusive=True))
    assert {home.pk, open_page.pk} <= shown
    assert not {private_section.pk, inside_private.pk} & shown


def test_with_thousands_of_restrictions_the_same_pages_are_hidden(home, sections):
    private_section, inside_private, open_page = sections
    bulk = add_private_pages(home, 1_200)
    assert PageViewRestriction.objects.count() > FEW_RESTRICTIONS

    shown = visible(Page.objects.descendant_of(home, inclusive=True))
    assert {home.pk, open_page.pk} <= shown
    assert not {private_section.pk, inside_private.pk} & shown
    assert not set(bulk.values_list("pk", flat=True)) & shown
    assert len(shown) == Page.objects.descendant_of(home, inclusive=True).count() - 1_200 - 2
