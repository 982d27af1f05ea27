import unicodedata

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


def fold(text):
    """Lower case without accents: how search compares words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class SearchSynonym(index.Indexed, models.Model):
    """Words visitors use for the same thing: a credential's abbreviation and its
    name, a job title and its other titles. A search for any of them also
    searches for the others. Editors change these in the admin; a change applies
    to the next search."""

    terms = models.TextField(
        help_text=_('Comma-separated, e.g. "CPRS, certified peer recovery specialist". At least two.'),
    )
    language = models.CharField(
        max_length=8,
        blank=True,
        choices=[("", _("Every language")), *settings.LANGUAGES],
        help_text=_("Searches in which language use this group."),
    )

    panels = [FieldPanel("terms"), FieldPanel("language")]
    search_fields = [index.SearchField("terms"), index.AutocompleteField("terms")]

    class Meta:
        ordering = ["terms"]
        verbose_name = _("search synonym group")

    def __str__(self):
        return self.terms

    @property
    def term_list(self):
        return [term for term in (" ".join(part.split()) for part in self.terms.split(",")) if term]

    def clean(self):
        terms = self.term_list
        if len(terms) < 2:
            raise ValidationError({"terms": _("List at least two terms, separated by commas.")})
        if len({fold(term) for term in terms}) < len(terms):
            raise ValidationError({"terms": _("A term is listed twice.")})


class PendingIndexUpdate(models.Model):
    """An object whose change Elasticsearch missed because it could not be
    reached. `search.indexing.catch_up` replays these once it answers again."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    missed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="unique_pending_index_update"),
        ]

    def __str__(self):
        return f"{self.content_type} {self.object_id}"


class ZeroResultQuery(models.Model):
    """Searches that found nothing, counted per day: what the site is missing."""

    query_string = models.CharField(max_length=255)
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query_string", "date"], name="unique_zero_result_query_day"),
        ]

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string):
        row, _created = cls.objects.get_or_create(query_string=query_string[:255], date=timezone.localdate())
        cls.objects.filter(pk=row.pk).update(hits=models.F("hits") + 1)
