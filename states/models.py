from django.http import HttpResponseRedirect
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core.models import BasePage

from .jurisdictions import jurisdiction, jurisdictions


class StateIndexPage(BasePage):
    """Every state, D.C. and territory. Until each has its own requirements
    page, this lists them with their credential names and official links."""

    page_description = "The list of states and their requirements."
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = RichTextField(features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    def summary_text(self):
        return self.search_description or self.intro

    def serve(self, request, *args, **kwargs):
        # The state picker submits ?state=fl; send the visitor to that entry.
        code = request.GET.get("state")
        if code is not None:
            record = jurisdiction(code)
            if record:
                return HttpResponseRedirect(f"{self.url}#{record['code'].lower()}")
            request.state_picker_error = True
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["jurisdictions"] = jurisdictions()
        context["state_picker_error"] = getattr(request, "state_picker_error", False)
        return context
