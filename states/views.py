from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language_from_request
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Locale

from core.visibility import public

from .models import OutdatedReport, StatePage
from .reports import OutdatedReportForm, address_hash
from .spreadsheet import requirements_csv


def live_states(locale):
    return public(StatePage.objects.live()).filter(locale=locale)


def short_link(request, code):
    """`/states/fl/`: a stable address for organizations, sending each visitor to
    the state's page in their language (English when no translation exists)."""
    language = get_language_from_request(request)
    default = Locale.get_default()
    locale = Locale.objects.filter(language_code=language).first() or default
    code = code.upper()
    state = live_states(locale).filter(code=code).first() or live_states(default).filter(code=code).first()
    if state is None:
        states = live_states(default).order_by("title").only("id", "title", "code", "url_path", "path", "depth")
        response = TemplateResponse(
            request, "states/unknown_state.html", {"code": code[:10], "states": states}, status=404
        )
        return response

    response = HttpResponseRedirect(state.get_url(request))
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


@cache_control(public=True, max_age=0, s_maxage=600)
def requirements_csv_view(request):
    """Every live state's structured requirements, for organizations' own tools."""
    states = live_states(Locale.get_default()).order_by("title").prefetch_related("credentials")
    response = HttpResponse(requirements_csv(states, request), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="peer-support-requirements.csv"'
    return response


@xframe_options_exempt
@cache_control(public=True, max_age=0, s_maxage=600)
def embed_card(request, code):
    """A small self-contained summary card that other sites may put in an iframe."""
    state = live_states(Locale.get_default()).filter(code=code.upper()).first()
    if state is None:
        response = HttpResponse("Unknown state code.", status=404, content_type="text/plain")
        return response
    response = TemplateResponse(request, "states/embed_card.html", {"state": state})
    # Framing is allowed here only; every other page keeps refusing it.
    response["Content-Security-Policy"] = "frame-ancestors *"
    return response


@csrf_exempt  # anonymous, holds no session; guarded by a honeypot and a rate limit instead
@never_cache
def report_outdated(request, code):
    """The "Report outdated information" form of one state."""
    state = live_states(Locale.get_default()).filter(code=code.upper()).first()
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
            return HttpResponseRedirect(f"{request.path}?sent=1")
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
