"""An index rebuild while visitors search and an editor publishes: the old
index answers until the new one is complete, and the edit that the rebuild
could not see is in the index once reconcile has run (the known gap of
Wagtail's atomic rebuild: edits during it go to the old index)."""

import threading

import pytest
from django.core.management import call_command
from modelsearch.backends.elasticsearch8 import Elasticsearch8Index
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from careers.models import SkillIndexPage
from search.indexing import reconcile
from tests.factories import SkillPageFactory

pytestmark = pytest.mark.usefixtures("elasticsearch", "seeded")


class Searcher(threading.Thread):
    """Asks the page index for Texas every 50 ms, noting each answer."""

    def __init__(self, backend):
        super().__init__(daemon=True)
        self.backend = backend
        self.alias = backend.get_index_for_model(Page).name
        self.done = threading.Event()
        self.hits = []
        self.errors = []

    def run(self):
        while not self.done.wait(0.05):
            try:
                response = self.backend.es.search(index=self.alias, query={"match": {"_all_text": "texas"}}, size=1)
                self.hits.append(response["hits"]["total"]["value"])
            except Exception as error:  # every failure is what this test counts
                self.errors.append(repr(error))


def indexed_titles(backend, word):
    backend.refresh_indexes()
    response = backend.es.search(
        index=backend.get_index_for_model(Page).name,
        query={"bool": {"must": {"match": {"_all_text": word}}, "filter": {"term": {"live_filter": True}}}},
    )
    return [hit["_source"].get("title") or hit["_id"] for hit in response["hits"]["hits"]]


def test_a_rebuild_under_traffic_keeps_answering_and_reconcile_keeps_the_edit_made_during_it(monkeypatch):
    backend = get_search_backend()
    skills = SkillIndexPage.objects.get(locale__language_code="en")
    published_during_rebuild = []
    add_items = Elasticsearch8Index.add_items

    def add_items_then_publish_once(index, model, items):
        add_items(index, model, items)
        if not published_during_rebuild and index.name != backend.get_index_for_model(Page).name:
            page = SkillPageFactory(parent=skills, title="Gecko grounding", live=False)
            page.save_revision().publish()
            published_during_rebuild.append(page)

    searcher = Searcher(backend)
    searcher.start()
    monkeypatch.setattr(Elasticsearch8Index, "add_items", add_items_then_publish_once)
    try:
        call_command("update_index", backend_name="default", verbosity=0)
    finally:
        monkeypatch.undo()
        searcher.done.set()
        searcher.join()

    assert published_during_rebuild, "the rebuild never reached a second batch"
    assert searcher.errors == []
    assert len(searcher.hits) >= 3, "the rebuild ended before the searcher could ask"
    assert all(hits >= 1 for hits in searcher.hits), "a search during the rebuild found nothing"

    reconcile()
    assert "Gecko grounding" in indexed_titles(backend, "gecko")
