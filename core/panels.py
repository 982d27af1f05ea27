"""An editor panel saying where a page's translations stand."""

from wagtail.admin.panels import Panel
from wagtail.models import Locale

from .translation_status import statuses


class TranslationStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "core/admin/translation_status_panel.html"

        def is_shown(self):
            return bool(self.instance and self.instance.pk) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            default = Locale.get_default()
            if page.locale_id == default.pk:
                context["rows"] = statuses([page], list(Locale.objects.exclude(pk=default.pk)))
            else:
                source = page.get_translations().filter(locale=default).first()
                context["source"] = source
                context["rows"] = statuses([source], [page.locale]) if source else []
            return context
