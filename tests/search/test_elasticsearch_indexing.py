"""The Elasticsearch index follows each page through its life: publish, edit,
unpublish, delete; drafts never surface; rebuilds are atomic and its analysis
settings are the ones we wrote."""

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from careers.models import SkillIndexPage
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


def test_the_search_page_runs_on_elasticsearch():
    assert "elasticsearch8" in get_search_backend().__class__.__mro__[1].__module__
    assert settings.WAGTAILSEARCH_BACKENDS["database"]["BACKEND"] == "wagtail.search.backends.database"


def test_a_published_page_is_found_and_follows_its_edits(search, skills):
    page = SkillPageFactory(parent=skills, title="Wombat wrangling", live=False)
    page.save_revision().publish()
    assert result_titles(search({"q": "wombat"})) == ["Wombat wrangling"]

    page.title = "Platypus patience"
    page.save_revision().publish()
    assert result_titles(search({"q": "platypus"})) == ["Platypus patience"]
    assert result_titles(search({"q": "wombat"})) == []


def test_unpublished_and_deleted_pages_leave_the_results(search, skills):
    kept = SkillPageFactory(parent=skills, title="Quokka care basics", live=False)
    kept.save_revision().publish()
    gone = SkillPageFactory(parent=skills, title="Quokka care advanced", live=False)
    gone.save_revision().publish()
    assert sorted(result_titles(search({"q": "quokka"}))) == ["Quokka care advanced", "Quokka care basics"]

    kept.refresh_from_db()  # publish() went through the revision; this copy still says draft
    kept.unpublish()
    gone.delete()
    assert result_titles(search({"q": "quokka"})) == []


def test_a_page_never_published_and_a_draft_edit_stay_out_of_results(search, skills):
    SkillPageFactory(parent=skills, title="Narwhal notes", live=False).save_revision()
    live = SkillPageFactory(parent=skills, title="Axolotl awareness", live=False)
    live.save_revision().publish()
    live.title = "Axolotl awareness with a secret narwhal draft"
    live.save_revision()
    assert result_titles(search({"q": "narwhal"})) == []
    assert result_titles(search({"q": "axolotl"})) == ["Axolotl awareness"]


def test_private_pages_are_never_found(search, skills):
    from wagtail.models import PageViewRestriction

    page = SkillPageFactory(parent=skills, title="Capybara calm", live=False)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="secret")
    assert result_titles(search({"q": "capybara"})) == []


def test_analysis_settings_reach_the_live_index(elasticsearch):
    backend = get_search_backend()
    index_name = backend.get_index_for_model(Page).name
    live_settings = next(iter(backend.es.indices.get_settings(index=index_name).body.values()))["settings"]
    default = live_settings["index"]["analysis"]["analyzer"]["default"]
    assert default["filter"] == ["english_possessive", "lowercase", "asciifolding", "english_stemmer"]
    assert "analysis" not in settings.WAGTAILSEARCH_BACKENDS["default"]["INDEX_SETTINGS"]["settings"]["index"]


def test_a_rebuild_leaves_one_index_behind_each_alias_and_keeps_serving(search, seeded):
    backend = get_search_backend()
    call_command("update_index", backend_name="default", verbosity=0)
    backend.refresh_indexes()
    aliases = backend.es.indices.get_alias(index=f"{backend.index_prefix}*").body
    by_alias = {}
    for concrete, details in aliases.items():
        for alias in details["aliases"]:
            by_alias.setdefault(alias, []).append(concrete)
    assert by_alias, "update_index should serve every index through an alias"
    assert all(len(concretes) == 1 for concretes in by_alias.values()), by_alias
    assert set(aliases) == {name for concretes in by_alias.values() for name in concretes}, "leftover index"
    assert "Texas" in result_titles(search({"q": "texas"}))
