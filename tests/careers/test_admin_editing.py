"""Editors create and edit every page type by posting the Wagtail admin forms."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from careers.models import (
    CareerLadderPage,
    CareerOverviewPage,
    CareerStagePage,
    PathwayPage,
    SkillIndexPage,
    SkillPage,
)
from home.models import HomePage
from states.models import StateIndexPage
from tests import factories


@pytest.fixture
def editor(client, django_user_model):
    """A member of Wagtail's default Moderators group: an editor allowed to publish, not a superuser."""
    user = django_user_model.objects.create_user("editor", "editor@example.org", "correct-horse-battery")
    user.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(user)
    return client


def create(client, parent, model, data, choices=None):
    """POST the add form and publish; `choices` are multiple-choice fields, which are not nested."""
    url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])
    return client.post(url, {**nested_form_data({**data, "action-publish": "action-publish"}), **(choices or {})})


def edit(client, page, data):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, nested_form_data({**data, "action-publish": "action-publish"}))


def errors_of(response):
    form = response.context["form"] if response.context and "form" in response.context else None
    return form.errors.as_json() if form is not None else response.content[:500]


def assert_saved(response):
    assert response.status_code == 302, errors_of(response)


def band(source, minimum, maximum, open_ended=False, label="Entry-level worker"):
    return {
        "source": source.pk,
        "label_in_source": label,
        "minimum": str(minimum),
        "maximum": "" if maximum is None else str(maximum),
        "open_ended": "on" if open_ended else "",
        "currency": "USD",
        "period": "year",
        "note": "",
    }


def stage_data(bands, **overrides):
    data = {
        "title": "Entry-level peer support worker",
        "slug": "entry-level",
        "position": "1",
        "summary": "Your first peer role.",
        "alternative_titles": streamfield([("title", "Junior Peer Support Worker")]),
        "years_min": "0",
        "years_max": "2",
        "description": rich_text("<p>Where most people start.</p>"),
        "responsibilities": streamfield([("item", "Offer support")]),
        "tips": streamfield([("tip", {"title": "Listen", "text": rich_text("<p>Really listen.</p>")})]),
        "salary_bands": inline_formset(bands),
    }
    data.update(overrides)
    return data


def step(anchor, title, varies=False, topic=""):
    return {
        "anchor": anchor,
        "title": title,
        "text": rich_text("<p>What to do.</p>"),
        "varies_by_state": "on" if varies else "",
        "state_topic": topic,
    }


def test_editor_creates_a_stage_with_two_bands_in_order(editor, ladder):
    first, second = factories.CitationFactory(), factories.CitationFactory()
    response = create(
        editor,
        ladder,
        CareerStagePage,
        stage_data([band(first, 30000, 40000), band(second, 80000, None, open_ended=True, label="Director")]),
    )
    assert_saved(response)
    stage = CareerStagePage.objects.child_of(ladder).get(slug="entry-level")
    assert stage.live
    assert [b.range_label for b in stage.salary_bands.all()] == ["$30,000 – $40,000", "$80,000+"]
    assert [b.source for b in stage.salary_bands.all()] == [first, second]
    assert [t.value for t in stage.alternative_titles] == ["Junior Peer Support Worker"]


@pytest.mark.parametrize(
    ("bad_band", "message"),
    [
        ({"minimum": 50000, "maximum": 40000}, "is below the minimum"),
        ({"minimum": 50000, "maximum": None}, "open-ended top"),
    ],
)
def test_a_wrong_band_is_refused_with_a_clear_message_and_nothing_saved(editor, ladder, bad_band, message):
    response = create(editor, ladder, CareerStagePage, stage_data([band(factories.CitationFactory(), **bad_band)]))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CareerStagePage.objects.child_of(ladder).exists()


def test_experience_range_must_run_upwards(editor, ladder):
    response = create(
        editor, ladder, CareerStagePage, stage_data([band(factories.CitationFactory(), 1, 2)], years_min="5")
    )
    assert response.status_code == 200
    assert "cannot be below the lower bound" in response.content.decode()
    assert not CareerStagePage.objects.child_of(ladder).exists()


def test_editor_edits_a_band_figure(editor, ladder):
    stage = factories.CareerStagePageFactory(parent=ladder, slug="entry-level")
    existing = factories.SalaryBandFactory(page=stage)
    edited = {**band(existing.source, 31000, 41000), "id": str(existing.pk)}
    response = edit(editor, stage, stage_data([edited], salary_bands=inline_formset([edited], initial=1)))
    assert_saved(response)
    existing.refresh_from_db()
    assert (existing.minimum, existing.maximum) == (31000, 41000)
    assert CareerStagePage.objects.get(pk=stage.pk).live


