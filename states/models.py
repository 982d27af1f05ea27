from django.http import HttpResponseRedirect

from core.models import IntroPage

from .jurisdictions import jurisdiction, jurisdictions


class StateIndexPage(IntroPage):
    """Every state, D.C. and territory. Until each has its own requirements
    page, this lists them with their credential names and official links."""

    page_description = "The list of states and their requirements."
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

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
