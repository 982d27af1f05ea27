from django.forms import Media
from django.template.loader import render_to_string
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import import_requirements, verification_report
from .models import OutdatedReport, StatePage
from .verification import max_age, overdue_count


class OutdatedReportViewSet(SnippetViewSet):
    model = OutdatedReport
    icon = "warning"
    menu_label = "Outdated reports"
    add_to_admin_menu = True
    list_display = ["page", "field", "created_at", "handled"]
    list_filter = ["handled", "field"]
    search_fields = ["message"]


register_snippet(OutdatedReportViewSet)


@hooks.register("register_admin_urls")
def register_verification_report_url():
    return [
        path("reports/state-verification/", verification_report, name="state_verification_report"),
        path("states/import/", import_requirements, name="state_requirements_import"),
    ]


@hooks.register("register_reports_menu_item")
def register_verification_report_menu_item():
    return MenuItem("State verification", reverse("state_verification_report"), icon_name="date", order=50)


class OverdueStatesPanel:
    """A dashboard panel saying how many state pages are due for re-verification."""

    order = 50

    def __init__(self, request):
        self.request = request

    def render_html(self, parent_context=None):
        count = overdue_count(StatePage.objects.filter(locale__language_code="en"))
        return render_to_string(
            "states/admin/overdue_panel.html",
            {"count": count, "max_age_days": max_age().days, "url": reverse("state_verification_report")},
        )

    media = Media()


@hooks.register("construct_homepage_panels")
def add_overdue_states_panel(request, panels):
    panels.append(OverdueStatesPanel(request))


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return MenuItem("Import state CSV", reverse("state_requirements_import"), icon_name="upload", order=600)
