"""The index follows the page lifecycle beyond publish and delete: a move out
of the site, a scheduled publish and a scheduled expiry each show in search at
once, and afterwards the index holds exactly the live public pages."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page

from careers.models import SkillIndexPage
from search.indexing import reconcile
from tests.factories import SkillPageFactory
from tests.html import parse

pytestmark = pytest.mark.usefixtures("elasticsearch")


@pytest.fixture
def skills(seeded):
    return SkillIndexPage.objects.get(locale__language_code="en")


def result_titles(response):
    page = parse(response)
    assert "simpler mode" not in page.get_text(), "the search fell back to the database"
    return [a.get_text(strip=True) for a in page.select(".results h2 a")]


def published(parent, title):
    page = SkillPageFactory(parent=parent, title=title, live=False)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def assert_index_in_step():
    for report in reconcile():
        assert (report.added, report.removed) == ([], []), report.language


def test_a_page_moved_out_of_the_site_leaves_its_results(search, skills):
    page = published(skills, "Ibex interview practice")
    assert result_titles(search({"q": "ibex"})) == ["Ibex interview practice"]

    page.move(Page.get_first_root_node(), pos="last-child")
    assert result_titles(search({"q": "ibex"})) == []


def test_a_moved_page_is_found_at_its_new_address(search, skills, seeded):
    ladder = seeded.get_children().get(slug="career-ladder")
    page = published(skills, "Okapi onboarding")
    page.move(ladder, pos="last-child")
    links = parse(search({"q": "okapi"})).select(".results h2 a")
    assert [link["href"] for link in links] == [f"/en/career-ladder/{page.slug}/"]


def test_a_scheduled_page_appears_when_it_goes_live(search, skills):
    page = SkillPageFactory(parent=skills, title="Tapir teamwork", live=False)
    page.go_live_at = timezone.now() + timedelta(seconds=2)
    page.save_revision().publish()  # a future go-live date only schedules it
    assert result_titles(search({"q": "tapir"})) == []

    time.sleep(2.1)
    call_command("publish_scheduled", verbosity=0)
    assert result_titles(search({"q": "tapir"})) == ["Tapir teamwork"]
    assert_index_in_step()


def test_an_expired_page_leaves_the_results(search, skills):
    page = published(skills, "Pangolin patience")
    assert result_titles(search({"q": "pangolin"})) == ["Pangolin patience"]

    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    call_command("publish_scheduled", verbosity=0)
    assert result_titles(search({"q": "pangolin"})) == []
    assert_index_in_step()
