"""Factories for every model the site defines, so tests build only what they need."""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale

from careers.models import (
    CareerLadderPage,
    CareerOverviewPage,
    CareerStagePage,
    PathwayPage,
    SalaryBand,
    SkillIndexPage,
    SkillPage,
    TrainingTopic,
)
from core.models import Citation
from home.models import HomePage
from states.models import StateIndexPage, StatePage


def rich(text):
    return f"<p>{text}</p>"


class LocaleFactory(factory.django.DjangoModelFactory):
    language_code = "en"

    class Meta:
        model = Locale
        django_get_or_create = ["language_code"]


class CitationFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Salary guide {n}")
    publisher = "Example publisher"
    url = factory.Sequence(lambda n: f"https://example.org/guide-{n}")
    accessed_on = datetime.date(2026, 11, 22)

    class Meta:
        model = Citation


class TrainingTopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Training topic {n}")
    key = factory.Sequence(lambda n: f"topic-{n}")
    description = rich("What the topic covers.")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = TrainingTopic


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Peer Support Careers"
    slug = "home"
    hero_heading = "Turn your recovery into a career"
    intro = rich("Everything about becoming a peer support worker.")

    class Meta:
        model = HomePage


class CareerOverviewPageFactory(wagtail_factories.PageFactory):
    title = "What peer support work is"
    slug = "what-is-peer-support"
    intro = rich("Peer workers use lived experience to support others.")
    body = factory.LazyFunction(
        lambda: [
            (
                "section",
                {"anchor": "what-it-is", "heading": "What it is", "text": rich("A paid, non-clinical role.")},
            )
        ]
    )

    class Meta:
        model = CareerOverviewPage


class CareerLadderPageFactory(wagtail_factories.PageFactory):
    title = "Career ladder"
    slug = "career-ladder"
    intro = rich("From entry level to director.")

    class Meta:
        model = CareerLadderPage


class CareerStagePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Stage {n}")
    slug = factory.Sequence(lambda n: f"stage-{n}")
    position = factory.Sequence(lambda n: n + 1)
    summary = "What this stage does."
    description = rich("More about this stage.")
    years_min = 0
    years_max = 2

    class Meta:
        model = CareerStagePage


class SalaryBandFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(CareerStagePageFactory)
    source = factory.SubFactory(CitationFactory)
    label_in_source = "Entry-level worker"
    minimum = 30000
    maximum = 40000
    open_ended = False
    locale = factory.LazyFunction(Locale.get_default)
    # In the order made, as the admin would number them (the database keeps no order otherwise).
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = SalaryBand


class SkillIndexPageFactory(wagtail_factories.PageFactory):
    title = "Skills"
    slug = "skills"
    intro = rich("The skills of the job.")

    class Meta:
        model = SkillIndexPage


class SkillPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Skill {n}")
    slug = factory.Sequence(lambda n: f"skill-{n}")
    summary = "A skill worth having."
    what_it_is = rich("What it is.")
    why_it_matters = rich("Why it matters.")
    how_to_build = rich("How to build it.")
    how_assessed = rich("How training checks it.")

    class Meta:
        model = SkillPage


class PathwayPageFactory(wagtail_factories.PageFactory):
    title = "How to become a peer support worker"
    slug = "become-a-peer-support-worker"
    intro = rich("The steps in order.")
    steps = factory.LazyFunction(
        lambda: [
            (
                "step",
                {
                    "anchor": "research-your-state",
                    "title": "Research your state",
                    "text": rich("Rules differ."),
                    "varies_by_state": True,
                    "state_topic": "training",
                },
            )
        ]
    )

    class Meta:
        model = PathwayPage


class StateIndexPageFactory(wagtail_factories.PageFactory):
    title = "Requirements by state"
    slug = "states"
    intro = rich("Pick your state.")

    class Meta:
        model = StateIndexPage


class StatePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"State {n}")
    slug = factory.Sequence(lambda n: f"state-{n}")
    # No US postal code starts with Q, X or Z, so these never clash with the seeded states.
    code = factory.Sequence(lambda n: f"{'QXZ'[n // 26 % 3]}{chr(65 + n % 26)}")

    class Meta:
        model = StatePage
