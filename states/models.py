from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponseRedirect
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.formatting import dollars
from core.models import BasePage, IntroPage
from core.visibility import public

from .compare import comparison
from .jurisdictions import state_code
from .national import sorted_table, tile_map
from .requirements import (
    EDUCATION_LEVELS,
    FEE_ATTRIBUTES,
    FEES,
    FIELD_CHOICES,
    NOT_VERIFIED,
    REQUIREMENT_FIELDS,
    hours,
    yes_no,
)

TRI_STATE_HELP = 'Leave as unknown until a source confirms it: unknown is shown as "not yet verified".'
MAX_FEE = 99_999


def fee_field(verbose_name):
    """A fee in US dollars; empty means not yet verified, 0 means a source says it is free."""
    return models.DecimalField(
        verbose_name,
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_FEE)],
        help_text="US dollars. Empty means not yet verified; 0 only when a source says it is free.",
    )


class StateIndexPage(RoutablePageMixin, IntroPage):
    """Every state, D.C. and territory: a picker and a list of their requirement pages."""

    page_description = "The list of states and their requirements."
    parent_page_types = ["home.HomePage"]
    subpage_types = ["states.StatePage"]
    max_count_per_parent = 1

    def state_pages(self):
        return (
            public(StatePage.objects.child_of(self).live())
            .order_by("title")
            .prefetch_related(
                models.Prefetch("credentials", queryset=StateCredential.objects.select_related("certifying_body"))
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        states = list(self.state_pages())
        context["state_pages"] = states
        context["state_picker_error"] = getattr(request, "state_picker_error", False)
        context["map"] = tile_map(states, request.GET.get("colour", ""))
        context["table"] = sorted_table(states, request.GET.get("sort", "title"), request.GET.get("dir") == "desc")
        return context

    def serve(self, request, view=None, args=None, kwargs=None):
        # Routable pages call their route's view directly, so add the cache headers here too.
        return self.with_cache_headers(request, super().serve(request, view, args, kwargs))

    @path("")
    def index_route(self, request):
        # The state picker submits ?state=fl; send the visitor to that state's page.
        code = request.GET.get("state")
        if code is not None:
            code = state_code(code)
            state = self.state_pages().filter(code=code).first() if code else None
            if state is not None:
                return HttpResponseRedirect(state.url)
            request.state_picker_error = True
        return self.render(request)

    @path("compare/", name="compare")
    def compare(self, request):
        """/states/compare/?states=fl,tx,pa: chosen states side by side, a shareable URL."""
        state_pages = list(self.state_pages())
        context = comparison(state_pages, request.GET.getlist("states"))
        context["only_differences"] = request.GET.get("only") == "differences"
        context["state_pages"] = state_pages
        context["query"] = ",".join(state.code.lower() for state in context["states"])
        return self.render(request, context_overrides=context, template="states/compare.html")


@register_snippet
class CertifyingBody(index.Indexed, models.Model):
    """The organization that grants a credential; shared by the credentials it grants."""

    name = models.CharField(max_length=255)
    url = models.URLField("official website", max_length=500, blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "certifying bodies"
        constraints = [models.UniqueConstraint(fields=["name", "url"], name="unique_certifying_body")]

    def __str__(self):
        return self.name


class StatePage(BasePage):
    """One state's (or D.C.'s, or a territory's) requirements, as typed, sourced fields."""

    page_description = "The peer support requirements of one state, D.C. or territory."
    parent_page_types = ["states.StateIndexPage"]
    subpage_types = []
    # Its translations are kept in a catalogue of its own (core.catalogues).
    one_catalogue_per_page = True

    code = models.CharField(
        max_length=2, help_text="Two-letter postal code, e.g. FL. Short links (/states/fl/) depend on it."
    )
    training_hours = models.PositiveIntegerField(null=True, blank=True, help_text="Empty means not yet verified.")
    training_detail = models.TextField(blank=True, help_text="The course, and which credential the hours apply to.")
    supervised_hours = models.PositiveIntegerField(null=True, blank=True, help_text="Empty means not yet verified.")
    supervised_detail = models.TextField(blank=True)
    exam_required = models.BooleanField(null=True, blank=True, help_text=TRI_STATE_HELP)
    exam_detail = models.TextField(blank=True)
    lived_experience_required = models.BooleanField(null=True, blank=True, help_text=TRI_STATE_HELP)
    lived_experience_wording = models.TextField(blank=True, help_text="How the rules word it.")
    education_minimum = models.CharField(max_length=255, blank=True, help_text="Empty means not yet verified.")
    education_level = models.CharField(
        "least schooling, as a level",
        max_length=20,
        choices=EDUCATION_LEVELS,
        blank=True,
        help_text="What the planning tools compare a visitor's schooling with. Empty means not yet verified.",
    )
    background_check = models.BooleanField(null=True, blank=True, help_text=TRI_STATE_HELP)
    recertification_years = models.PositiveSmallIntegerField("recertification period (years)", null=True, blank=True)
    ceu_hours = models.PositiveSmallIntegerField("continuing-education hours per period", null=True, blank=True)
    recertification_detail = models.TextField(blank=True)
    training_fee = fee_field("training fee")
    application_fee = fee_field("application fee")
    exam_fee = fee_field("exam fee")
    background_check_fee = fee_field("background check fee")
    renewal_fee = fee_field("renewal fee, each period")
    fees = models.TextField(
        "fee details", blank=True, help_text="Anything the figures above cannot say (discounts, who pays, …)."
    )
    ic_rc_reciprocity = models.BooleanField("IC&RC reciprocity", null=True, blank=True, help_text=TRI_STATE_HELP)
    medicaid_billable = models.BooleanField("Medicaid billable", null=True, blank=True, help_text=TRI_STATE_HELP)
    notes = models.TextField(blank=True)
    official_links = StreamField(
        [("link", blocks.StructBlock([("title", blocks.CharBlock(max_length=200)), ("url", blocks.URLBlock())]))],
        blank=True,
        help_text="The certifying body's and the state's own pages about the credential.",
    )
    last_verified_on = models.DateField(null=True, blank=True)
    verified_by = models.CharField(max_length=255, blank=True, help_text="Who checked these requirements.")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("code"),
        InlinePanel("credentials", heading="Credentials", label="Credential"),
        MultiFieldPanel([FieldPanel("training_hours"), FieldPanel("training_detail")], heading="Training"),
        MultiFieldPanel([FieldPanel("supervised_hours"), FieldPanel("supervised_detail")], heading="Supervised hours"),
        MultiFieldPanel([FieldPanel("exam_required"), FieldPanel("exam_detail")], heading="Exam"),
        MultiFieldPanel(
            [FieldPanel("lived_experience_required"), FieldPanel("lived_experience_wording")],
            heading="Lived experience",
        ),
        MultiFieldPanel([FieldPanel("education_minimum"), FieldPanel("education_level")], heading="Education"),
        FieldPanel("background_check"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("recertification_years"), FieldPanel("ceu_hours")]),
                FieldPanel("recertification_detail"),
            ],
            heading="Recertification",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("training_fee"), FieldPanel("application_fee"), FieldPanel("exam_fee")]),
                FieldRowPanel([FieldPanel("background_check_fee"), FieldPanel("renewal_fee")]),
                FieldPanel("fees"),
            ],
            heading="Fees",
        ),
        FieldRowPanel([FieldPanel("ic_rc_reciprocity"), FieldPanel("medicaid_billable")]),
        FieldPanel("notes"),
        FieldPanel("official_links"),
        InlinePanel("sources", heading="Sources", label="Source"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("last_verified_on"), FieldPanel("verified_by")])], heading="Verification"
        ),
        InlinePanel("changes", heading="What changed", label="Change"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("code", boost=3),
        index.AutocompleteField("code"),
        index.RelatedFields(
            "credentials",
            [
                index.SearchField("name", boost=2),
                index.SearchField("abbreviation", boost=3),
                index.AutocompleteField("abbreviation"),
            ],
        ),
        index.SearchField("training_detail"),
        index.SearchField("notes"),
        index.FilterField("code"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("code"),
        APIField("credentials"),
        APIField("training_hours"),
        APIField("training_detail"),
        APIField("supervised_hours"),
        APIField("supervised_detail"),
        APIField("exam_required"),
        APIField("exam_detail"),
        APIField("lived_experience_required"),
        APIField("lived_experience_wording"),
        APIField("education_minimum"),
        APIField("education_level"),
        APIField("background_check"),
        APIField("recertification_years"),
        APIField("ceu_hours"),
        APIField("recertification_detail"),
        *[APIField(attribute) for attribute in FEE_ATTRIBUTES],
        APIField("fees"),
        APIField("ic_rc_reciprocity"),
        APIField("medicaid_billable"),
        APIField("notes"),
        APIField("official_links"),
        APIField("last_verified_on"),
        APIField("sources"),
        APIField("changes"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        SynchronizedField("code"),
        TranslatableField("credentials"),
        SynchronizedField("training_hours"),
        TranslatableField("training_detail"),
        SynchronizedField("supervised_hours"),
        TranslatableField("supervised_detail"),
        SynchronizedField("exam_required"),
        TranslatableField("exam_detail"),
        SynchronizedField("lived_experience_required"),
        TranslatableField("lived_experience_wording"),
        TranslatableField("education_minimum"),
        SynchronizedField("education_level"),
        SynchronizedField("background_check"),
        SynchronizedField("recertification_years"),
        SynchronizedField("ceu_hours"),
        TranslatableField("recertification_detail"),
        *[SynchronizedField(attribute) for attribute in FEE_ATTRIBUTES],
        TranslatableField("fees"),
        SynchronizedField("ic_rc_reciprocity"),
        SynchronizedField("medicaid_billable"),
        TranslatableField("notes"),
        TranslatableField("official_links"),
        SynchronizedField("sources"),
        SynchronizedField("last_verified_on"),
        TranslatableField("verified_by"),
        TranslatableField("changes"),
    ]

    class Meta:
        verbose_name = "state page"

    def clean(self):
        super().clean()
        self.code = (self.code or "").strip().upper()
        if len(self.code) != 2 or not self.code.isalpha():
            raise ValidationError({"code": "Use the two-letter postal code, e.g. FL."})
        clash = StatePage.objects.filter(code=self.code, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and clash.exists():
            raise ValidationError({"code": f"{clash.first().title} already uses the code {self.code}."})
        if self.recertification_years == 0:
            raise ValidationError(
                {"recertification_years": "A period of 0 years makes no sense; leave it empty if unknown."}
            )
        # A fee for a step the page says is not asked for is a contradiction an editor must settle.
        if self.exam_required is False and self.exam_fee is not None:
            raise ValidationError({"exam_fee": "The page says no exam is required; remove the fee or change that."})
        if self.background_check is False and self.background_check_fee is not None:
            raise ValidationError(
                {"background_check_fee": "The page says no background check is asked; remove the fee or change that."}
            )

    def summary_text(self):
        return self.search_description or gettext("Peer support certification requirements in %(state)s.") % {
            "state": self.title
        }

    def get_context(self, request, *args, **kwargs):
        from .reports import OutdatedReportForm

        context = super().get_context(request, *args, **kwargs)
        context["report_form"] = OutdatedReportForm()
        return context

    @cached_property
    def credential_list(self):
        if "credentials" in getattr(self, "_prefetched_objects_cache", {}):
            return list(self.credentials.all())
        return list(self.credentials.select_related("certifying_body"))

    @cached_property
    def source_list(self):
        return list(self.sources.all())

    @property
    def source_count(self):
        """Distinct public sources behind this page's values."""
        return len({source.url for source in self.source_list})

    def sources_for(self, key):
        return [source for source in self.source_list if source.field == key]

    @property
    def has_certification(self):
        """Whether a sourced credential exists: None while not yet verified."""
        return True if self.credential_list else None

    def value_of(self, key):
        """The value of a requirement as words, or None when not yet verified."""
        if key == "credentials":
            return self.credential_list or None
        if key == "training_hours":
            return hours(self.training_hours)
        if key == "supervised_hours":
            return hours(self.supervised_hours)
        if key == "exam":
            return yes_no(self.exam_required)
        if key == "lived_experience_required":
            return yes_no(self.lived_experience_required)
        if key == "education_minimum":
            return self.education_minimum or None
        if key == "background_check":
            return yes_no(self.background_check)
        if key == "recertification":
            parts = []
            if self.recertification_years:
                parts.append(
                    ngettext("Every year", "Every %(years)s years", self.recertification_years)
                    % {"years": self.recertification_years}
                )
            if self.ceu_hours is not None:
                parts.append(
                    ngettext(
                        "%(hours)s continuing-education hour", "%(hours)s continuing-education hours", self.ceu_hours
                    )
                    % {"hours": number_format(self.ceu_hours, force_grouping=True)}
                )
            return ", ".join(parts) if parts else None
        if key == "fees":
            return self.fee_summary()
        if key == "ic_rc_reciprocity":
            return yes_no(self.ic_rc_reciprocity)
        if key == "medicaid_billable":
            return yes_no(self.medicaid_billable)
        if key == "notes":
            return self.notes or None
        raise KeyError(key)

    def known_fees(self):
        """(label, amount) for each fee a source has given, in the order they are paid."""
        return [(fee.label, getattr(self, fee.attribute)) for fee in FEES if getattr(self, fee.attribute) is not None]

    def fee_summary(self):
        """One line per known fee, then the editors' fee details; None when nothing is known."""
        lines = [
            gettext("%(fee)s: %(amount)s") % {"fee": label, "amount": dollars(amount)}
            for label, amount in self.known_fees()
        ]
        if self.fees:
            lines.append(self.fees)
        return "\n".join(lines) or None

    DETAIL_FIELDS = {
        "training_hours": "training_detail",
        "supervised_hours": "supervised_detail",
        "exam": "exam_detail",
        "lived_experience_required": "lived_experience_wording",
        "recertification": "recertification_detail",
    }

    def requirement_sections(self):
        """Every requirement with its anchor, value (None = not yet verified), detail and sources."""
        return [
            {
                "field": field,
                "value": self.value_of(field.key),
                "detail": getattr(self, self.DETAIL_FIELDS[field.key]) if field.key in self.DETAIL_FIELDS else "",
                "sources": self.sources_for(field.key),
            }
            for field in REQUIREMENT_FIELDS
        ]

    not_verified_label = NOT_VERIFIED

    @property
    def language_query(self):
        """What short links and the embed card add to ask for this page's language."""
        return "" if self.locale_id == Locale.get_default().pk else f"?lang={self.locale.language_code}"


class StateCredential(TranslatableMixin, Orderable):
    page = ParentalKey(StatePage, on_delete=models.CASCADE, related_name="credentials")
    name = models.CharField(max_length=255)
    abbreviation = models.CharField(max_length=60, blank=True)
    certifying_body = models.ForeignKey(
        CertifyingBody, null=True, blank=True, on_delete=models.PROTECT, related_name="credentials"
    )

    panels = [FieldPanel("name"), FieldPanel("abbreviation"), FieldPanel("certifying_body")]
    # Official names stay as the board writes them unless a translator has reason to change them.
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("abbreviation"),
        SynchronizedField("certifying_body"),
    ]
    api_fields = [
        APIField("name"),
        APIField("abbreviation"),
        APIField("certifying_body_name"),
        APIField("certifying_body_url"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    def __str__(self):
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name

    @property
    def certifying_body_name(self):
        return self.certifying_body.name if self.certifying_body else None

    @property
    def certifying_body_url(self):
        return (self.certifying_body.url or None) if self.certifying_body else None


class StateSource(TranslatableMixin, Orderable):
    """A public source for one requirement field, with the words that support it."""

    page = ParentalKey(StatePage, on_delete=models.CASCADE, related_name="sources")
    field = models.CharField("supports", max_length=40, choices=FIELD_CHOICES)
    url = models.URLField(max_length=1000)
    quote = models.TextField("supporting quote", help_text="The source's own words, kept short.")
    source_date = models.CharField(
        max_length=10, blank=True, help_text="The date the source itself shows, as it shows it (2024, 2024-09 …)."
    )
    read_on = models.DateField(help_text="When we read the source.")

    panels = [
        FieldPanel("field"),
        FieldPanel("url"),
        FieldPanel("quote"),
        FieldRowPanel([FieldPanel("source_date"), FieldPanel("read_on")]),
    ]
    api_fields = [APIField("field"), APIField("url"), APIField("quote"), APIField("source_date"), APIField("read_on")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass

    @property
    def host(self):
        return urlsplit(self.url).hostname or self.url


class RequirementChange(TranslatableMixin, Orderable):
    """A public entry in a state's "What changed" history."""

    page = ParentalKey(StatePage, on_delete=models.CASCADE, related_name="changes")
    changed_on = models.DateField()
    summary = models.CharField(max_length=500)

    panels = [FieldPanel("changed_on"), FieldPanel("summary")]
    translatable_fields = [SynchronizedField("changed_on"), TranslatableField("summary")]
    api_fields = [APIField("changed_on"), APIField("summary")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-changed_on", "sort_order"]


class OutdatedReport(models.Model):
    """A report that a state's requirement looks outdated, for editors to check."""

    page = models.ForeignKey(StatePage, on_delete=models.CASCADE, related_name="outdated_reports")
    field = models.CharField("part of the page", max_length=40, choices=FIELD_CHOICES, blank=True)
    message = models.TextField()
    source_url = models.URLField(max_length=1000, blank=True)
    email = models.EmailField(blank=True)
    sender_hash = models.CharField(max_length=64, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    handled = models.BooleanField(default=False, help_text="Tick once the page has been checked.")

    panels = [
        FieldPanel("page", read_only=True),
        FieldPanel("field", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("source_url", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("handled"),
    ]

    class Meta:
        ordering = ["handled", "-created_at"]
        verbose_name = "outdated-information report"

    def __str__(self):
        return f"{self.page.title}: {self.message[:60]}"
