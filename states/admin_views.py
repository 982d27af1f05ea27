import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .models import StatePage
from .verification import is_overdue, max_age, states_by_verification


def verification_report(request):
    """Every state with its last verified date, overdue first; `?format=csv` exports it."""
    today = timezone.localdate()
    states = states_by_verification(StatePage.objects.filter(locale__language_code="en"))
    rows = [{"state": state, "overdue": is_overdue(state, today)} for state in states]
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="state-verification-{today:%Y-%m-%d}.csv"'
        writer = csv.writer(response)
        writer.writerow(["code", "state", "last_verified_on", "verified_by", "overdue", "live"])
        for row in rows:
            state = row["state"]
            writer.writerow(
                [
                    state.code,
                    state.title,
                    state.last_verified_on or "",
                    state.verified_by,
                    "yes" if row["overdue"] else "no",
                    "yes" if state.live else "no",
                ]
            )
        return response
    return render(
        request,
        "states/admin/verification_report.html",
        {"rows": rows, "max_age_days": max_age().days, "overdue": sum(row["overdue"] for row in rows)},
    )
