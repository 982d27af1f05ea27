"""`seed_content` builds the whole tree, and running it again changes nothing."""

from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from careers.models import CareerStagePage, SalaryBand, SkillPage, TrainingTopic
from core.models import Citation


def snapshot():
    return {
        "pages": list(
            Page.objects.order_by("path").values_list("path", "slug", "title", "live", "content_type__model")
        ),
        "revisions": Revision.objects.count(),
        "bands": list(SalaryBand.objects.order_by("id").values_list("page_id", "minimum", "maximum", "source_id")),
        "citations": Citation.objects.count(),
        "topics": TrainingTopic.objects.count(),
        "sites": list(Site.objects.values_list("root_page_id", "is_default_site")),
    }


def test_running_twice_gives_the_same_tree(seeded):
    # The session's database was built by the same code (tests/conftest.py): that is the first run.
    first = snapshot()
    assert first["pages"] and first["bands"] and first["citations"]
    call_command("seed_content", verbosity=0)
    assert snapshot() == first


def test_the_default_site_serves_the_seeded_home(seeded):
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == seeded
    # The only other top-level page may be the home page's Spanish translation.
    others = Page.objects.filter(depth=2).exclude(pk=seeded.pk)
    assert set(others.values_list("translation_key", "locale__language_code")) <= {(seeded.translation_key, "es")}


def test_editors_changes_survive_a_second_run(seeded):
    stage = CareerStagePage.objects.get(position=1, locale__language_code="en")
    stage.summary = "Edited by an editor."
    stage.save_revision().publish()
    call_command("seed_content", verbosity=0)
    stage.refresh_from_db()
    assert stage.summary == "Edited by an editor."


def test_the_whole_career_section_is_built(seeded):
    english = {"locale__language_code": "en"}
    assert CareerStagePage.objects.live().filter(**english).count() == 5
    assert SalaryBand.objects.filter(**english).count() == 10
    assert SkillPage.objects.live().filter(**english).count() >= 20
    assert all(page.live for page in Page.objects.filter(depth__gt=1))
