"""Which state pages are due for re-verification against their sources."""

import datetime

from django.conf import settings
from django.db.models import F
from django.utils import timezone


def max_age():
    return datetime.timedelta(days=settings.STATE_VERIFICATION_MAX_AGE_DAYS)


def is_overdue(state, today=None):
    today = today or timezone.localdate()
    return state.last_verified_on is None or today - state.last_verified_on > max_age()


def states_by_verification(queryset):
    """Never-verified first, then the oldest verification first."""
    return queryset.order_by(F("last_verified_on").asc(nulls_first=True), "title")


def overdue_count(queryset):
    cutoff = timezone.localdate() - max_age()
    return queryset.filter(last_verified_on__lt=cutoff).count() + queryset.filter(last_verified_on__isnull=True).count()
