from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import index as sitemap_index
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import admin_views as core_admin_views
from core.api import api_router
from core.page_cache import shared
from core.sitemaps import PagesInEveryLanguage
from core.views import robots_txt, server_error
from planning.sitemaps import PlanningTools
from search import views as search_views
from states import views as state_views
from states.feeds import AllStateChangesFeed, StateChangesFeed

handler500 = server_error

SITEMAPS = {"pages": PagesInEveryLanguage, "tools": PlanningTools}

# Outside the language prefix: the admin, the API, documents, machine files, short links.
urlpatterns = [
    # Ahead of wagtail-localize's own views at these addresses: translating needs the
    # right to edit, and a translated link must be a link.
    path("admin/localize/submit/page/<int:page_id>/", core_admin_views.submit_page_translation),
    path(
        "admin/localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        core_admin_views.submit_snippet_translation,
    ),
    path(
        "admin/localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        core_admin_views.edit_translation_override,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    # An index of sitemap pages (/sitemap-pages.xml?p=2, …) of bounded size each.
    # Both kept in the page cache like pages: crawlers ask often, content changes rarely.
    path(
        "sitemap.xml",
        shared(sitemap_index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", shared(sitemap), {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("states/requirements.csv", state_views.requirements_csv_view, name="state_requirements_csv"),
    path("states/changes.atom", AllStateChangesFeed(), name="state_changes_feed"),
    path("states/<str:code>/changes.atom", StateChangesFeed(), name="state_changes_feed_for"),
    path("states/<str:code>/", state_views.short_link, name="state_short_link"),
    path("states/<str:code>/embed/", state_views.embed_card, name="state_embed"),
    path("states/<str:code>/report/", state_views.report_outdated, name="state_report_outdated"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public pages live under /<lang>/ so that adding a language moves no URL.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("plan/", include("planning.urls")),
    path("", include(wagtail_urls)),
)
