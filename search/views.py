import logging

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page, Site

from careers.models import CareerLadderPage, CareerOverviewPage, CareerStagePage, PathwayPage, SkillIndexPage, SkillPage
from core.page_cache import shared
from core.visibility import public, without_aliases
from states.models import StateIndexPage, StatePage

from . import query as search_query
from .indexing import after_successful_update
from .models import ZeroResultQuery

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
# Nobody reads result page 50; deeper pages would also run past Elasticsearch's
# 10,000-hit window.
MAX_PAGES = 50
MAX_SUGGESTIONS = 8
TYPE_FILTERS = {
    "states": (_("State requirements"), (StatePage,)),
    "careers": (_("Careers and pay"), (CareerOverviewPage, CareerLadderPage, CareerStagePage)),
    "skills": (_("Skill guides"), (SkillIndexPage, SkillPage)),
    "steps": (_("Steps into the work"), (PathwayPage,)),
}


def type_label(page):
    for label, models in TYPE_FILTERS.values():
        if isinstance(page, models):
            return label
    return _("Page")


def visible_pages(request, model=Page):
    """Live, public pages of this site in the visitor's language. Aliases are
    left out: they repeat another page's content (and, in a translated tree,
    in the other language), and the original is found on its own."""
    # The site's root is the English home; each language's tree hangs from its twin.
    root = Site.find_for_request(request).root_page.localized
    pages = public(model.objects.live()).descendant_of(root, inclusive=True).filter(locale=Locale.get_active())
    return without_aliases(pages)


def page_number(raw):
    try:
        return min(max(int(raw), 1), MAX_PAGES)
    except (TypeError, ValueError):
        return 1


def filtered_pages(request, page_type, state_code):
    if state_code:
        return visible_pages(request, StatePage).filter(code=state_code)
    pages = visible_pages(request)
    if page_type in TYPE_FILTERS:
        pages = pages.type(*TYPE_FILTERS[page_type][1])
    return pages.specific()


def promoted(query_string):
    """Editors' picks for this query that a visitor may see, in their language."""
    picks = Query.get(query_string).editors_picks.select_related("page")
    locale = Locale.get_active()
    return [
        pick
        for pick in picks
        if pick.external_link_url or (pick.page and pick.page.live and pick.page.locale_id == locale.pk)
    ]


def popular_pages(request):
    """Where to go when nothing matched: the sections in the main menu, the
    state requirements first."""
    sections = list(visible_pages(request).filter(show_in_menus=True, depth=3).specific())
    return sorted(sections, key=lambda page: not isinstance(page, StateIndexPage))


@never_cache
def search(request):
    shown_query = request.GET.get("q", "").replace("\x00", "").strip()[: search_query.MAX_QUERY_LENGTH]
    query = search_query.clean_query(shown_query)
    page_type = request.GET.get("type", "")
    page_type = page_type if page_type in TYPE_FILTERS else ""
    states = visible_pages(request, StatePage).order_by("title").only("title", "code")
    state_code = request.GET.get("state", "").upper()
    state_code = state_code if any(state.code == state_code for state in states) else ""
    number = page_number(request.GET.get("page"))

    def make_results(compiled_query, backend):
        results = search_query.search_pages(filtered_pages(request, page_type, state_code), compiled_query, backend)
        page = Paginator(results, RESULTS_PER_PAGE).get_page(number)
        page.object_list = list(page.object_list)
        return page

    context = {
        "search_query": shown_query,
        "page_type": page_type,
        "state_code": state_code,
        "type_filters": [(key, label) for key, (label, _models) in TYPE_FILTERS.items()],
        "states": states,
        "degraded": False,
        "promotions": [],
        "results": None,
    }
    if query:
        outcome = search_query.run(make_results, query, get_language())
        results = outcome.results
        state_results = [page for page in results.object_list if isinstance(page, StatePage)]
        prefetch_related_objects(state_results, "credentials")
        for page in results.object_list:
            page.search_type_label = type_label(page)
        if not outcome.degraded:
            after_successful_update()
        if number == 1:
            Query.get(query).add_hit()
            if not results.paginator.count:
                ZeroResultQuery.record(query.lower())
                context["popular_pages"] = popular_pages(request)
        context.update(results=results, degraded=outcome.degraded, promotions=promoted(query) if number == 1 else [])
    return TemplateResponse(request, "search/search.html", context)


@shared
def suggest(request):
    """Up to eight pages whose title (or state code, or credential abbreviation)
    starts with what the visitor has typed so far, as JSON for the search box."""
    query = search_query.clean_query(request.GET.get("q", ""))
    if not query:
        return JsonResponse({"query": "", "suggestions": []})

    def make_results(_compiled_query, backend):
        pages = visible_pages(request).specific().autocomplete(query, operator="and", backend=backend)
        return list(pages[:MAX_SUGGESTIONS])

    outcome = search_query.run(make_results, query, get_language())
    suggestions = [
        {"title": page.title, "url": page.get_url(request), "type": str(type_label(page))} for page in outcome.results
    ]
    response = JsonResponse({"query": query, "suggestions": suggestions})
    if outcome.degraded:
        # From the database while Elasticsearch is away: not worth keeping.
        add_never_cache_headers(response)
    return response
