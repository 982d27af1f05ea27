"""Atom feeds of requirement changes, so organizations can follow what changed."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Locale

from core.visibility import public

from .jurisdictions import state_code
from .models import RequirementChange, StatePage

MAX_ITEMS = 50


def live_changes():
    live_states = public(StatePage.objects.live()).filter(locale=Locale.get_default())
    return RequirementChange.objects.filter(page__in=live_states).select_related("page").order_by("-changed_on", "-pk")


class AllStateChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "Peer support requirement changes: all states"
    subtitle = "Changes to peer support certification requirements, as recorded on Peer Support Careers."

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return "/states/"

    def items(self):
        return live_changes()[:MAX_ITEMS]

    def item_title(self, item):
        return f"{item.page.title}: {item.summary}"[:200]

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return f"{item.page.specific_deferred.get_url(self.request)}#what-changed"

    def item_guid(self, item):
        return f"{self.request.build_absolute_uri(self.item_link(item))}-{item.pk}"

    def item_updateddate(self, item):
        return datetime.datetime.combine(item.changed_on, datetime.time(), tzinfo=datetime.UTC)

    item_pubdate = item_updateddate


class StateChangesFeed(AllStateChangesFeed):
    def get_object(self, request, code):
        code = state_code(code)
        if code is None:
            raise Http404("Unknown state code")
        state = public(StatePage.objects.live()).filter(locale=Locale.get_default(), code=code).first()
        if state is None:
            raise Http404("Unknown state code")
        return state

    def title(self, state):
        return f"Peer support requirement changes: {state.title}"

    def link(self, state):
        return state.get_url(self.request)

    def items(self, state):
        return live_changes().filter(page=state)[:MAX_ITEMS]
