"""Wagtail's Elasticsearch 8 backend, for one language, remembering the changes it misses.

Wagtail logs and swallows an indexing error so that an editor's publish
succeeds while Elasticsearch is down, but the change is then missing from the
index for good. This backend records each missed change; `search.indexing`
replays them when Elasticsearch answers again.

Each language has a backend of its own (settings.search): its indexes hold
only the objects in that language, analysed for it.
"""

from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8Index,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchQueryCompiler,
)

# Typos: one letter off in words of 5-8 letters, two from 9 letters; the first
# letter must be right. Elasticsearch's plain AUTO lets a 6-letter word drift
# two letters ("keeper" finds "peer"), which on this site matches everything.
FUZZINESS = "AUTO:5,9"
FUZZY_PREFIX_LENGTH = 1


class CarefulFuzzyQueryCompiler(Elasticsearch8SearchQueryCompiler):
    def _compile_fuzzy_query(self, query, fields):
        compiled = super()._compile_fuzzy_query(query, fields)
        options = compiled["multi_match"] if "multi_match" in compiled else next(iter(compiled["match"].values()))
        options.update(fuzziness=FUZZINESS, prefix_length=FUZZY_PREFIX_LENGTH)
        return compiled


class LanguageIndex(Elasticsearch8Index):
    """An index that takes only what is in its backend's language."""

    def add_item(self, item):
        if self.backend.accepts(item):
            super().add_item(item)

    def add_items(self, model, items):
        super().add_items(model, [item for item in items if self.backend.accepts(item)])


class ResilientElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    query_compiler_class = CarefulFuzzyQueryCompiler
    index_class = LanguageIndex

    def __init__(self, params):
        params = dict(params)
        self.language = params.pop("LANGUAGE", None)
        super().__init__(params)

    def accepts(self, obj):
        """Objects in this backend's language, and those that have no language."""
        locale_id = getattr(obj, "locale_id", None)
        if self.language is None or locale_id is None:
            return True
        return language_of_locale(locale_id) == self.language

    def add(self, obj):
        from .indexing import after_successful_update, remember_missed_update

        try:
            super().add(obj)
        except Exception:
            remember_missed_update(obj)
            raise
        after_successful_update()

    def delete(self, obj):
        from .indexing import after_successful_update, remember_missed_update

        try:
            super().delete(obj)
        except Exception:
            remember_missed_update(obj)
            raise
        after_successful_update()


def language_of_locale(locale_id):
    from wagtail.models import Locale

    # Locales are few and never change code; this is asked once per indexed object.
    if locale_id not in _LOCALE_LANGUAGES:
        _LOCALE_LANGUAGES.update(Locale.objects.values_list("pk", "language_code"))
    return _LOCALE_LANGUAGES.get(locale_id)


_LOCALE_LANGUAGES = {}


SearchBackend = ResilientElasticsearch8SearchBackend
