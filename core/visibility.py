"""Which pages the public may see, in a query that stays small however many
private sections the site has.

Wagtail's PageQuerySet.public() adds one path-prefix condition per view
restriction. With hundreds of restrictions that breaks twice: SQLite refuses
the SQL ("Expression tree is too large", a depth limit of 1000) and
Elasticsearch receives one clause per restriction. Past a handful of
restrictions we look up the private pages' ids instead (a few bounded
queries) and exclude them with a single `id IN (...)` condition, which
Elasticsearch receives as one terms filter."""

from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction

# Up to this many restrictions, Wagtail's own public() is small enough.
FEW_RESTRICTIONS = 50
# Path prefixes per lookup query, well inside SQLite's expression depth.
PATHS_PER_QUERY = 200


def outermost(paths):
    """The restricted paths that are not inside another restricted path."""
    kept = []
    for path in sorted(paths):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def private_page_ids():
    paths = outermost(PageViewRestriction.objects.values_list("page__path", flat=True))
    ids = set()
    for start in range(0, len(paths), PATHS_PER_QUERY):
        chunk = paths[start : start + PATHS_PER_QUERY]
        inside = reduce(or_, (Q(path__startswith=path) for path in chunk))
        ids.update(Page.objects.filter(inside).values_list("pk", flat=True))
    return ids


def public(pages):
    """pages without those behind a view restriction (theirs or an ancestor's),
    in one query while there are few restrictions (Wagtail's public() takes two)."""
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True)[: FEW_RESTRICTIONS + 1])
    if not paths:
        return pages
    if len(paths) <= FEW_RESTRICTIONS:
        return pages.exclude(reduce(or_, (Q(path__startswith=path) for path in outermost(paths))))
    return pages.exclude(id__in=sorted(private_page_ids()))


def without_aliases(pages):
    """pages without aliases (copies that follow another page's content).
    By id, since Wagtail's Page indexes no alias field to filter a search on.
    Unordered: Page's default order (by path) made the database read every page
    instead of the alias_of index."""
    alias_ids = sorted(Page.objects.filter(alias_of__isnull=False).order_by().values_list("pk", flat=True))
    return pages.exclude(id__in=alias_ids) if alias_ids else pages
