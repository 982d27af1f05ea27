from django.shortcuts import render
from wagtail.models import Locale, Page

from .translation_status import statuses


def translation_status_report(request):
    """Every English page with where its translations stand; `?all=1` includes those up to date."""
    pages = (
        Page.objects.filter(locale=Locale.get_default(), depth__gt=1, alias_of__isnull=True)
        .order_by("path")
        .select_related("locale")
    )
    locales = list(Locale.objects.exclude(pk=Locale.get_default().pk).order_by("language_code"))
    rows = statuses(pages, locales)
    show_all = request.GET.get("all") == "1"
    needing_work = [row for row in rows if row.needs_work]
    return render(
        request,
        "core/admin/translation_status.html",
        {
            "rows": rows if show_all else needing_work,
            "show_all": show_all,
            "total": len(rows),
            "needing_work": len(needing_work),
        },
    )
