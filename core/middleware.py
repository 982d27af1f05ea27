from csp.constants import UNSAFE_INLINE
from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_path

from .language_versions import languages_with_content


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, with two differences.

    Outside the language prefix it only picks a language the site has content
    in: a browser preferring a language whose home page is not published yet
    is sent to English, not to a 404.

    Django turns a 404 outside the language prefix into a redirect to
    /<lang>/… whenever that path resolves, and Wagtail's catch-all resolves
    every path. A 404 from a route that lives outside the prefix (an unknown
    short link, embed, feed or report form) is the real answer, so it is kept;
    only paths that matched no route are sent on to /<lang>/."""

    def process_request(self, request):
        super().process_request(request)
        if not get_language_from_path(request.path_info) and get_language() not in languages_with_content(request):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        if (
            response.status_code == 404
            and getattr(request, "resolver_match", None) is not None
            and not get_language_from_path(request.path_info)
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", get_language())
            return response
        return super().process_response(request, response)


class AdminScriptPolicyMiddleware:
    """Lets the Wagtail admin run its inline scripts; the public site may not.

    Wagtail 8's admin (inline panels, date widgets) and wagtail-localize's
    translation editor still write inline <script> elements that carry no
    nonce, so under the site's policy the admin would not work. Only signed-in
    editors see these pages. Placed after CSPMiddleware, so its response
    handling runs first and CSPMiddleware builds the header with this change.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path_info.startswith("/admin/"):
            response._csp_update = {"script-src": [UNSAFE_INLINE]}
        return response
