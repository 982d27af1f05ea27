from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils.functional import cached_property

from states.models import StatePage


class PlanningTools(Sitemap):
    """The tools' empty forms, in every language: they are not Wagtail pages,
    so the pages' sitemap does not list them."""

    i18n = True
    alternates = True
    x_default = False  # as the pages' sitemap: each language is listed with its twins
    changefreq = "monthly"

    def items(self):
        return ["planning_tools", "planning_path", "planning_moving"]

    def location(self, item):
        return reverse(item)

    @cached_property
    def latest_state_change(self):
        """What the tools say changes when a state's requirements do."""
        return StatePage.objects.live().aggregate(latest=Max("last_published_at"))["latest"]

    def lastmod(self, item):
        return self.latest_state_change

    def get_latest_lastmod(self):
        return self.latest_state_change
