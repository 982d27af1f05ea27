from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import search_terms_report
from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    list_display = ["terms", "language"]
    list_filter = ["language"]


register_snippet(SearchSynonymViewSet)


@hooks.register("register_admin_urls")
def register_search_terms_report_url():
    return [path("reports/search-queries/", search_terms_report, name="search_terms_report")]


@hooks.register("register_reports_menu_item")
def register_search_terms_report_menu_item():
    return MenuItem("Search queries", reverse("search_terms_report"), icon_name="search", order=60)
