"""sitemap.xml: every live public page in every language, each with its twins."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .visibility import public, without_aliases


class PagesInEveryLanguage(Sitemap):
    """Wagtail's sitemap lists the pages below the site's root page, which is
    one language's home; the other languages' homes are its translations."""

    def site_pages(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_site = Q()
        for root in roots:
            in_site |= Q(path__startswith=root.path)
        return without_aliases(public(Page.objects.live().filter(in_site)))

    def items(self):
        return self.site_pages().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        twins = defaultdict(list)
        for twin in (
            self.site_pages()
            .filter(translation_key__in={page.translation_key for page in pages})
            .select_related("locale")
            .only("id", "url_path", "translation_key", "locale__language_code")
        ):
            twins[twin.translation_key].append(twin)
        urls = []
        for item in pages:
            for info in item.get_sitemap_urls(self.request):
                alternates = [
                    {"lang_code": twin.locale.language_code, "location": twin.get_full_url(self.request)}
                    for twin in sorted(twins[item.translation_key], key=lambda twin: twin.locale.language_code)
                ]
                if len(alternates) > 1:
                    info["alternates"] = alternates
                urls.append(info)
        lastmods = {info.get("lastmod") for info in urls}
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