def test_editor_creates_the_overview_with_a_section_and_faq(editor, home):
    response = create(
        editor,
        home,
        CareerOverviewPage,
        {
            "title": "What peer support work is",
            "slug": "what-is-peer-support",
            "intro": rich_text("<p>Lived experience, put to work.</p>"),
            "body": streamfield(
                [
                    (
                        "section",
                        {"anchor": "what-it-is", "heading": "What it is", "text": rich_text("<p>A paid role.</p>")},
                    )
                ]
            ),
            "faqs": streamfield([("faq", {"question": "Is it paid?", "answer": rich_text("<p>Usually.</p>")})]),
        },
    )
    assert_saved(response)
    page = CareerOverviewPage.objects.child_of(home).get()
    assert page.body[0].value["anchor"] == "what-it-is"
    assert page.faqs[0].value["question"] == "Is it paid?"


def test_a_bad_anchor_is_refused(editor, home):
    response = create(
        editor,
        home,
        PathwayPage,
        {
            "title": "How to become a peer support worker",
            "slug": "become",
            "intro": rich_text("<p>Steps.</p>"),
            "steps": streamfield([("step", step("Bad Anchor!", "Understand the role"))]),
        },
    )
    assert response.status_code == 200
    assert "lowercase letters, digits and single hyphens" in response.content.decode()
    assert not PathwayPage.objects.child_of(home).exists()


def test_editor_creates_the_pathway_with_ordered_steps(editor, home):
    response = create(
        editor,
        home,
        PathwayPage,
        {
            "title": "How to become a peer support worker",
            "slug": "become",
            "intro": rich_text("<p>Steps.</p>"),
            "steps": streamfield(
                [
                    ("step", step("understand-the-role", "Understand the role")),
                    ("step", step("complete-training", "Complete training", varies=True, topic="training")),
                ]
            ),
        },
    )
    assert_saved(response)
    steps = [s.value for s in PathwayPage.objects.child_of(home).get().steps]
    assert [s["anchor"] for s in steps] == ["understand-the-role", "complete-training"]
    assert steps[1]["varies_by_state"] and steps[1]["state_topic"] == "training"


def test_a_state_topic_needs_a_step_that_varies_by_state(editor, home):
    response = create(
        editor,
        home,
        PathwayPage,
        {
            "title": "Become",
            "slug": "become",
            "intro": rich_text("<p>Steps.</p>"),
            "steps": streamfield([("step", step("train", "Train", varies=False, topic="training"))]),
        },
    )
    assert response.status_code == 200
    assert "Only a step that varies by state names a state topic" in response.content.decode()


def test_editor_creates_a_skill_linked_to_stages_and_topics(editor, home, ladder):
    stage = factories.CareerStagePageFactory(parent=ladder)
    topic = factories.TrainingTopicFactory()
    skills = factories.SkillIndexPageFactory(parent=home)
    response = create(
        editor,
        skills,
        SkillPage,
        {
            "title": "Active listening",
            "slug": "active-listening",
            "summary": "Hearing what people mean.",
            "what_it_is": rich_text("<p>Full attention.</p>"),
            "why_it_matters": rich_text("<p>Trust.</p>"),
            "how_to_build": rich_text("<p>Practice.</p>"),
            "how_assessed": rich_text("<p>Role-play.</p>"),
        },
        choices={"stages": [stage.pk], "training_topics": [topic.pk]},
    )
    assert_saved(response)
    skill = SkillPage.objects.child_of(skills).get(slug="active-listening")
    assert list(skill.stages.all()) == [stage]
    assert list(skill.training_topics.all()) == [topic]


@pytest.mark.parametrize(
    ("model", "slug"),
    [(CareerLadderPage, "career-ladder"), (SkillIndexPage, "skills"), (StateIndexPage, "states")],
)
def test_editor_creates_each_index_page(editor, home, model, slug):
    response = create(editor, home, model, {"title": "Index", "slug": slug, "intro": rich_text("<p>Intro.</p>")})
    assert_saved(response)
    assert model.objects.child_of(home).get(slug=slug).live


@pytest.mark.parametrize(
    ("factory", "field", "value"),
    [
        (factories.CareerLadderPageFactory, "title", "The ladder, renamed"),
        (factories.SkillIndexPageFactory, "title", "Skill guides"),
        (factories.StateIndexPageFactory, "title", "State rules"),
    ],
)
def test_editor_edits_each_index_page(editor, home, factory, field, value):
    page = factory(parent=home)
    response = edit(editor, page, {"title": value, "slug": page.slug, "intro": rich_text("<p>New intro.</p>")})
    assert_saved(response)
    page = Page.objects.get(pk=page.pk).specific
    assert getattr(page, field) == value
    assert "New intro." in page.intro


def test_editor_edits_the_home_page(editor, home):
    response = edit(
        editor,
        home,
        {
            "title": home.title,
            "slug": home.slug,
            "hero_heading": "A new welcome",
            "intro": rich_text("<p>Hello.</p>"),
            "sections": streamfield([]),
        },
    )
    assert_saved(response)
    assert HomePage.objects.get(pk=home.pk).hero_heading == "A new welcome"
