import csv

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from .models import StateIndexPage, StatePage
from .spreadsheet import MAX_IMPORT_BYTES, plan_import
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


def _states_by_code():
    return {state.code: state for state in StatePage.objects.filter(locale__language_code="en")}


def _can_edit_states(user):
    index = StateIndexPage.objects.first()
    return index is not None and index.permissions_for_user(user).can_edit()


def import_requirements(request):
    """Bulk update from a CSV: upload, preview every change, then apply as revisions sent for review."""
    if not _can_edit_states(request.user):
        raise PermissionDenied
    context = {"max_age_days": max_age().days}
    if request.method != "POST":
        return render(request, "states/admin/import.html", context)

    if request.POST.get("action") == "apply":
        data = request.POST.get("csv_text", "").encode("utf-8")
    else:
        upload = request.FILES.get("csv_file")
        if upload is None:
            context["errors"] = [(0, "Choose a CSV file to upload.")]
            return render(request, "states/admin/import.html", context, status=400)
        data = upload.read(MAX_IMPORT_BYTES + 1)
    changes, errors = plan_import(data, _states_by_code())
    if errors:
        context["errors"] = errors
        return render(request, "states/admin/import.html", context, status=400)

    if request.POST.get("action") != "apply":
        context.update(
            {
                "changes": [(state, sorted(changed.items())) for state, changed in changes.items()],
                "csv_text": data.decode("utf-8-sig"),
            }
        )
        return render(request, "states/admin/import.html", context)

    submitted = _apply(changes, request.user)
    context["applied"] = submitted
    return render(request, "states/admin/import.html", context)


@transaction.atomic
def _apply(changes, user):
    """Save each changed state as a new revision and send it through its review workflow."""
    submitted = []
    for state, changed in changes.items():
        page = state.get_latest_revision_as_object()
        for attribute, (_, new) in changed.items():
            setattr(page, attribute, new)
        page.save_revision(user=user, log_action=True)
        workflow = state.get_workflow()
        if workflow is not None and state.current_workflow_state is None:
            workflow.start(state, user)
        submitted.append(state)
    return submitted
