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
