"""Spanish pages speak Spanish: interface strings from the compiled catalogue,
dates and numbers as Spanish writes them, and any English left (a quoted rule,
a source's title) marked lang="en" so a screen reader reads it as English."""

import re

import polib
import pytest
from django.conf import settings

from core.catalogues import all_catalogue_paths
from tests.html import parse

pytestmark = pytest.mark.usefixtures("seeded")

# One address per kind of page and view, as (English, Spanish).
TWINS = [
    ("/en/", "/es/"),
    ("/en/what-is-peer-support/", "/es/what-is-peer-support/"),
    ("/en/career-ladder/", "/es/career-ladder/"),
    ("/en/career-ladder/entry-level/", "/es/career-ladder/entry-level/"),
    ("/en/skills/", "/es/skills/"),
    ("/en/skills/active-listening/", "/es/skills/active-listening/"),
    ("/en/become-a-peer-support-worker/", "/es/become-a-peer-support-worker/"),
    ("/en/states/", "/es/states/"),
    ("/en/states/texas/", "/es/states/texas/"),
    ("/en/states/south-dakota/", "/es/states/south-dakota/"),
    ("/en/states/compare/?states=fl,tx,pa", "/es/states/compare/?states=fl,tx,pa"),
    ("/en/search/?q=texas", "/es/search/?q=texas"),
    ("/en/search/?q=zzzzqqq", "/es/search/?q=zzzzqqq"),
    ("/en/no-such-page/", "/es/no-such-page/"),
    ("/states/tx/embed/?lang=en", "/states/tx/embed/?lang=es"),
    ("/states/tx/report/?lang=en", "/states/tx/report/?lang=es"),
]
# Words that mark a sentence as English; none is a Spanish word.
ENGLISH_WORDS = re.compile(r"\b(the|and|of|your|with|you|what|how|this|from|that|are|is)\b", re.IGNORECASE)


def interface_catalogue():
    path = settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"
    return polib.pofile(str(path))


def kept_in_english():
    """Texts the catalogues deliberately leave as they are (official names, abbreviations)."""
    kept = {"Peer Support Careers", "English"}
    for path in [*all_catalogue_paths("es"), settings.BASE_DIR / "locale" / "es" / "LC_MESSAGES" / "django.po"]:
        kept.update(entry.msgid for entry in polib.pofile(str(path)) if entry.msgstr == entry.msgid)
    return kept


def visible_texts(soup):
    """Each piece of text a visitor sees or hears, with whether it is marked as English."""
    for node in soup.find_all(string=True):
        if node.parent.name in ("script", "style", "title", "textarea") or not node.strip():
            continue
        marked_english = node.find_parent(attrs={"lang": re.compile("^en")}) not in (None, soup.html)
        yield " ".join(node.split()), marked_english
    for tag in soup.find_all(attrs={"aria-label": True}):
        yield tag["aria-label"], False


def get(client, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="es" if "lang=es" in path or path.startswith("/es/") else "en")
    assert response.status_code in (200, 404), path
    return response


@pytest.mark.parametrize(("english_path", "spanish_path"), TWINS)
def test_no_english_interface_text_on_spanish_pages(client, english_path, spanish_path):
    spanish = parse(get(client, spanish_path))
    english = parse(get(client, english_path))
    assert spanish.html["lang"] == "es"
    english_texts = {text for text, _marked in visible_texts(english)}
    kept = kept_in_english()
    left_in_english = [
        text
        for text, marked in visible_texts(spanish)
        if not marked and text in english_texts and text not in kept and ENGLISH_WORDS.search(text)
    ]
    assert left_in_english == []


@pytest.mark.parametrize(("english_path", "spanish_path"), TWINS[:6])
def test_translated_interface_strings_replace_their_english(client, english_path, spanish_path):
    spanish_texts = {text for text, _marked in visible_texts(parse(get(client, spanish_path)))}
    english_only = {
        entry.msgid
        for entry in interface_catalogue()
        if entry.msgstr and entry.msgstr != entry.msgid and " " in entry.msgid
    }
    assert spanish_texts & english_only == set()


def test_every_interface_string_has_a_spanish_translation():
    untranslated = [entry.msgid for entry in interface_catalogue() if not entry.translated()]
    assert untranslated == []


def test_dates_and_numbers_are_written_the_spanish_way(client):
    page = parse(get(client, "/es/states/texas/"))
    text = " ".join(page.get_text(" ").split())
    assert "22 de noviembre de 2026" in text
    assert "November" not in text
    assert "250 horas" in text
    ladder = " ".join(parse(get(client, "/es/career-ladder/")).get_text(" ").split())
    assert re.search(r"\$\d{2},\d{3}", ladder)  # $45,000: thousands grouped as readers here write them
    assert "al año" in ladder


def test_english_quotes_and_source_titles_are_marked_as_english(client):
    page = parse(get(client, "/es/states/texas/"))
    quotes = page.select("#main q")
    assert quotes and all(quote.get("lang") == "en" for quote in quotes)
    # Certifying bodies are synchronized from the English, official names and all.
    granted_by = [item for item in page.select("ul.credentials > li") if "Otorgada por" in item.get_text()]
    assert granted_by and all(item.find(attrs={"lang": "en"}) for item in granted_by)
