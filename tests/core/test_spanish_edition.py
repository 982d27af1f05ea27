"""The whole site exists in Spanish: every page has a live Spanish twin made
through wagtail-localize, and no Spanish page is English text under /es/."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from core.catalogues import load_translations
from core.translating import source_objects

pytestmark = pytest.mark.usefixtures("seeded")


def live_pages(language):
    return Page.objects.live().filter(locale__language_code=language, depth__gt=1)


def test_every_live_english_page_has_a_live_spanish_translation_and_the_reverse():
    english = dict(live_pages("en").values_list("translation_key", "url_path"))
    spanish = dict(live_pages("es").values_list("translation_key", "url_path"))
    assert len(english) > 60
    missing = sorted(path for key, path in english.items() if key not in spanish)
    orphans = sorted(path for key, path in spanish.items() if key not in english)
    assert missing == [] and orphans == []


def test_spanish_pages_are_translations_not_aliases_or_copies():
    spanish = live_pages("es")
    assert not spanish.filter(alias_of__isnull=False).exists()
    # Each was made by wagtail-localize from a translation record, so editors can keep it in step.
    translated_keys = set(
        Translation.objects.filter(target_locale__language_code="es").values_list("source__object_id", flat=True)
    )
    assert set(spanish.values_list("translation_key", flat=True)) <= translated_keys


def test_spanish_pages_say_things_in_spanish():
    home = Page.objects.get(depth=2, locale__language_code="es").specific
    assert home.url == "/es/"
    from states.models import StatePage

    assert StatePage.objects.get(code="NY", locale__language_code="es").title == "Nueva York"
    english_titles = dict(live_pages("en").values_list("translation_key", "title"))
    translated = live_pages("es").values_list("translation_key", "title")
    assert sum(title != english_titles[key] for key, title in translated) > 40


def test_every_english_string_of_the_starting_content_has_a_spanish_translation():
    """The catalogues are in step with the content files: none of their strings is left in English."""
    from wagtail_localize.models import TranslationSource

    translations = load_translations("es")
    untranslated = []
    for instance in source_objects(Locale.get_default()):
        source, _ = TranslationSource.get_or_create_from_instance(instance)
        for segment in source.stringsegment_set.select_related("string"):
            if segment.string.data not in translations:
                untranslated.append((str(instance), segment.string.data[:60]))
    assert untranslated == []


def test_translated_snippets_exist_in_spanish():
    from careers.models import TrainingTopic

    english = TrainingTopic.objects.filter(locale__language_code="en")
    spanish = TrainingTopic.objects.filter(locale__language_code="es")
    assert english.count() == spanish.count() > 5
    assert set(english.values_list("translation_key", flat=True)) == set(
        spanish.values_list("translation_key", flat=True)
    )


def test_synchronized_values_are_the_english_ones():
    from states.models import StatePage

    for english in StatePage.objects.filter(locale__language_code="en"):
        spanish = english.get_translation(Locale.objects.get(language_code="es"))
        assert (spanish.code, spanish.training_hours, spanish.supervised_hours, spanish.exam_required) == (
            english.code,
            english.training_hours,
            english.supervised_hours,
            english.exam_required,
        )
        assert spanish.last_verified_on == english.last_verified_on
        assert [s.url for s in spanish.sources.all()] == [s.url for s in english.sources.all()]
