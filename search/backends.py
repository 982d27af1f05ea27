"""Wagtail's Elasticsearch 8 backend, remembering the changes it misses.

Wagtail logs and swallows an indexing error so that an editor's publish
succeeds while Elasticsearch is down, but the change is then missing from the
index for good. This backend records each missed change; `search.indexing`
replays them when Elasticsearch answers again.
"""

from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend, Elasticsearch8SearchQueryCompiler

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


class ResilientElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
    query_compiler_class = CarefulFuzzyQueryCompiler

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


SearchBackend = ResilientElasticsearch8SearchBackend
