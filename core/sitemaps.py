"""sitemap.xml: every live public page in every language, each with its twins.

/sitemap.xml is an index of sitemap pages of at most `limit` pages each, so
that neither the index nor any one sitemap page grows with the site."""

from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from .page_cache import current_generation
from .visibility import public, without_aliases


class PagesInEveryLanguage(Sitemap):
    """Wagtail's sitemap lists the pages below the site's root page, which is
    one language's home; the other languages' homes are its translations.
    An instance serves one request."""

    # Far below the protocol's 50,000: a sitemap page is made in bounded time
    # however many pages the site has, and no slower than the whole starting
    # site's sitemap (about 170 pages) within issue 7's 1.5x (`make bench-scale`).
    limit = 250

    @cached_property
    def visible_pages(self):
        """Built once per request: the visibility rules each cost queries."""
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = Q()
        for root in roots:
            in_site |= Q(path__startswith=root.path)
        return without_aliases(public(Page.objects.live().filter(in_site)))

    def site_pages(self):
        return self.visible_pages.all()

    def items(self):
        return self.site_pages().order_by("path").defer_streamfields().specific()

    @cached_property
    def totals(self):
        """How many pages there are and when the latest changed, in one pass:
        the index needs both, and Django's default lastmod loads every page.
        Counting reads every page, so it is done once per content change (the
        page cache's generation), not on every crawler's visit."""
        try:
            key = f"sitemap-totals:{current_generation()}:{self.get_wagtail_site().pk}"
        except Exception:  # the page cache is down: count afresh
            key = None
        totals = cache.get(key) if key else None
        if totals is None:
            totals = self.site_pages().aggregate(
                count=Count("pk"), latest=Max(Coalesce("last_published_at", "latest_revision_created_at"))
            )
            if key:
                cache.set(key, totals, timeout=settings.PAGE_CACHE_SECONDS)
        return totals

    def get_latest_lastmod(self):
        return self.totals["latest"]

    @property
    def paginator(self):
        paginator = super().paginator
        paginator.count = self.totals["count"]  # known already: no second pass to count
        return paginator

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        languages = dict(Locale.objects.values_list("id", "language_code"))
        # Every language version of each page here: those on this sitemap page
        # are in hand; the others are fetched. Most pages of a large site have
        # no twin, and skip the alternates and making their URL twice.
        versions = defaultdict(list)
        for item in pages:
            versions[item.translation_key].append(item)
        for twin in (
            self.site_pages()
            .filter(translation_key__in=list(versions))
            .exclude(id__in=[item.id for item in pages])
            .only("id", "url_path", "translation_key", "locale_id")
        ):
            versions[twin.translation_key].append(twin)
        locations = {}

        def location(version):
            if version.id not in locations:
                locations[version.id] = version.get_full_url(self.request)
            return locations[version.id]

        urls = []
        for item in pages:
            same = sorted(versions[item.translation_key], key=lambda version: languages[version.locale_id])
            for info in item.get_sitemap_urls(self.request):
                if len(same) > 1:
                    info["alternates"] = [
                        {"lang_code": languages[version.locale_id], "location": location(version)} for version in same
                    ]
                urls.append(info)
        lastmods = {info.get("lastmod") for info in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
