import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        # The sitemap index, which lists every sitemap page.
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


# While the database restarts or is unreachable, visitors are told to try again
# shortly (the page says so), and proxies and crawlers get a 503 that says when.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def server_error(request):
    """A friendly 500 page that needs no database and no context processors."""
    response = HttpResponse(loader.get_template("500.html").render(), status=500)
    # Django calls this while handling the error, so the error is at hand.
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        response.status_code = 503
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response


def login_locked_out(request, original_response, credentials):
    """django-axes' answer to a locked-out sign-in: what happened and when to retry."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    response = render(request, "core/login_locked_out.html", {"minutes": minutes}, status=429)
    add_never_cache_headers(response)
    return response
