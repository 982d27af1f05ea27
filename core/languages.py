"""The visitor's language on routes outside the /<lang>/ prefix (short links,
the embed card, the report form): a `?lang=` the link asks for, otherwise the
language the visitor's browser prefers."""

from functools import wraps

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Locale


def requested_language(request):
    """`?lang=es` when it names a language of the site; else the cookie or Accept-Language."""
    asked = request.GET.get("lang", "")
    if isinstance(asked, str) and asked.lower() in dict(settings.LANGUAGES):
        return asked.lower()
    return translation.get_language_from_request(request)


def locale_for(language):
    return Locale.objects.filter(language_code=language).first() or Locale.get_default()


def in_requested_language(view):
    """Run the view, and render its template, in the requested language; the
    response says which language it is in and that it varies with the request."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        language = requested_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers["Content-Language"] = language
        return response

    return wrapper
