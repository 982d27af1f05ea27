from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language, get_language_from_path


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware turns a 404 outside the language prefix into a
    redirect to /<lang>/… whenever that path resolves, and Wagtail's catch-all
    resolves every path. A 404 from a route that lives outside the prefix
    (an unknown short link, embed, feed or report form) is the real answer, so
    it is kept; only paths that matched no route are sent on to /<lang>/."""

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
