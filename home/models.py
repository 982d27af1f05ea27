from django.db import models
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail_localize.fields import TranslatableField

from core.models import BasePage, IntroPage
from states.models import StateIndexPage


class SectionTeaserBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock()
    heading = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=300)

    class Meta:
        icon = "link"
        template = "home/blocks/section_teaser.html"


class HomePage(IntroPage):
    page_description = "The entry to the site: one per language."
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "careers.CareerOverviewPage",
        "careers.CareerLadderPage",
        "careers.SkillIndexPage",
        "careers.PathwayPage",
        "states.StateIndexPage",
    ]
    max_count_per_parent = 1

    hero_heading = models.CharField(max_length=120)
    sections = StreamField([("section", SectionTeaserBlock())], blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("hero_heading"), FieldPanel("intro"), FieldPanel("sections")]
    api_fields = [*IntroPage.api_fields, APIField("hero_heading"), APIField("sections")]
    translatable_fields = [
        *IntroPage.translatable_fields,
        TranslatableField("hero_heading"),
        TranslatableField("sections"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        state_index = StateIndexPage.objects.child_of(self).live().first()
        context["state_index"] = state_index
        context["state_pages"] = list(state_index.state_pages()) if state_index else []
        return context
