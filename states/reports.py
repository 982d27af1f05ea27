"""Visitors' and organizations' reports that a state's requirement looks outdated."""

import hashlib
from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .requirements import FIELD_CHOICES

RATE_LIMIT = 5  # reports per address per hour
RATE_WINDOW = timedelta(hours=1)


def address_hash(request):
    """A salted hash of the sender's address: enough to rate-limit, without storing the address."""
    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()


class OutdatedReportForm(forms.Form):
    field = forms.ChoiceField(
        label=_("Which part looks outdated?"), choices=[("", _("Not sure / several")), *FIELD_CHOICES], required=False
    )
    message = forms.CharField(
        label=_("What should it say, and where did you see that?"),
        widget=forms.Textarea(attrs={"rows": 5}),
        min_length=10,
        max_length=4000,
        error_messages={
            "required": _("Please tell us what looks outdated."),
            "min_length": _("Please add a little more detail (at least 10 characters)."),
        },
    )
    source_url = forms.URLField(
        label=_("Link to the official source (optional)"), required=False, max_length=1000, assume_scheme="https"
    )
    email = forms.EmailField(label=_("Your email, if you'd like a reply (optional)"), required=False)
    # Hidden from people; bots that fill every field give themselves away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, sender=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.sender = sender

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("This looks automated, so it was not sent."), code="spam")
        from .models import OutdatedReport

        since = timezone.now() - RATE_WINDOW
        if (
            self.sender
            and OutdatedReport.objects.filter(sender_hash=self.sender, created_at__gte=since).count() >= RATE_LIMIT
        ):
            raise forms.ValidationError(
                _("You have sent several reports in the last hour. Please try again later; your text is kept below."),
                code="rate_limited",
            )
        return cleaned
