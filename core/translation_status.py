"""Where each page's translations stand, for editors.

wagtail-localize records, for every translated object, the English it was last
synced from (TranslationSource.last_updated_at) and which of its strings have
translations. From those and the English page's last publication:

- up to date: synced since the English was last published, every string translated;
- out of date: the English was published after the last sync ("Sync translated
  pages" in the English page's menu brings the changes in);
- waiting for translation: synced, but some strings have no translation yet;
- not translated: no page in that language, or only an alias showing the English.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

UP_TO_DATE = "up-to-date"
OUT_OF_DATE = "out-of-date"
WAITING = "waiting"
NOT_TRANSLATED = "not-translated"

LABELS = {
    UP_TO_DATE: _("Up to date"),
    OUT_OF_DATE: _("Out of date: the English changed since the last sync"),
    WAITING: _("Waiting for translation"),
    NOT_TRANSLATED: _("Not translated"),
}


@dataclass
class TranslationStatus:
    source: Page
    locale: Locale
    state: str
    target: Page | None = None
    translation: Translation | None = None
    translated: int = 0
    total: int = 0
    synced_at: object = None

    @property
    def label(self):
        return LABELS[self.state]

    @property
    def needs_work(self):
        return self.state != UP_TO_DATE


def statuses(source_pages, locales):
    """A TranslationStatus for each (English page, other locale), in the pages' order."""
    source_pages = list(source_pages)
    keys = {page.translation_key for page in source_pages}
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(
            object_id__in=keys, locale_id__in={p.locale_id for p in source_pages}
        )
    }
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(source__in=sources.values(), enabled=True)
    }
    targets = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys, locale__in=locales).select_related("locale")
    }
    return [
        _status(page, locale, sources.get(page.translation_key), translations, targets)
        for page in source_pages
        for locale in locales
    ]


def _status(page, locale, source, translations, targets):
    target = targets.get((page.translation_key, locale.pk))
    translation = translations.get((source.pk, locale.pk)) if source else None
    if target is None or target.alias_of_id is not None:
        return TranslationStatus(page, locale, NOT_TRANSLATED, target=target)
    status = TranslationStatus(page, locale, UP_TO_DATE, target=target, translation=translation)
    if translation is None:
        # Translated without wagtail-localize's records (by copying): nothing to compare with.
        status.state = OUT_OF_DATE if _changed_after(page, target.last_published_at) else UP_TO_DATE
        return status
    status.synced_at = source.last_updated_at
    status.total, status.translated = translation.get_progress()
    if _changed_after(page, source.last_updated_at):
        status.state = OUT_OF_DATE
    elif status.translated < status.total:
        status.state = WAITING
    return status


def _changed_after(page, moment):
    return bool(page.last_published_at and moment and page.last_published_at > moment)


def other_locales():
    return list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))
