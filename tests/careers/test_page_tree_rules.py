"""Each page type can only go where it belongs, so editors can't misplace pages."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text

from careers.models import (
    CareerLadderPage,
    CareerOverviewPage,
    CareerStagePage,
    PathwayPage,
    SkillIndexPage,
    SkillPage,
)
from home.models import HomePage
from states.models import StateIndexPage, StatePage
from tests import factories

SECTIONS = {CareerOverviewPage, CareerLadderPage, SkillIndexPage, PathwayPage, StateIndexPage}


def test_home_page_sits_at_the_root_and_holds_the_sections():
    assert set(HomePage.allowed_parent_page_models()) == {Page}
    assert set(HomePage.allowed_subpage_models()) == SECTIONS


@pytest.mark.parametrize("model", sorted(SECTIONS, key=lambda m: m.__name__))
def test_each_section_lives_only_under_the_home_page(model):
    assert model.allowed_parent_page_models() == [HomePage]


@pytest.mark.parametrize(
    ("model", "children"),
    [
        (CareerOverviewPage, set()),
        (PathwayPage, set()),
        (StateIndexPage, {StatePage}),
        (CareerLadderPage, {CareerStagePage}),
        (SkillIndexPage, {SkillPage}),
        (CareerStagePage, set()),
        (SkillPage, set()),
    ],
)
def test_child_page_types(model, children):
    assert set(model.allowed_subpage_models()) == children


def test_stages_only_under_the_ladder_and_skills_only_under_the_skill_index():
    assert CareerStagePage.allowed_parent_page_models() == [CareerLadderPage]
    assert SkillPage.allowed_parent_page_models() == [SkillIndexPage]


@pytest.mark.parametrize(
    "factory",
    [
        factories.CareerOverviewPageFactory,
        factories.CareerLadderPageFactory,
        factories.SkillIndexPageFactory,
        factories.PathwayPageFactory,
        factories.StateIndexPageFactory,
    ],
)
def test_a_home_page_holds_one_of_each_section(home, factory):
    model = factory._meta.model
    assert model.can_create_at(home)
    factory(parent=home)
    assert not model.can_create_at(home)


def test_only_one_home_page_per_parent(home):
    assert not HomePage.can_create_at(home.get_parent())


def test_many_stages_and_skills_are_allowed(home, ladder):
    factories.CareerStagePageFactory(parent=ladder)
    assert CareerStagePage.can_create_at(ladder)
    skills = factories.SkillIndexPageFactory(parent=home)
    factories.SkillPageFactory(parent=skills)
    assert SkillPage.can_create_at(skills)


def test_the_admin_refuses_a_skill_straight_under_home(editor_client, home):
    url = reverse("wagtailadmin_pages:add", args=["careers", "skillpage", home.pk])
    complete_skill = nested_form_data(
        {
            "title": "Misplaced",
            "slug": "misplaced",
            "summary": "A skill in the wrong place.",
            **{
                field: rich_text("<p>Text.</p>")
                for field in ["what_it_is", "why_it_matters", "how_to_build", "how_assessed"]
            },
            "action-publish": "action-publish",
        }
    )
    skills = factories.SkillIndexPageFactory(parent=home)
    allowed = reverse("wagtailadmin_pages:add", args=["careers", "skillpage", skills.pk])
    assert editor_client.post(allowed, {**complete_skill, "slug": "placed"}).status_code == 302  # the data is valid

    response = editor_client.post(url, complete_skill)
    assert response.status_code in (302, 403)
    assert not SkillPage.objects.filter(slug="misplaced", locale__language_code="en").exists()
