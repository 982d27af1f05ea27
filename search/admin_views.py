from datetime import timedelta

from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone
from wagtail.admin.auth import permission_required
from wagtail.contrib.search_promotions.models import QueryDailyHits

from .models import ZeroResultQuery

REPORT_DAYS = 30
REPORT_ROWS = 50


@permission_required("wagtailsearchpromotions.add_searchpromotion")
def search_terms_report(request):
    """What visitors searched for in the last 30 days, and what found nothing:
    the gaps to fill with content, synonyms or promotions."""
    since = timezone.localdate() - timedelta(days=REPORT_DAYS)
    frequent = (
        QueryDailyHits.objects.filter(date__gte=since)
        .values("query__query_string")
        .annotate(total=Sum("hits"))
        .order_by("-total", "query__query_string")[:REPORT_ROWS]
    )
    found_nothing = (
        ZeroResultQuery.objects.filter(date__gte=since)
        .values("query_string")
        .annotate(total=Sum("hits"))
        .order_by("-total", "query_string")[:REPORT_ROWS]
    )
    return render(
        request,
        "search/admin/search_terms_report.html",
        {"frequent": frequent, "found_nothing": found_nothing, "days": REPORT_DAYS},
    )
