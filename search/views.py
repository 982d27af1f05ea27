import logging
import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import DatabaseError
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Locale, Page, Site

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
# Quotes, brackets and operators mean something to the database's full-text
# syntax (an unmatched quote is an error there); visitors mean plain words.
QUERY_NOISE = re.compile(r"[^\w\s'’-]|_")


def clean_query(raw):
    return " ".join(QUERY_NOISE.sub(" ", raw.replace("\x00", " ")).split())[:MAX_QUERY_LENGTH]


@never_cache
def search(request):
    shown_query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    query = clean_query(shown_query)
    results = Page.objects.none()
    if query:
        # Only this site's pages, in the visitor's language.
        results = (
            Page.objects.live()
            .public()
            .in_site(Site.find_for_request(request))
            .filter(locale=Locale.get_active())
            .specific()
            .search(query, operator="and")
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    search_failed = False
    try:
        try:
            page = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            page = paginator.page(1)
        page.object_list = list(page.object_list)
    except DatabaseError:
        logger.exception("Search failed for %r", query)
        search_failed = True
        page = Paginator([], RESULTS_PER_PAGE).page(1)
    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": shown_query, "results": page, "search_failed": search_failed},
    )
