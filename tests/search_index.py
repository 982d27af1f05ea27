"""Keeping the real Elasticsearch index in step with the test database.

Each test runs in a transaction that is rolled back, but what it sent to
Elasticsearch stays there. Every indexed object a test saves or deletes is
noted; before a test that searches, those objects are re-indexed as the
database now has them (or removed), so no test sees another's leftovers.
"""

from django.db.models.signals import post_delete, post_save
from modelsearch.index import class_is_indexed, get_indexed_instance
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from search.query import elasticsearch_backend_names

touched = set()


def note_change(sender, instance, **kwargs):
    if class_is_indexed(type(instance)):
        touched.add((type(instance), str(instance.pk)))


def start_tracking():
    post_save.connect(note_change, dispatch_uid="tests-search-index")
    post_delete.connect(note_change, dispatch_uid="tests-search-index")


def restore_and_refresh():
    """Bring every language's indexes back in step with the database."""
    backends = [get_search_backend(name) for name in elasticsearch_backend_names()]
    while touched:
        model, pk = touched.pop()
        instance = model._default_manager.filter(pk=pk).first()
        indexed = get_indexed_instance(instance) if instance is not None else None
        for backend in backends:
            model_index = backend.get_index_for_model(model)
            if indexed is None:
                model_index.delete_item(model(pk=pk))
            else:
                # Each language's index takes only what is in its language.
                model_index.add_item(indexed)
    for backend in backends:
        remove_pages_not_in_database(backend)
        backend.refresh_indexes()


def remove_pages_not_in_database(backend):
    """Belt and braces for changes no signal reported (bulk deletes, raw SQL)."""
    page_index = backend.get_index_for_model(Page)
    backend.es.indices.refresh(index=page_index.name)
    response = backend.es.search(index=page_index.name, query={"match_all": {}}, source=False, size=10_000)
    indexed = {int(hit["_id"]) for hit in response["hits"]["hits"]}
    existing = set(Page.objects.filter(pk__in=indexed).values_list("pk", flat=True))
    for pk in indexed - existing:
        page_index.delete_item(Page(pk=pk))
