from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import translation_status_report


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [path("reports/translation-status/", translation_status_report, name="translation_status_report")]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem("Translation status", reverse("translation_status_report"), icon_name="site", order=70)


@hooks.register("before_serve_page")
def send_untranslated_aliases_to_their_original(page, request, serve_args, serve_kwargs):
    """Tree sync (a locale set to sync from English) fills the Spanish tree with
    aliases that show the English words. Passing them off as Spanish would tell
    screen readers the wrong language, so a visitor is sent to the original,
    temporarily: the address becomes a real translation once one is made."""
    original = page.alias_of
    if original is None or original.locale_id == page.locale_id:
        return None
    return redirect(original.specific_deferred.get_url(request))
