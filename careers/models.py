"""The career section: overview, ladder and stages, skill guides, the path in."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.formatting import dollars
from core.models import BasePage, IntroPage
from core.serializers import CitationSerializer
from core.visibility import public
from states.models import StateIndexPage

from .blocks import FAQBlock, OverviewStreamBlock, StepBlock, TipBlock
from .salary import salary_chart, salary_json_ld
from .serializers import PageLinkSerializer, TrainingTopicSerializer

INTRO_FEATURES = ["bold", "italic", "link"]
BODY_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class CareerOverviewPage(IntroPage):
    page_description = "What peer support work is: the role, the kinds of support, settings, supervision and FAQs."
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    intro = RichTextField(features=INTRO_FEATURES)
    body = StreamField(OverviewStreamBlock())
    faqs = StreamField([("faq", FAQBlock())], blank=True, verbose_name="FAQs")

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body"), FieldPanel("faqs")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("faqs"),
    ]
    api_fields = [*BasePage.api_fields, APIField("intro"), APIField("body"), APIField("faqs")]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
        TranslatableField("faqs"),
    ]

    def summary_text(self):
        return self.search_description or self.intro

    def get_json_ld(self, request):
        records = super().get_json_ld(request)
        if self.faqs:
            records.append(
                {
                    "@context": "https://schema.org",
                    "@type": "FAQPage",
                    "mainEntity": [
                        {
                            "@type": "Question",
                            "name": faq.value["question"],
                            "acceptedAnswer": {"@type": "Answer", "text": faq.value["answer"].source},
                        }
                        for faq in self.faqs
                    ],
                }
            )
        return records


class CareerLadderPage(IntroPage):
    page_description = "The career ladder: lists its stages in order, with every salary band and its source."
    parent_page_types = ["home.HomePage"]
    subpage_types = ["careers.CareerStagePage"]
    max_count_per_parent = 1

    @cached_property
    def stages(self):
        return list(
            public(CareerStagePage.objects.child_of(self).live())
            .order_by("position", "path")
            .prefetch_related("salary_bands__source")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stages"] = self.stages
        context["chart"] = salary_chart(self.stages)
        return context

    def get_json_ld(self, request):
        return [*super().get_json_ld(request), *(stage.occupation_json_ld(request) for stage in self.stages)]


class CareerStagePage(BasePage):
    page_description = "One stage of the career ladder, with its salary bands."
    parent_page_types = ["careers.CareerLadderPage"]
    subpage_types = []

    position = models.PositiveSmallIntegerField(help_text="Where this stage sits on the ladder: 1 is the first step.")
    alternative_titles = StreamField(
        [("title", blocks.CharBlock(max_length=120))],
        blank=True,
        help_text="Other names employers and guides use for this stage.",
    )
    years_min = models.PositiveSmallIntegerField(
        "experience from (years)", null=True, blank=True, help_text="Leave empty when no source gives a figure."
    )
    years_max = models.PositiveSmallIntegerField(
        "experience to (years)", null=True, blank=True, help_text="Leave empty for an open-ended range such as 5+."
    )
    summary = models.CharField(max_length=250, help_text="One sentence shown on the ladder.")
    description = RichTextField(features=BODY_FEATURES)
    responsibilities = StreamField([("item", blocks.CharBlock(max_length=300))], blank=True)
    tips = StreamField([("tip", TipBlock())], blank=True, verbose_name="tips for success")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("position"),
        FieldPanel("summary"),
        FieldPanel("alternative_titles"),
        FieldRowPanel([FieldPanel("years_min"), FieldPanel("years_max")], heading="Years of experience"),
        FieldPanel("description"),
        FieldPanel("responsibilities"),
        FieldPanel("tips"),
        MultiFieldPanel(
            [InlinePanel("salary_bands", label="Salary band")],
            heading="Salary bands",
            help_text="One band per source; never merge or average sources.",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("alternative_titles", boost=2),
        index.SearchField("description"),
        index.SearchField("responsibilities"),
        index.SearchField("tips"),
        index.FilterField("position"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("position"),
        APIField("alternative_titles"),
        APIField("years_min"),
        APIField("years_max"),
        APIField("summary"),
        APIField("description"),
        APIField("responsibilities"),
        APIField("tips"),
        APIField("salary_bands"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("alternative_titles"),
        TranslatableField("description"),
        TranslatableField("responsibilities"),
        TranslatableField("tips"),
        TranslatableField("salary_bands"),
        SynchronizedField("position"),
        SynchronizedField("years_min"),
        SynchronizedField("years_max"),
    ]

    class Meta:
        verbose_name = "career stage page"

    def clean(self):
        super().clean()
        if self.years_min is not None and self.years_max is not None and self.years_min > self.years_max:
            raise ValidationError({"years_max": "The upper bound of experience cannot be below the lower bound."})

    def summary_text(self):
        return self.search_description or self.summary

    @property
    def years_label(self):
        if self.years_min is None and self.years_max is None:
            return ""
        if self.years_max is None:
            return gettext("%(low)s+ years") % {"low": self.years_min}
        return gettext("%(low)s–%(high)s years") % {"low": self.years_min or 0, "high": self.years_max}

    def get_next_stage(self):
        return (
            public(CareerStagePage.objects.sibling_of(self, inclusive=False).live())
            .filter(position__gt=self.position)
            .order_by("position", "path")
            .first()
        )

    @cached_property
    def bands(self):
        return list(self.salary_bands.select_related("source"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bands"] = self.bands
        context["next_stage"] = self.get_next_stage()
        # Translated skill guides keep their English twin's stage links (wagtail-localize
        # copies many-to-many links as they are), so skills are matched by translation key.
        context["skills"] = list(
            public(SkillPage.objects.live())
            .filter(locale_id=self.locale_id, stages__translation_key=self.translation_key)
            .distinct()
            .order_by("title")
            .only("id", "title", "url_path", "path", "depth")
        )
        return context

    def occupation_json_ld(self, request, bands=None):
        bands = self.salary_bands.all() if bands is None else bands
        record = {
            "@context": "https://schema.org",
            "@type": "Occupation",
            "name": self.title,
            "description": self.summary,
            "url": self.get_full_url(request),
            "occupationLocation": {"@type": "Country", "name": "United States"},
            "estimatedSalary": [salary_json_ld(band) for band in bands],
        }
        alternates = [block.value for block in self.alternative_titles]
        if alternates:
            record["alternateName"] = alternates
        if self.years_label:
            record["experienceRequirements"] = {
                "@type": "OccupationalExperienceRequirements",
                "monthsOfExperience": (self.years_min or 0) * 12,
            }
        return record

    def get_json_ld(self, request):
        return [*super().get_json_ld(request), self.occupation_json_ld(request, self.bands)]


class SalaryBand(TranslatableMixin, Orderable):
    """One source's pay range for one stage. Sources disagree; each band keeps its own."""

    CURRENCY_CHOICES = [("USD", _("US dollars"))]
    PERIOD_CHOICES = [("year", _("per year")), ("month", _("per month")), ("hour", _("per hour"))]

    page = ParentalKey(CareerStagePage, on_delete=models.CASCADE, related_name="salary_bands")
    source = models.ForeignKey("core.Citation", on_delete=models.PROTECT, related_name="salary_bands")
    label_in_source = models.CharField(max_length=150, help_text="What the source calls this stage.")
    minimum = models.PositiveIntegerField(help_text="Whole units of the currency, e.g. 30000.")
    maximum = models.PositiveIntegerField(null=True, blank=True, help_text="Leave empty only for an open-ended top.")
    open_ended = models.BooleanField(
        "open-ended top", default=False, help_text='Tick where the source writes "+" after the top figure.'
    )
    currency = models.CharField(max_length=3, choices=CURRENCY_CHOICES, default="USD")
    period = models.CharField(max_length=5, choices=PERIOD_CHOICES, default="year")
    note = models.CharField(max_length=400, blank=True)

    panels = [
        FieldPanel("source"),
        FieldPanel("label_in_source"),
        FieldRowPanel([FieldPanel("minimum"), FieldPanel("maximum"), FieldPanel("open_ended")]),
        FieldRowPanel([FieldPanel("currency"), FieldPanel("period")]),
        FieldPanel("note"),
    ]
    translatable_fields = [
        SynchronizedField("source"),
        TranslatableField("label_in_source"),
        SynchronizedField("minimum"),
        SynchronizedField("maximum"),
        SynchronizedField("open_ended"),
        SynchronizedField("currency"),
        SynchronizedField("period"),
        TranslatableField("note"),
    ]
    api_fields = [
        APIField("label_in_source"),
        APIField("minimum"),
        APIField("maximum"),
        APIField("open_ended"),
        APIField("currency"),
        APIField("period"),
        APIField("note"),
        APIField("source", serializer=CitationSerializer()),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = "salary band"

    def __str__(self):
        return f"{self.label_in_source}: {self.range_label}"

    def clean(self):
        super().clean()
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValidationError(
                {
                    "maximum": (
                        f"The maximum (${self.maximum:,}) is below the minimum (${self.minimum:,}). "
                        "Check the figures against the source."
                    )
                }
            )
        if self.maximum is None and not self.open_ended:
            raise ValidationError({"maximum": 'Give a maximum, or tick "open-ended top" if the source has none.'})

    @property
    def range_label(self):
        low = dollars(self.minimum)
        if self.maximum is None:
            return f"{low}+"
        return f"{low} – {dollars(self.maximum)}{'+' if self.open_ended else ''}"

    @property
    def period_label(self):
        return dict(self.PERIOD_CHOICES)[self.period]


@register_snippet
class TrainingTopic(TranslatableMixin, index.Indexed, models.Model):
    """A subject that peer support training programs teach, shared by the skills that use it."""

    name = models.CharField(max_length=120)
    key = models.SlugField(max_length=120, help_text="A stable identifier; not shown to visitors.")
    description = RichTextField(features=INTRO_FEATURES, blank=True)

    panels = [FieldPanel("name"), FieldPanel("key"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("locale_id")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("key"), TranslatableField("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("key", "locale")]

    def __str__(self):
        return self.name


class SkillIndexPage(IntroPage):
    page_description = "Lists every skill guide."
    parent_page_types = ["home.HomePage"]
    subpage_types = ["careers.SkillPage"]
    max_count_per_parent = 1

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["skills"] = list(
            public(SkillPage.objects.child_of(self).live())
            .order_by("title")
            .defer_streamfields()
            .only("id", "title", "summary", "url_path", "path", "depth", "locale_id")
        )
        return context


class SkillPage(BasePage):
    page_description = "A guide to one skill: what it is, why it matters, how to build it, how training checks it."
    parent_page_types = ["careers.SkillIndexPage"]
    subpage_types = []

    summary = models.CharField(max_length=250)
    what_it_is = RichTextField(features=BODY_FEATURES)
    why_it_matters = RichTextField(features=BODY_FEATURES)
    how_to_build = RichTextField(features=BODY_FEATURES)
    how_assessed = RichTextField("how training assesses it", features=BODY_FEATURES)
    stages = ParentalManyToManyField(CareerStagePage, blank=True, related_name="skills")
    training_topics = ParentalManyToManyField(TrainingTopic, blank=True, related_name="skills")

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("what_it_is"),
        FieldPanel("why_it_matters"),
        FieldPanel("how_to_build"),
        FieldPanel("how_assessed"),
        FieldPanel("stages", widget=forms.CheckboxSelectMultiple),
        FieldPanel("training_topics", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("what_it_is"),
        index.SearchField("why_it_matters"),
        index.SearchField("how_to_build"),
        index.SearchField("how_assessed"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("summary"),
        APIField("what_it_is"),
        APIField("why_it_matters"),
        APIField("how_to_build"),
        APIField("how_assessed"),
        # In the page's own language (see localized_stages).
        APIField("stages", serializer=PageLinkSerializer(many=True, source="localized_stages")),
        APIField("training_topics", serializer=TrainingTopicSerializer(many=True, source="localized_training_topics")),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("summary"),
        TranslatableField("what_it_is"),
        TranslatableField("why_it_matters"),
        TranslatableField("how_to_build"),
        TranslatableField("how_assessed"),
        SynchronizedField("stages"),
        SynchronizedField("training_topics"),
    ]

    def summary_text(self):
        return self.search_description or self.summary

    # wagtail-localize copies many-to-many links as they are (a Spanish guide
    # keeps its English twin's stages and topics); each is shown in this page's language.
    @cached_property
    def localized_stages(self):
        return list(
            public(CareerStagePage.objects.live())
            .filter(locale_id=self.locale_id, translation_key__in=self.stages.values("translation_key"))
            .order_by("position")
            .only("id", "title", "url_path", "path", "depth", "position")
        )

    @cached_property
    def localized_training_topics(self):
        return list(
            TrainingTopic.objects.filter(
                locale_id=self.locale_id, translation_key__in=self.training_topics.values("translation_key")
            )
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["skill_stages"] = self.localized_stages
        context["skill_topics"] = self.localized_training_topics
        return context


class PathwayPage(IntroPage):
    page_description = "The ordered steps into peer support work, each with its own anchor."
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    steps = StreamField([("step", StepBlock())])

    content_panels = [*IntroPage.content_panels, FieldPanel("steps")]
    search_fields = [*IntroPage.search_fields, index.SearchField("steps")]
    api_fields = [*IntroPage.api_fields, APIField("steps")]
    translatable_fields = [*IntroPage.translatable_fields, TranslatableField("steps")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Steps that vary by state point at the state requirements.
        context["state_index"] = StateIndexPage.objects.sibling_of(self).live().first()
        return context

    def get_json_ld(self, request):
        url = self.get_full_url(request)
        return [
            *super().get_json_ld(request),
            {
                "@context": "https://schema.org",
                "@type": "HowTo",
                "name": self.title,
                "step": [
                    {
                        "@type": "HowToStep",
                        "position": i,
                        "name": step.value["title"],
                        "url": f"{url}#{step.value['anchor']}",
                    }
                    for i, step in enumerate(self.steps, start=1)
                ],
            },
        ]
