"""Wagtail's Elasticsearch 8 backend, remembering the changes it misses.

Wagtail logs and swallows an indexing error so that an editor's publish
succeeds while Elasticsearch is down, but the change is then missing from the
index for good. This backend records each missed change; `search.indexing`
replays them when Elasticsearch answers again.
"""

from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend


class ResilientElasticsearch8SearchBackend(Elasticsearch8SearchBackend):
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
