"""Translate the site's content through wagtail-localize's own records.

A translation made here is what a translator's work in the admin would have
made: a TranslationSource for the English object, a Translation into the
target locale, its strings imported as a PO file, and the target page
published from them. Editors then keep it in step in the translation editor.
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from .catalogues import CatalogueUpdate, catalogue_path, location

TOOL_NAME = "Starting content catalogues"


def source_objects(locale):
    """What is translated, in an order where everything a translation refers to
    comes first: translatable snippets, then pages, parents before children."""
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page):
            yield from model.objects.filter(locale=locale).order_by("pk")
    pages = Page.objects.filter(locale=locale, depth__gt=1, alias_of__isnull=True).order_by("path")
    yield from (page.specific for page in pages)


@dataclass
class Outcome:
    instance: object
    missing: int = 0
    created: bool = False


def translate_from_catalogue(instance, locale, translations):
    """Create the `locale` translation of `instance` from the catalogues' `translations`
    (English text → translation), publishing it, unless one exists already.

    A translation is only made when every string has one: a page half in English
    under /es/ is worse than no page (the visitor is offered the English one).
    """
    if instance.get_translations().filter(locale=locale).exists():
        return Outcome(instance)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = translations.get(entry.msgid, "")
    translation.import_po(po, tool_name=TOOL_NAME)
    total, translated = translation.get_progress()
    if translated < total:
        return Outcome(instance, missing=total - translated)
    # A translation is published only if its source is: translating a draft must not make it live.
    translation.save_target(publish=getattr(instance, "live", True))
    return Outcome(instance, created=True)


def untranslated_strings(source_locale, translations):
    """English strings of the content that the catalogues have no translation for."""
    missing = set()
    for obj in source_objects(source_locale):
        source, _ = TranslationSource.update_or_create_from_instance(obj)
        missing.update(
            text for text in source.stringsegment_set.values_list("string__data", flat=True) if text not in translations
        )
    return missing


def translate_site(locale, translations, report=print, warn=print):
    """Give every English page and snippet that has no `locale` version one;
    `warn` names those left untranslated for want of catalogue entries.

    A language starts only once its catalogues are complete: half an edition
    (a state list with a third of the states) would mislead its readers. Once
    it exists, pages the editors add later are translated as their strings
    reach the catalogues."""
    source_locale = Locale.get_default()
    if not Page.objects.filter(locale=locale, depth=2).exists():
        missing = untranslated_strings(source_locale, translations)
        if missing:
            warn(
                f"{locale.language_code} edition not built yet: {len(missing)} strings of the content "
                "have no translation in the catalogues (manage.py update_content_catalogues lists them)"
            )
            return []
    outcomes = []
    for obj in source_objects(source_locale):
        # wagtail-localize publishes on commit: commit each translation before the next builds on it.
        with transaction.atomic():
            outcomes.append(translate_from_catalogue(obj, locale, translations))
    for outcome in outcomes:
        if outcome.created:
            report(f"translated {describe(outcome.instance)} into {locale.language_code}")
        elif outcome.missing:
            warn(
                f"not translated into {locale.language_code}: {describe(outcome.instance)} "
                f"({outcome.missing} strings have no translation in the catalogues)"
            )
    return outcomes


def describe(instance):
    if isinstance(instance, Page):
        return f"{type(instance).__name__} /{instance.url_path.strip('/')}/"
    return f"{type(instance).__name__} {instance}"


def update_catalogues(language):
    """Write each catalogue of `language` from the English content as it is now,
    keeping every translation whose English text has not changed. Returns the
    catalogues written, with how many entries each still lacks a translation."""
    updates = {}
    for instance in source_objects(Locale.get_default()):
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        path = catalogue_path(instance, language)
        update = updates.setdefault(path, CatalogueUpdate(path))
        name = instance.slug if isinstance(instance, Page) else getattr(instance, "key", instance.pk)
        for segment in source.stringsegment_set.select_related("string", "context").order_by("order"):
            update.add(segment.string.data, f"{name}:{location(segment.context.path)}")
    return {path: update.write(language) for path, update in sorted(updates.items())}
