"""The same page in each of the site's languages: for the language switcher,
hreflang alternates and the sitemap."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site


@dataclass(frozen=True)
class LanguageVersion:
    language: str
    name: str
    url: str  # path and query, on this site
    current: bool
    exists: bool  # False: the page has no translation in this language; the URL is that language's home


def translations_of(page):
    """Live twins of `page` in every language, itself included, by language code.
    Aliases are left out: they show the source language's words under another
    language's address."""
    twins = page.get_translations(inclusive=True).live().filter(alias_of__isnull=True).select_related("locale")
    return {twin.locale.language_code: twin for twin in twins}


def languages_with_content(request):
    """Languages whose home page on this site is live: the languages a visitor can be sent to."""
    cached = getattr(request, "_languages_with_content", None)
    if cached is None:
        site = Site.find_for_request(request)
        if site is None:
            cached = {settings.LANGUAGE_CODE}
        else:
            homes = site.root_page.get_translations(inclusive=True).live().filter(alias_of__isnull=True)
            cached = set(homes.values_list("locale__language_code", flat=True)) | {settings.LANGUAGE_CODE}
        request._languages_with_content = cached
    return cached


def language_versions(request, page=None):
    """This request's page in every language. Below a page (a routable page's
    sub-route, e.g. compare/?states=…) the rest of the address is kept."""
    current = get_language()
    twins = translations_of(page) if isinstance(page, Page) else {}
    page_url = page.get_url(request) if twins else None
    available = languages_with_content(request)
    versions = []
    for code, name in settings.LANGUAGES:
        if code not in available and code != current:
            continue  # nowhere to send a visitor in that language yet
        url, exists = _url_in(request, code, twins, page_url)
        versions.append(LanguageVersion(code, name, url, code == current, exists))
    return versions


def _url_in(request, code, twins, page_url):
    query = f"?{request.META['QUERY_STRING']}" if request.META.get("QUERY_STRING") else ""
    if twins:
        twin = twins.get(code)
        if twin is None:
            return f"/{code}/", False
        rest = request.path[len(page_url) :] if page_url and request.path.startswith(page_url) else ""
        return f"{twin.get_url(request)}{rest}{query}", True
    # A view that is not a page (search, for example) has the same route in every language.
    url = translate_url(request.path, code)
    if url == request.path and code != get_language():
        return f"/{code}/", False
    return f"{url}{query}", True
