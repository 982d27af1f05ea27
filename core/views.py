from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
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
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def server_error(request):
    """A friendly 500 page that needs no database and no context processors."""
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def login_locked_out(request, original_response, credentials):
    """django-axes' answer to a locked-out sign-in: what happened and when to retry."""
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    response = render(request, "core/login_locked_out.html", {"minutes": minutes}, status=429)
    add_never_cache_headers(response)
    return response
