"""What every page gives search engines, link previews and assistive technology."""

import json

import pytest
from django.urls import reverse

from tests import factories
from tests.html import parse


@pytest.fixture
def ladder_page(home):
    return factories.CareerLadderPageFactory(
        parent=home, title="Career ladder", search_description="From first job to director, with pay."
    )


def test_title_description_and_canonical(client, ladder_page):
    page = parse(client.get(ladder_page.url))
    assert page.title.get_text() == "Career ladder | Peer Support Careers"
    assert page.find("meta", attrs={"name": "description"})["content"] == "From first job to director, with pay."
    assert page.find("link", rel="canonical")["href"] == "http://testserver/en/career-ladder/"


def test_open_graph_tags_for_link_previews(client, ladder_page):
    page = parse(client.get(ladder_page.url))

    def og(prop):
        return page.find("meta", attrs={"property": f"og:{prop}"})["content"]

    assert og("title") == "Career ladder"
    assert og("description") == "From first job to director, with pay."
    assert og("url") == "http://testserver/en/career-ladder/"


def test_hreflang_lists_the_page_and_x_default(client, ladder_page):
    links = parse(client.get(ladder_page.url)).find_all("link", rel="alternate")
    assert {link["hreflang"]: link["href"] for link in links} == {
        "en": "http://testserver/en/career-ladder/",
        "x-default": "http://testserver/en/career-ladder/",
    }


def test_json_ld_has_breadcrumbs(client, ladder_page):
    scripts = parse(client.get(ladder_page.url)).find_all("script", type="application/ld+json")
    records = json.loads(scripts[0].string)
    crumbs = next(r for r in records if r["@type"] == "BreadcrumbList")["itemListElement"]
    assert [c["item"] for c in crumbs] == ["http://testserver/en/", "http://testserver/en/career-ladder/"]


def test_json_ld_cannot_be_broken_out_of(client, home):
    factories.CareerLadderPageFactory(parent=home, title="</script><script>alert(1)</script>")
    response = client.get("/en/career-ladder/")
    assert b"</script><script>alert(1)" not in response.content


def test_landmarks_skip_link_and_one_h1(client, ladder_page):
    page = parse(client.get(ladder_page.url))
    skip = page.find("a", class_="skip-link")
    assert skip["href"] == "#main"
    assert page.find("main", id="main")
    assert page.find("header") and page.find("footer")
    assert page.find("nav", attrs={"aria-label": "Main"})
    assert page.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert len(page.find_all("h1")) == 1
    assert page.find("form", attrs={"role": "search"}).find("label")


def test_public_pages_may_be_cached_by_a_cdn(client, ladder_page):
    cache_control = client.get(ladder_page.url)["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=600" in cache_control
    assert "stale-while-revalidate=86400" in cache_control


def test_logged_in_editors_are_not_served_from_shared_caches(editor_client, ladder_page):
    assert "public" not in editor_client.get(ladder_page.url).get("Cache-Control", "")


def test_password_protected_pages_are_never_cached_by_a_cdn(client, ladder_page):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=ladder_page, restriction_type="password", password="let-me-in")
    form = client.get(ladder_page.url)
    assert "public" not in form.get("Cache-Control", "")
    restriction = PageViewRestriction.objects.get(page=ladder_page)
    client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, ladder_page.pk]),
        {"password": "let-me-in", "return_url": ladder_page.url},
    )
    response = client.get(ladder_page.url)
    assert parse(response).h1.get_text(strip=True) == "Career ladder"  # past the password form
    cache_control = response.get("Cache-Control", "")
    assert "private" in cache_control
    assert "public" not in cache_control
