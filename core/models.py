"""The shared page kit: one abstract base page and the citation snippet."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .page_cache import may_be_shared, share_with_every_visitor
from .panels import TranslationStatusPanel


class BasePage(Page):
    """What every page shares: SEO and social fields, JSON-LD, breadcrumbs,
    cache headers and the translation policy."""

    social_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a link to this page is shared (1200 × 630 works best).",
    )
    social_text = models.CharField(
        max_length=200,
        blank=True,
        help_text="Description for link previews; the search description is used when empty.",
    )

    content_panels = [*Page.content_panels, TranslationStatusPanel(heading="Translations")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading="Link previews"),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_description", boost=2),
        # Lets the search index be checked against the database page by page
        # (search.indexing.reconcile), and translation aliases be left out.
        index.FilterField("live_revision"),
        index.FilterField("alias_of"),
    ]

    api_fields = [APIField("search_description"), APIField("last_published_at")]

    # Editors translate words; structure and shared records stay in step.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("social_text"),
        SynchronizedField("slug"),
        SynchronizedField("social_image"),
    ]

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        return self.with_cache_headers(request, super().serve(request, *args, **kwargs))

    def with_cache_headers(self, request, response):
        if may_be_shared(request, response):
            share_with_every_visitor(response)
        return response

    def summary_text(self):
        """A plain-text description for meta tags, cards and JSON-LD."""
        return self.search_description or ""

    def get_meta_description(self):
        return Truncator(strip_tags(self.summary_text())).chars(160)

    def get_social_description(self):
        return self.social_text or self.get_meta_description()

    @cached_property
    def breadcrumbs(self):
        """Ancestors below the root, fetched once for the template and JSON-LD."""
        return list(
            self.get_ancestors().filter(depth__gt=1).only("id", "title", "url_path", "depth", "path", "numchild")
        )

    def get_json_ld(self, request):
        """schema.org records for this page; page types add their own."""
        url = self.get_full_url(request)
        crumbs = [*self.breadcrumbs, self]
        return [
            {
                "@context": "https://schema.org",
                "@type": "WebPage",
                "name": self.seo_title or self.title,
                "description": self.get_meta_description(),
                "url": url,
                "inLanguage": self.locale.language_code,
                "dateModified": self.last_published_at.isoformat() if self.last_published_at else None,
            },
            {
                "@context": "https://schema.org",
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {"@type": "ListItem", "position": i, "name": crumb.title, "item": crumb.get_full_url(request)}
                    for i, crumb in enumerate(crumbs, start=1)
                ],
            },
        ]


class IntroPage(BasePage):
    """A page that opens with an introduction; most of the site's pages do."""

    intro = RichTextField(features=["bold", "italic", "link", "ul", "ol"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    api_fields = [*BasePage.api_fields, APIField("intro")]
    translatable_fields = [*BasePage.translatable_fields, TranslatableField("intro")]

    class Meta:
        abstract = True

    def summary_text(self):
        return self.search_description or self.intro


@register_snippet
class Citation(index.Indexed, models.Model):
    """A source that a figure on the site rests on, shared by every value that cites it."""

    title = models.CharField(max_length=255, help_text="The source's own title.")
    publisher = models.CharField(max_length=255, help_text="Who published it.")
    url = models.URLField(max_length=500, blank=True, help_text="Leave empty only if the source has no public address.")
    published_on = models.DateField(null=True, blank=True, help_text="The date the source shows, if any.")
    accessed_on = models.DateField(help_text="When we last read it.")
    note = models.TextField(blank=True, help_text="Anything a reader should know about this source.")

    panels = [
        FieldPanel("title"),
        FieldPanel("publisher"),
        FieldPanel("url"),
        FieldPanel("published_on"),
        FieldPanel("accessed_on"),
        FieldPanel("note"),
    ]

    search_fields = [index.SearchField("title"), index.SearchField("publisher"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["title"]

    def __str__(self):
        return f"{self.title} ({self.publisher})"

    def clean(self):
        super().clean()
        if self.published_on and self.accessed_on and self.published_on > self.accessed_on:
            raise ValidationError({"published_on": "A source cannot be published after the date we read it."})

    @property
    def date_label(self):
        return self.published_on or self.accessed_on
