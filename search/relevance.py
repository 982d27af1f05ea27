"""Measuring whether search takes visitors where they meant to go.

The relevance set (content/relevance.yaml) pairs queries with the pages that
answer them; each backend runs every query as the search page does and scores
hit@1, hit@3 and the mean reciprocal rank of the first right page."""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from wagtail.models import Locale, Page, Site

from core.visibility import public, without_aliases

from . import query as search_query

RELEVANCE_SET = Path(__file__).resolve().parent / "content" / "relevance.yaml"
RANKS_CONSIDERED = 10


@dataclass(frozen=True)
class Case:
    query: str
    expect: tuple
    language: str = "en"


@dataclass
class Score:
    backend: str
    language: str
    ranks: list = field(default_factory=list)
    misses: list = field(default_factory=list)

    def add(self, case, rank, found):
        self.ranks.append(rank)
        if rank is None or rank > 3:
            self.misses.append((case, found))

    def hit_at(self, k):
        return sum(1 for rank in self.ranks if rank is not None and rank <= k) / len(self.ranks)

    @property
    def mrr(self):
        return sum(1 / rank for rank in self.ranks if rank is not None) / len(self.ranks)


def load_cases(path=RELEVANCE_SET):
    entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    return [Case(str(e["query"]), tuple(e["expect"]), e.get("language", settings.LANGUAGE_CODE)) for e in entries]


def backend_names():
    """ "default" (Elasticsearch when configured, in each language's own backend)
    and "database" when Elasticsearch has it as its fallback."""
    languages = dict(settings.LANGUAGES)
    return [name for name in settings.WAGTAILSEARCH_BACKENDS if name not in languages]


def ranked_paths(text, language, backend, site):
    """The paths (below the language's home page) of the top results, best first,
    searched as the search page searches on that backend."""
    locale = Locale.objects.get(language_code=language)
    root = site.root_page.get_translation_or_none(locale) or site.root_page
    pages = without_aliases(public(Page.objects.live()).descendant_of(root, inclusive=True).filter(locale=locale))
    query = search_query.clean_query(text)
    compiled = search_query.build_query(
        query, language, fuzzy=backend != search_query.FALLBACK_BACKEND and search_query.elasticsearch_in_use()
    )
    if backend == "default":
        backend = search_query.backend_for(language)
    results = search_query.search_pages(pages, compiled, backend)[:RANKS_CONSIDERED]
    prefix = len(root.url_path) - 1
    return [page.url_path[prefix:] for page in results]


def first_rank(found, expected):
    for rank, path in enumerate(found, start=1):
        if path in expected:
            return rank
    return None


def measure(cases, backend, language, site=None):
    site = site or Site.objects.get(is_default_site=True)
    score = Score(backend, language)
    for case in cases:
        if case.language != language:
            continue
        found = ranked_paths(case.query, language, backend, site)
        score.add(case, first_rank(found, case.expect), found)
    return score
