"""The read-only JSON API (Wagtail API v2), outside the language prefix."""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from search.query import clean_query

from .page_cache import may_be_shared, share_with_every_visitor

SEARCH_OPERATORS = ("and", "or")


class PlainWordsSearchFilter(SearchFilter):
    """Wagtail's ?search=, given plain words as the site's own search is.

    Passed on as typed, a lone quote or NUL broke the database backend's query
    and an unknown search_operator raised: a server error for anyone. Now the
    operator is checked (a 400 that says why) and the words are cleaned; a
    search with no words left finds nothing."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        if request.GET.get("search_operator", "and") not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        words = clean_query(request.GET["search"])
        if not words:
            return queryset.none()
        cleaned = request._request.GET.copy()
        cleaned["search"] = words
        request._request.GET = cleaned
        return super().filter_queryset(request, queryset, view)


class PagesEndpoint(PagesAPIViewSet):
    filter_backends = [
        PlainWordsSearchFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]

    def initial(self, request, *args, **kwargs):
        # Listings and single pages alike: PostgreSQL refuses NUL in text, so
        # `?locale=%00` or `?type=%00` was a 500 there.
        super().initial(request, *args, **kwargs)
        if any("\x00" in key + value for key, value in request.GET.items()):
            raise BadRequestError("query parameters cannot contain NUL characters")

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if may_be_shared(request, response):
            share_with_every_visitor(response)
        return response


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
