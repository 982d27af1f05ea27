from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware turns any 404 outside the language prefix into a
    redirect to /<lang>/… when that path resolves, and Wagtail's catch-all
    resolves everything. Views outside the prefix whose 404 is the answer
    (an unknown short link) set `keep_status` on the response."""

    def process_response(self, request, response):
        if getattr(response, "keep_status", False):
            return response
        return super().process_response(request, response)
