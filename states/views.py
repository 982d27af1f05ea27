from csp.decorators import csp_replace
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Locale

from core.languages import in_requested_language, locale_for
from core.page_cache import shared
from core.visibility import public

from .jurisdictions import state_code
from .models import OutdatedReport, StatePage
from .reports import OutdatedReportForm, address_hash
from .spreadsheet import requirements_csv


def live_states(locale):
    return public(StatePage.objects.live()).filter(locale=locale)


@in_requested_language
def short_link(request, code):
    """`/states/fl/`: a stable address for organizations, sending each visitor to
    the state's page in their language (English when no translation exists);
    `?lang=es` asks for a language explicitly."""
    state = state_in_language(request, code)
    if state is None:
        locale = locale_for(request.LANGUAGE_CODE)
        states = live_states(locale).order_by("title").only("id", "title", "code", "url_path", "path", "depth")
        context = {"code": code.upper()[:10], "states": states}
        return TemplateResponse(request, "states/unknown_state.html", context, status=404)
    return HttpResponseRedirect(state.get_url(request))


def state_in_language(request, code):
    """The live state page for `code` in the request's language, else in English."""
    code = state_code(code)
    if code is None:
        return None
    return (
        live_states(locale_for(request.LANGUAGE_CODE)).filter(code=code).first()
        or live_states(Locale.get_default()).filter(code=code).first()
    )


@shared
def requirements_csv_view(request):
    """Every live state's structured requirements, for organizations' own tools."""
    states = live_states(Locale.get_default()).order_by("title").prefetch_related("credentials")
    response = HttpResponse(requirements_csv(states, request), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="peer-support-requirements.csv"'
    return response


@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})  # framing is allowed here only
@shared
@in_requested_language
def embed_card(request, code):
    """A small self-contained summary card that other sites may put in an iframe,
    in the visitor's language or the one its `?lang=` asks for."""
    state = state_in_language(request, code)
    if state is None:
        return HttpResponse(gettext("Unknown state code."), status=404, content_type="text/plain; charset=utf-8")
    return TemplateResponse(request, "states/embed_card.html", {"state": state})


@csrf_exempt  # anonymous, holds no session; guarded by a honeypot and a rate limit instead
@never_cache
@in_requested_language
def report_outdated(request, code):
    """The "Report outdated information" form of one state, in the visitor's language."""
    state = state_in_language(request, code)
    if state is None:
        raise Http404("Unknown state code")
    sender = address_hash(request)
    if request.method == "POST":
        form = OutdatedReportForm(request.POST, sender=sender)
        if form.is_valid():
            data = form.cleaned_data
            OutdatedReport.objects.create(
                page=state,
                field=data["field"],
                message=data["message"],
                source_url=data["source_url"],
                email=data["email"],
                sender_hash=sender,
            )
            return HttpResponseRedirect(f"{request.path}?lang={request.LANGUAGE_CODE}&sent=1")
        status = 400
    else:
        form = OutdatedReportForm(initial={"field": request.GET.get("field", "")}, sender=sender)
        status = 200
    response = TemplateResponse(
        request,
        "states/report_outdated.html",
        {"state": state, "form": form, "sent": "sent" in request.GET},
        status=status,
    )
    return response
