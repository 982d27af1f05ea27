"""The planning tools. Answers arrive by POST and are only used to render the
reply: nothing stores, logs or forwards them. POST keeps them out of the
address, so out of server logs, browser history and referrers; a share link
exists only when the visitor presses "share", and keeps the answers after the
"#", which browsers never send to any server."""

from urllib.parse import urlencode

from django.db.models import Prefetch
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from core.languages import locale_for
from core.page_cache import shared
from states.models import StateCredential
from states.views import live_states

from .checklist import path_steps
from .estimate import estimate
from .forms import MovingForm, PathForm
from .moving import plan_move
from .steps import split


def states_for_visitor():
    credentials = StateCredential.objects.select_related("certifying_body")
    return list(
        live_states(locale_for(get_language()))
        .order_by("title")
        .prefetch_related(Prefetch("credentials", queryset=credentials))
    )


@shared
def tools(request):
    return TemplateResponse(request, "planning/index.html", {})


def planner(form_class, template, plan):
    """A tool's view: the empty form on GET (the same for everyone, so shared),
    the visitor's plan on POST (private, never stored)."""

    # No session and nothing is changed or stored, so there is nothing for a
    # cross-site request to forge; the shared GET copy could not carry a token either.
    @csrf_exempt
    @sensitive_post_parameters()
    @require_http_methods(["GET", "HEAD", "POST"])
    @shared
    def view(request):
        states = states_for_visitor()
        if request.method != "POST":
            form = form_class(states=states, initial=_preselected(request, form_class, states))
            return TemplateResponse(request, template, {"form": form})
        form = form_class(request.POST, states=states)
        context = {"form": form}
        if form.is_valid():
            context.update(plan(form.cleaned_data))
            if "share" in request.POST:
                context["share_link"] = _share_link(request, form)
        response = TemplateResponse(request, template, context, status=200 if form.is_valid() else 400)
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        return response

    return view


def _preselected(request, form_class, states):
    """`?state=tx` (from a state page's link) picks the state; anything else is ignored."""
    code = request.GET.get("state", "")
    if not isinstance(code, str) or code.upper() not in {state.code for state in states}:
        return {}
    field = "state" if form_class is PathForm else "from_state"
    return {field: code.upper()}


def _share_link(request, form):
    answers = {name: form[name].value() or "" for name in form.fields}
    return request.build_absolute_uri(request.path) + "#" + urlencode(answers)


def path_plan(answers):
    steps = path_steps(answers)
    finished, remaining = split(steps)
    return {
        "state": answers["state"],
        "finished": finished,
        "remaining": remaining,
        "estimate": estimate(answers["state"], steps, answers),
    }


def moving_plan(answers):
    return {"plan": plan_move(answers)}


path = planner(PathForm, "planning/path.html", path_plan)
moving = planner(MovingForm, "planning/moving.html", moving_plan)
