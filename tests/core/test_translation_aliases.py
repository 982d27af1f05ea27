"""Tree sync's aliases carry English words under /es/: a visitor is sent to the
English original, and no listing offers the alias as a Spanish page."""

import pytest
from wagtail.models import Locale

from tests.factories import SkillPageFactory
from tests.sitemap import whole_sitemap

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture
def alias(seeded):
    skills = seeded.get_children().get(slug="skills")
    english = SkillPageFactory(parent=skills, title="Motivational interviewing", slug="motivational-interviewing")
    english.save_revision().publish()
    return english.copy_for_translation(Locale.objects.get(language_code="es"), alias=True)


def test_an_untranslated_alias_sends_visitors_to_the_english_page(client, alias):
    response = client.get("/es/skills/motivational-interviewing/")
    assert response.status_code == 302
    assert response["Location"] == "/en/skills/motivational-interviewing/"
    assert client.get(response["Location"]).status_code == 200


def test_an_alias_is_not_listed_as_spanish_anywhere(client, alias):
    assert "/es/skills/motivational-interviewing/" not in whole_sitemap(client)
    english_page = client.get("/en/skills/motivational-interviewing/").content.decode()
    assert 'hreflang="es"' not in english_page or "/es/skills/motivational-interviewing/" not in english_page
    assert "motivational-interviewing" not in client.get("/es/search/", {"q": "motivational"}).content.decode()
