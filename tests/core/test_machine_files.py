"""sitemap.xml and robots.txt, for search engines."""

import re

from django.conf import settings
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.sitemaps import PagesInEveryLanguage
from tests.sitemap import sitemap_page_paths, whole_sitemap


def test_robots_points_to_the_sitemap_and_keeps_out_of_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_xml_is_an_index_of_sitemap_pages(client, seeded):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<sitemapindex" in body and "<urlset" not in body
    # The seeded pages were published, so the index knows when its pages last changed.
    assert "<lastmod>" in body and response.has_header("Last-Modified")
    # The pages, then the planning tools' forms (issue 8), which are not Wagtail pages.
    assert sitemap_page_paths(client) == ["/sitemap-pages.xml", "/sitemap-tools.xml"]
    assert client.get("/sitemap-pages.xml?p=2").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_lists_live_pages_only(client, home):
    from tests.factories import CareerLadderPageFactory, SkillIndexPageFactory

    CareerLadderPageFactory(parent=home)
    SkillIndexPageFactory(parent=home, live=False)
    body = whole_sitemap(client)
    assert "<loc>http://testserver/en/career-ladder/</loc>" in body
    assert "/en/skills/" not in body


def test_a_site_larger_than_one_sitemap_page_is_split_into_pages_the_index_lists(client, seeded, monkeypatch):
    monkeypatch.setattr(PagesInEveryLanguage, "limit", 10)
    expected = {page.get_full_url() for page in Page.objects.live().public().filter(depth__gt=1, alias_of=None)}
    assert len(expected) > 20

    paths = [path for path in sitemap_page_paths(client) if path.startswith("/sitemap-pages.xml")]
    assert paths == ["/sitemap-pages.xml"] + [f"/sitemap-pages.xml?p={number}" for number in range(2, len(paths) + 1)]
    listed = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200
        locations = re.findall(r"<url>\s*<loc>([^<]+)</loc>", response.content.decode())
        assert 0 < len(locations) <= 10
        listed += locations
    assert len(listed) == len(set(listed))
    assert set(listed) == expected
    assert len(paths) == -(-len(expected) // 10)
    assert client.get(f"/sitemap-pages.xml?p={len(paths) + 1}").status_code == 404


@override_settings(
    CACHES={
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "sitemap-totals"},
    }
)
def test_the_sitemap_index_counts_the_pages_once_per_content_change(client, seeded, page_cache_off):
    def index_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap.xml").status_code == 200
        return len(queries)

    first, second = index_queries(), index_queries()
    assert second == first - 1
    page = Page.objects.live().filter(depth=3).first().specific
    page.save_revision().publish()
    assert index_queries() == first
