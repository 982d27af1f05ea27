"""The search benchmark behind `make bench-search`: how long an index build
takes, and how fast a query and the search page answer, with the starting
content grown to 100 and to 10,000 pages, on each configured backend."""

import contextlib
import random
import statistics
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings
from wagtail.models import Locale, Page, Site

from careers.models import SkillIndexPage, SkillPage
from core.visibility import public

from . import query as search_query

# A fixed mix of what visitors type: places, codes, abbreviations, a typo,
# questions, and broad words that match thousands of generated pages.
QUERY_MIX = [
    "texas",
    "TX",
    "crss",
    "pensylvania",
    "peer recovery coach texas",
    "how much do peer specialists make",
    "active listening",
    "certification",
    "background check",
    "supervised hours",
    "recovery",
    "training requirements",
]
# Words the generated pages are written from: the site's own vocabulary, so
# that broad queries match many of them, as they would on a grown site.
VOCABULARY_TEXT = """
peer support recovery specialist certification training hours supervised practice exam
state board credential renewal continuing education ethics boundaries listening empathy
advocacy crisis mental health substance use lived experience family youth veteran forensic
medicaid billing supervisor wellness community resources documentation teamwork coach mentor
application fee background check reciprocity employer wage salary career ladder skills group
"""
VOCABULARY = VOCABULARY_TEXT.split()


@dataclass
class Timing:
    p50: float
    p95: float

    @classmethod
    def of(cls, seconds):
        ordered = sorted(seconds)
        p95_index = max(0, round(0.95 * len(ordered)) - 1)
        return cls(statistics.median(ordered) * 1000, ordered[p95_index] * 1000)


@dataclass
class Row:
    pages: int
    backend: str
    index_seconds: float
    query: Timing
    search_page: Timing


def content_pages():
    return Page.objects.filter(depth__gt=1).count()


def generate_pages(target, *, seed=2026):
    """Add practice-note pages under the skill guides until the site holds
    `target` pages. The text is random but repeatable."""
    rng = random.Random(seed + content_pages())  # noqa: S311 - repeatable filler text, not secrets
    parent = SkillIndexPage.objects.get(locale=Locale.get_default())
    added = 0
    while content_pages() < target:
        number = content_pages() + 1

        def words(count):
            return " ".join(rng.choice(VOCABULARY) for _ in range(count))

        parent.add_child(
            instance=SkillPage(
                title=f"Practice note {number}: {words(3)}",
                slug=f"practice-note-{number}",
                summary=words(16).capitalize() + ".",
                what_it_is=f"<p>{words(60)}</p>",
                why_it_matters=f"<p>{words(60)}</p>",
                how_to_build=f"<p>{words(60)}</p>",
                how_assessed=f"<p>{words(30)}</p>",
            )
        )
        added += 1
    return added


def build_index(backend):
    started = time.perf_counter()
    call_command("update_index", backend_name=backend, verbosity=0)
    return time.perf_counter() - started


def serving_from(backend):
    """Settings under which the search page answers from `backend`: Elasticsearch
    is what it uses when configured; the database is forced by making it the
    only backend."""
    if search_query.is_elasticsearch(backend) or len(settings.WAGTAILSEARCH_BACKENDS) == 1:
        return contextlib.nullcontext()
    return override_settings(WAGTAILSEARCH_BACKENDS={"default": settings.WAGTAILSEARCH_BACKENDS[backend]})


def time_queries(backend, repeats):
    """Seconds per query, run as the search page runs it: ten results and the count."""
    root = Site.objects.get(is_default_site=True).root_page
    fuzzy = search_query.is_elasticsearch(backend)
    samples = []
    for _ in range(repeats):
        for text in QUERY_MIX:
            pages = public(Page.objects.live()).descendant_of(root, inclusive=True)
            compiled = search_query.build_query(search_query.clean_query(text), "en", fuzzy=fuzzy)
            started = time.perf_counter()
            results = search_query.search_pages(pages, compiled, backend)
            list(results[:10])
            results.count()
            samples.append(time.perf_counter() - started)
    return Timing.of(samples)


def time_search_page(backend, repeats):
    """Seconds per GET of /en/search/?q=… with the page rendered, on `backend` alone."""
    client = Client()
    samples = []
    with serving_from(backend):
        for text in QUERY_MIX:  # warm up caches and connections
            client.get("/en/search/", {"q": text})
        for _ in range(repeats):
            for text in QUERY_MIX:
                started = time.perf_counter()
                response = client.get("/en/search/", {"q": text})
                samples.append(time.perf_counter() - started)
                if response.status_code != 200 or b"simpler mode" in response.content:
                    raise RuntimeError(f"The search page did not answer from {backend} for {text!r}")
    return Timing.of(samples)


def run(sizes, repeats, report):
    rows = []
    for size in sorted(sizes):
        started = time.perf_counter()
        added = generate_pages(size)
        report(f"{content_pages()} pages ({added} generated in {time.perf_counter() - started:.1f} s)")
        for backend in settings.WAGTAILSEARCH_BACKENDS:
            index_seconds = build_index(backend)
            time_queries(backend, 1)  # warm up
            row = Row(
                content_pages(),
                backend_label(backend),
                index_seconds,
                time_queries(backend, repeats),
                time_search_page(backend, repeats),
            )
            report(
                f"  {row.backend}: index {row.index_seconds:.1f} s, query p50 {row.query.p50:.1f} ms, "
                f"page p50 {row.search_page.p50:.1f} ms"
            )
            rows.append(row)
    return rows


def backend_label(backend):
    return "Elasticsearch" if search_query.is_elasticsearch(backend) else "database"


def markdown_table(rows):
    lines = [
        "| pages | backend | index build (s) | query p50 (ms) | query p95 (ms) "
        "| search page p50 (ms) | search page p95 (ms) |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row.pages:,} | {row.backend} | {row.index_seconds:.1f} | {row.query.p50:.1f} | {row.query.p95:.1f} "
            f"| {row.search_page.p50:.1f} | {row.search_page.p95:.1f} |"
        )
    return "\n".join(lines)


def growth(rows, backend):
    """The search page's p50 at the largest size over its p50 at the smallest."""
    mine = [row for row in rows if row.backend == backend]
    if len(mine) < 2:
        return None
    return mine[-1].search_page.p50 / mine[0].search_page.p50
