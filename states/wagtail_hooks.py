from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import OutdatedReport


class OutdatedReportViewSet(SnippetViewSet):
    model = OutdatedReport
    icon = "warning"
    menu_label = "Outdated reports"
    add_to_admin_menu = True
    list_display = ["page", "field", "created_at", "handled"]
    list_filter = ["handled", "field"]
    search_fields = ["message"]


register_snippet(OutdatedReportViewSet)
