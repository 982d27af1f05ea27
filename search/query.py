"""Turning what a visitor typed into a search, and running it on the backend
that can answer: Elasticsearch, or the database when Elasticsearch cannot."""

import logging
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Q
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.search.query import Boost, Fuzzy, Or, Phrase, PlainText

from .models import SearchSynonym, fold

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
FALLBACK_BACKEND = "database"
BREAKER_KEY = "search:elasticsearch:unavailable-until"
# Punctuation means query syntax to some backends; visitors mean plain words.
QUERY_NOISE = re.compile(r"[^\w\s'’-]|_")
# Above this many matches, the SQLite database backend stops ranking: its
# relevance score is a correlated full-text subquery per matching row
# (django-modelsearch#85), so a broad word on 10,000 pages takes a minute.
SQLITE_RANKED_MATCHES = 300
# Errors that mean "Elasticsearch could not answer", never a visitor's fault.
ELASTICSEARCH_ERRORS = (TransportError, ApiError)


def clean_query(raw):
    """Plain words only, at most MAX_QUERY_LENGTH characters, never empty-looking whitespace."""
    text = QUERY_NOISE.sub(" ", raw.replace("\x00", " ")).replace("'", " ").replace("’", " ")
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip(" -")


def synonym_groups(language):
    groups = SearchSynonym.objects.filter(Q(language="") | Q(language=language))
    return [[fold(term) for term in group.term_list] for group in groups]


def singular(text):
    """Each word without a plural ending, so that a synonym group written in the
    singular also answers the plural ("certificaciones", "certifications").
    Crude, but applied to both sides of the comparison, which is all it needs."""
    words = []
    for word in text.split():
        if len(word) > 4 and word.endswith("es"):
            word = word[:-2]
        elif len(word) > 3 and word.endswith("s"):
            word = word[:-1]
        words.append(word)
    return " ".join(words)


def expand(query, language):
    """The query plus every synonym of a term it contains, as extra words."""
    folded = f" {singular(fold(query))} "
    extra = []
    for group in synonym_groups(language):
        if any(f" {singular(term)} " in folded for term in group):
            extra.extend(term for term in group if f" {singular(term)} " not in folded)
    return " ".join([query, *extra])


def build_query(query, language, *, fuzzy):
    """Words match in any order and need not all be present: the best matches
    rank first. On Elasticsearch, the words in the visitor's order (a
    credential's full name, say) count extra, and near-misses (one or two
    letters off) count at a lower weight."""
    words = PlainText(expand(query, language), operator="or")
    if not fuzzy:
        return words
    return Or([words, Boost(Phrase(query), 2), Boost(Fuzzy(query), 0.5)])


def elasticsearch_in_use():
    # The database fallback is configured exactly when Elasticsearch is.
    return FALLBACK_BACKEND in settings.WAGTAILSEARCH_BACKENDS


def is_elasticsearch(backend):
    """Whether the configured backend of that name is Elasticsearch (else the database)."""
    return not settings.WAGTAILSEARCH_BACKENDS[backend]["BACKEND"].endswith("database")


def backend_for(language):
    """The search backend that holds the pages in `language`: each language has its
    own Elasticsearch backend, named after it; "default" holds the source language."""
    if language != settings.LANGUAGE_CODE and language in settings.WAGTAILSEARCH_BACKENDS:
        return language
    return "default"


def elasticsearch_backend_names():
    return [name for name in settings.WAGTAILSEARCH_BACKENDS if is_elasticsearch(name)]


def search_pages(pages, compiled_query, backend):
    """pages.search(), ranked by relevance wherever that stays fast."""
    if is_elasticsearch(backend) or connection.vendor != "sqlite":
        return pages.search(compiled_query, backend=backend)
    unranked = pages.search(compiled_query, backend=backend, order_by_relevance=False)
    if unranked.count() > SQLITE_RANKED_MATCHES:
        return unranked
    return pages.search(compiled_query, backend=backend)


def elasticsearch_resting():
    """True while a recent failure says to leave Elasticsearch alone for a while."""
    return (cache.get(BREAKER_KEY) or 0) > time.time()


def rest_elasticsearch():
    cache.set(BREAKER_KEY, time.time() + settings.SEARCH_FALLBACK_SECONDS, settings.SEARCH_FALLBACK_SECONDS)


class SearchOutcome:
    def __init__(self, results, *, degraded):
        self.results = results
        self.degraded = degraded


def run(make_results, query, language):
    """Call make_results(search_query, backend_name) -> a materialised result,
    on Elasticsearch when configured and reachable, else on the database.

    make_results must evaluate the search (count, slice) so that an
    unreachable Elasticsearch fails here, inside the fallback."""
    if not elasticsearch_in_use():
        return SearchOutcome(make_results(build_query(query, language, fuzzy=False), "default"), degraded=False)
    if not elasticsearch_resting():
        try:
            results = make_results(build_query(query, language, fuzzy=True), backend_for(language))
        except ELASTICSEARCH_ERRORS:
            logger.warning("Elasticsearch could not answer a search; using the database", exc_info=True)
            rest_elasticsearch()
        else:
            return SearchOutcome(results, degraded=False)
    return SearchOutcome(make_results(build_query(query, language, fuzzy=False), FALLBACK_BACKEND), degraded=True)
