import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from core.formatting import dollars
from core.language_versions import language_versions as versions_of
from core.sanitizing import clean_html, is_safe_url

register = template.Library()

_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's schema.org records as one script element, safe to inline."""
    request = context["request"]
    records = page.get_json_ld(request)
    payload = json.dumps(records, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


@register.simple_tag(takes_context=True)
def language_versions(context):
    """This page (or view) in each language: the switcher and hreflang links read it."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    # Asked by the head (hreflang) and the header (switcher): found once per request.
    cached = getattr(request, "_language_versions", None)
    if cached is None or cached[0] is not page:
        cached = (page, versions_of(request, page))
        request._language_versions = cached
    return cached[1]


@register.filter
def money(value):
    return dollars(value)


@register.simple_tag(takes_context=True)
def main_nav(context):
    """The visitor's home page and its menu sections.

    On a page, the home page is already known (the page itself or its first
    breadcrumb), so only the sections cost a query; other views (search, 404)
    look the home page up through the site.
    """
    from wagtail.models import Site

    page = context.get("page")
    if page is not None and hasattr(page, "breadcrumbs"):
        home = page if page.depth == 2 else page.breadcrumbs[0]
    else:
        request = context.get("request")
        site = Site.find_for_request(request) if request else None
        if site is None:
            return {"home": None, "sections": []}
        home = site.root_page.localized
    sections = home.get_children().live().in_menu().only("id", "title", "url_path", "path", "depth", "locale_id")
    return {"home": home, "sections": list(sections)}


@register.filter
def clean_richtext(value):
    """Wagtail's `richtext`, then cleaned (core.sanitizing): use it for every rich text shown."""
    return mark_safe(clean_html(richtext(value)))  # noqa: S308  (cleaned just now)


@register.filter
def safe_url(url):
    """The address, or "" when it is not a web, mail or phone address (a script, say)."""
    return url if is_safe_url(url) else ""
