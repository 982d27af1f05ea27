"""reconcile_search_index finds what the index is missing or holds in error, per locale, and repairs it."""

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from careers.models import SkillIndexPage
from search.indexing import indexed_live_pages, reconcile
from tests.factories import SkillPageFactory

pytestmark = pytest.mark.usefixtures("elasticsearch", "seeded")


def test_an_index_in_step_needs_no_repair():
    english = next(report for report in reconcile() if report.language == "en")
    assert english.in_database == english.in_index > 50
    assert english.repaired == 0


def test_a_page_missing_from_the_index_is_added_and_a_deleted_one_removed(capsys):
    backend = get_search_backend()
    page_index = backend.get_index_for_model(Page)
    skills = SkillIndexPage.objects.get(locale__language_code="en")
    missing = SkillPageFactory(parent=skills, title="Missing from the index", live=False)
    missing.save_revision().publish()
    page_index.delete_item(missing)
    ghost = SkillPageFactory(parent=skills, title="Deleted behind the index's back", live=False)
    ghost.save_revision().publish()
    ghost.refresh_from_db()  # published through its revision; this copy still says draft
    ghost_pk = ghost.pk
    ghost.delete()
    page_index.add_item(ghost)  # as if the delete had never reached the index

    call_command("reconcile_search_index")
    output = capsys.readouterr().out
    assert "en:" in output and "re-indexed 1" in output and "corrected 1" in output

    locale = missing.locale
    indexed = indexed_live_pages(backend, locale)
    assert missing.pk in indexed
    assert ghost_pk not in indexed
