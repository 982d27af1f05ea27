"""Keeping the Elasticsearch index in step with the database.

Two repairs, both safe to run at any time:
- `catch_up` replays the changes Elasticsearch missed while it was down
  (recorded by `search.backends`). It runs by itself after the next successful
  index update or search, and from `manage.py reconcile_search_index`.
- `reconcile` compares, per locale, the live public pages in the database with
  the live pages in the index and repairs the difference, whatever its cause.
"""

import logging
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django_tasks import task
from modelsearch.index import get_indexed_instance
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from core.visibility import public

from .models import PendingIndexUpdate
from .query import backend_for, elasticsearch_backend_names

logger = logging.getLogger(__name__)

PAGE_BATCH = 500


def remember_missed_update(obj):
    PendingIndexUpdate.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
        object_id=str(obj.pk),
    )


def after_successful_update():
    if PendingIndexUpdate.objects.exists():
        catch_up_task.enqueue()


def elasticsearch_backends():
    return [get_search_backend(name) for name in elasticsearch_backend_names()]


def catch_up(backends=None):
    """Replay every missed change into every Elasticsearch backend (each keeps
    what is in its language); returns how many changes were replayed."""
    backends = backends or elasticsearch_backends()
    replayed = 0
    for pending in PendingIndexUpdate.objects.select_related("content_type"):
        model = pending.content_type.model_class()
        if model is None:
            pending.delete()
            continue
        instance = model._default_manager.filter(pk=pending.object_id).first()
        indexed = get_indexed_instance(instance) if instance is not None else None
        for backend in backends:
            model_index = backend.get_index_for_model(model)
            # The index's own methods: the backend's add() would schedule another catch-up.
            if indexed is None:
                model_index.delete_item(model(pk=pending.object_id))
            else:
                model_index.add_item(indexed)
        pending.delete()
        replayed += 1
    if replayed:
        logger.info("Search index caught up on %d missed change(s)", replayed)
    return replayed


@task()
def catch_up_task():
    try:
        catch_up()
    except Exception:
        # Elasticsearch went away again; the rows stay for the next attempt.
        logger.warning("Search index catch-up failed; will retry", exc_info=True)


@dataclass
class LocaleReport:
    language: str
    in_database: int = 0
    in_index: int = 0
    added: list = field(default_factory=list)
    removed: list = field(default_factory=list)

    @property
    def repaired(self):
        return len(self.added) + len(self.removed)


def indexed_live_pages(backend, locale):
    """{page id: live revision id} of the pages the index holds as live in `locale`."""
    mapping = backend.mapping_class(Page)
    live, locale_field, revision = (
        mapping.get_field_column_name(index.FilterField(name)) for name in ("live", "locale", "live_revision")
    )
    index_name = backend.get_index_for_model(Page).name
    backend.es.indices.refresh(index=index_name)
    found = {}
    search_after = None
    while True:
        response = backend.es.search(
            index=index_name,
            query={"bool": {"filter": [{"term": {live: True}}, {"term": {locale_field: locale.pk}}]}},
            source=[revision],
            sort=[{"pk": "asc"}],
            size=PAGE_BATCH,
            search_after=search_after,
        )
        hits = response["hits"]["hits"]
        for hit in hits:
            found[int(hit["_id"])] = hit["_source"].get(revision)
        if len(hits) < PAGE_BATCH:
            return found
        search_after = hits[-1]["sort"]


def reconcile():
    """Make each language's index hold exactly the database's live public pages in that language."""
    catch_up()
    reports = []
    for locale in Locale.objects.order_by("language_code"):
        backend = get_search_backend(backend_for(locale.language_code))
        page_index = backend.get_index_for_model(Page)
        report = LocaleReport(locale.language_code)
        expected = dict(public(Page.objects.live()).filter(locale=locale).values_list("pk", "live_revision_id"))
        indexed = indexed_live_pages(backend, locale)
        report.in_database, report.in_index = len(expected), len(indexed)
        stale = [pk for pk, revision in expected.items() if indexed.get(pk, object()) != revision]
        for page in Page.objects.filter(pk__in=stale).specific().iterator():
            page_index.add_item(get_indexed_instance(page) or page)
            report.added.append(page.pk)
        for pk in set(indexed) - set(expected):
            page = Page.objects.filter(pk=pk).specific().first()
            if page is None:
                page_index.delete_item(Page(pk=pk))
            else:
                # Still in the tree but unpublished or private: re-index it as
                # it is now, so the admin's search still finds the draft.
                page_index.add_item(get_indexed_instance(page) or page)
            report.removed.append(pk)
        reports.append(report)
    return reports
