"""Drafts, private pages and unpublished revisions never reach the public,
through any channel, in either language (security test S7).

Each kind of hidden content carries an invented word no real page contains:
  A  a page created and never published (English, and a Spanish draft copy);
  B  a live state page whose newer draft revision has not been published;
  C  a live page behind a login, and its Spanish twin;
  D  a live page inside a private section (the career ladder), in both languages.
"""

import pytest
from wagtail.models import Locale, PageViewRestriction

from careers.models import CareerLadderPage, CareerStagePage, SkillIndexPage
from states.models import StatePage
from tests import factories
from tests.html import parse
from tests.sitemap import sitemap_page_paths

MARKERS = {"A": "Quillonwort", "B": "Bramblequark", "C": "Cindervault", "D": "Dunmarrow"}


def publish_spanish_twin(page, title):
    spanish = page.get_translation_or_none(Locale.objects.get(language_code="es"))
    if spanish is None:
        spanish = page.copy_for_translation(Locale.objects.get(language_code="es"))
    spanish = spanish.specific
    spanish.title = title
    spanish.save_revision().publish()
    return spanish


@pytest.fixture
def hidden(seeded):
    skills = SkillIndexPage.objects.get(locale__language_code="en")
    never_published = factories.SkillPageFactory(parent=skills, title=f"Skill {MARKERS['A']}", live=False)
    never_published.copy_for_translation(Locale.objects.get(language_code="es"))  # a Spanish draft

    texas = StatePage.objects.get(code="TX", locale__language_code="en")
    draft = texas.get_latest_revision_as_object()
    draft.title = f"Texas {MARKERS['B']}"
    draft.notes = f"Draft note {MARKERS['B']}"
    draft.training_hours = 4321
    draft.save_revision()
    spanish_texas = texas.get_translation(Locale.objects.get(language_code="es")).specific
    spanish_texas.title = f"Texas {MARKERS['B']}"
    spanish_texas.save_revision()

    members_only = factories.SkillPageFactory(parent=skills, title=f"Skill {MARKERS['C']}")
    members_only.save_revision().publish()
    publish_spanish_twin(members_only, f"Habilidad {MARKERS['C']}")
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)

    ladder = CareerLadderPage.objects.get(locale__language_code="en")
    stage = CareerStagePage.objects.child_of(ladder).first()
    stage.title = f"Stage {MARKERS['D']}"
    stage.save_revision().publish()
    publish_spanish_twin(stage, f"Etapa {MARKERS['D']}")
    PageViewRestriction.objects.create(page=ladder, restriction_type=PageViewRestriction.PASSWORD, password="s3cret")

    return {"A": never_published, "B": texas, "C": members_only, "D": stage}


def assert_no_marker(response):
    body = response.content.decode(errors="replace").lower()
    for marker in MARKERS.values():
        assert marker.lower() not in body, f"{marker} reached {response.request['PATH_INFO']}"


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("marker", list(MARKERS.values()))
def test_search_and_suggestions_find_none_of_it(search, client, hidden, lang, marker):
    # The results page repeats the words searched for, so look at the results alone.
    results = parse(search({"q": marker}, path=f"/{lang}/search/")).select(".results li")
    assert not [result for result in results if marker.lower() in result.get_text().lower()]
    suggestions = client.get(f"/{lang}/search/suggest/", {"q": marker}).json()["suggestions"]
    assert marker.lower() not in str(suggestions).lower()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_api_lists_and_finds_none_of_it(client, hidden, lang):
    for marker in MARKERS.values():
        assert_no_marker(client.get("/api/v2/pages/", {"search": marker, "locale": lang}))
        assert_no_marker(client.get("/api/v2/pages/", {"title": f"Skill {marker}"}))
    listing = client.get("/api/v2/pages/", {"type": "states.StatePage", "fields": "*", "locale": lang, "limit": 20})
    assert_no_marker(listing)
    hidden_pages = [hidden["A"], hidden["C"], hidden["D"]]
    for page in hidden_pages:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    texas = client.get(f"/api/v2/pages/{hidden['B'].pk}/").json()
    assert texas["title"] == "Texas" and texas.get("training_hours") != 4321


def test_the_sitemap_feeds_csv_and_embed_cards_show_none_of_it(client, hidden):
    assert_no_marker(client.get("/sitemap.xml"))
    for path in sitemap_page_paths(client):
        sitemap = client.get(path)
        assert_no_marker(sitemap)
        assert "/career-ladder/" not in sitemap.content.decode()
    for path in ("/states/changes.atom", "/states/tx/changes.atom", "/states/requirements.csv"):
        assert_no_marker(client.get(path))
    csv = client.get("/states/requirements.csv").content.decode()
    assert "4321" not in csv
    for lang in ("en", "es"):
        embed = client.get("/states/tx/embed/", {"lang": lang})
        assert_no_marker(embed)
        assert "4,321" not in embed.content.decode() and "4321" not in embed.content.decode()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_pages_and_listings_show_only_what_is_published(client, hidden, lang):
    for path in (f"/{lang}/", f"/{lang}/skills/", f"/{lang}/states/", f"/{lang}/states/texas/"):
        response = client.get(path)
        assert response.status_code == 200
        assert_no_marker(response)
    texas = parse(client.get(f"/{lang}/states/texas/"))
    assert texas.find("h1").get_text(strip=True) == "Texas"


def test_hidden_pages_themselves_are_not_served(client, hidden):
    spanish = Locale.objects.get(language_code="es")
    assert client.get(hidden["A"].get_url()).status_code == 404
    assert client.get(hidden["A"].get_translation(spanish).get_url()).status_code == 404
    for page in (hidden["C"], hidden["D"]):
        for version in (page, page.get_translation(spanish)):
            response = client.get(version.get_url())
            # A login redirect for C, the password form for D: never the page.
            assert response.status_code in (200, 302)
            assert_no_marker(response)
            assert "s3cret" not in response.content.decode()
