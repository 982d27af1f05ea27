from django.core.exceptions import PermissionDenied
from django.http import JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from wagtail.admin.auth import require_admin_access
from wagtail.models import Locale, Page
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.views.edit_translation import edit_override
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView

from .sanitizing import is_safe_url
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


# wagtail-localize's "Translate" views ask only for its submit_translation
# permission, so a translator could create a translation of a page or record
# they may not edit (the class of CVE-2026-54262). These run first, from the
# same addresses, and require the right to edit the original.
@require_admin_access
def submit_page_translation(request, page_id):
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return SubmitPageTranslationView.as_view()(request, page_id=page_id)


@require_admin_access
def submit_snippet_translation(request, app_label, model_name, pk):
    model = get_snippet_model_from_url_params(app_label, model_name)
    if not ModelPermissionPolicy(model).user_has_permission(request.user, "change"):
        raise PermissionDenied
    return SubmitSnippetTranslationView.as_view()(request, app_label=app_label, model_name=model_name, pk=pk)


@require_admin_access
def edit_translation_override(request, translation_id, overridable_segment_id):
    """wagtail-localize stores any text as a translation's link address (a
    `javascript:` one included); the English editor would refuse it, so this does."""
    if request.method == "PUT":
        value = QueryDict(request.body).get("value", "")
        if not is_safe_url(value):
            message = gettext("Enter a web address (https://…), an email (mailto:…) or a phone number (tel:…).")
            return JsonResponse({"value": [message]}, status=400)
    return edit_override(request, translation_id=translation_id, overridable_segment_id=overridable_segment_id)
