"""Anonymous visitors share cached pages; a publish shows at once; nobody is
ever served an editor's preview, a signed-in page or a private page."""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from core.proxy_cache import purge_proxy
from peersupport.settings.base import redis_cache
from states.models import CertifyingBody, StatePage
from tests.admin_forms import state_page_edit_data
from tests.html import parse, text_of

pytestmark = pytest.mark.usefixtures("seeded")

STATUS = "X-Page-Cache"


@pytest.fixture
def texas():
    return StatePage.objects.get(code="TX", locale__language_code="en")


def publish(page, **changes):
    page = page.specific
    for field, value in changes.items():
        setattr(page, field, value)
    page.save_revision().publish()


def test_another_process_serves_the_page_from_the_shared_cache(client, texas):
    client.get(texas.url)
    caches["pages-local"].clear()  # as a second process, which has no copy of its own yet
    assert client.get(texas.url)[STATUS] == "hit"


def test_a_publish_reaches_every_process_copy(client, texas):
    client.get(texas.url)
    client.get(texas.url)  # now in this process's own memory too
    publish(texas, training_hours=988)
    assert "988" in text_of(client.get(texas.url))


def test_second_anonymous_visit_is_served_from_the_cache_without_the_database(client, texas, django_assert_num_queries):
    first = client.get(texas.url)
    with django_assert_num_queries(0):
        second = client.get(texas.url)
    assert (first[STATUS], second[STATUS]) == ("miss", "hit")
    assert second.content == first.content


def test_a_cached_page_keeps_every_security_header_and_runs_no_inline_script(client, texas):
    client.get(texas.url)
    hit = client.get(texas.url)
    assert hit[STATUS] == "hit"
    assert "script-src 'self'" in hit["Content-Security-Policy"]
    assert hit["X-Frame-Options"] == "DENY" and hit["X-Content-Type-Options"] == "nosniff"
    # No nonce to go stale in a cached copy: the page's scripts are all files.
    assert all(
        script.get("src") for script in parse(hit).find_all("script") if script.get("type") != "application/ld+json"
    )


def test_publishing_a_change_shows_on_the_next_visit(client, texas):
    client.get(texas.url)
    publish(texas, training_hours=987)
    response = client.get(texas.url)
    assert response[STATUS] == "miss"
    assert "987" in text_of(response)


def test_saving_a_draft_leaves_visitors_pages_cached(client, texas):
    client.get(texas.url)
    texas.training_hours = 983
    texas.save_revision()
    response = client.get(texas.url)
    assert response[STATUS] == "hit"
    assert "983" not in text_of(response)


def test_a_page_made_before_a_publish_commits_is_dropped_when_it_commits(
    client, texas, django_capture_on_commit_callbacks
):
    # A workflow approval publishes inside a transaction; a visitor served
    # before it commits gets the page made from the rows as they were.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        publish(texas, training_hours=989)
        client.get(texas.url)
        assert client.get(texas.url)[STATUS] == "hit"
    assert client.get(texas.url)[STATUS] == "miss"


def test_a_scheduled_publish_shows_on_the_next_visit(client, texas):
    texas.training_hours = 986
    texas.save_revision(approved_go_live_at=timezone.now() - timedelta(minutes=1))
    client.get(texas.url)
    assert "986" not in text_of(client.get(texas.url))
    call_command("publish_scheduled")
    assert "986" in text_of(client.get(texas.url))


def test_the_caching_proxy_is_purged_once_per_committed_change(texas, settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://127.0.0.1:9"}
    }
    with django_capture_on_commit_callbacks() as callbacks:
        publish(texas, training_hours=985)
        publish(texas.get_translation(Locale.objects.get(language_code="es")), training_hours=985)
    assert callbacks.count(purge_proxy) == 1


def test_a_change_also_shows_on_listings_that_include_the_page(client, texas):
    client.get("/en/states/")
    publish(texas, title="Texas (updated)")
    assert "Texas (updated)" in text_of(client.get("/en/states/"))


def test_renaming_a_certifying_body_shows_on_the_state_pages_at_once(client, texas):
    body = CertifyingBody.objects.get(pk=texas.credentials.exclude(certifying_body=None).first().certifying_body_id)
    client.get(texas.url)
    body.name = "Renamed Certification Board"
    body.save()
    assert "Renamed Certification Board" in text_of(client.get(texas.url))


def test_an_unpublished_page_is_gone_at_once(client, texas):
    url = texas.url
    client.get(url)
    texas.unpublish()
    assert client.get(url).status_code == 404


def test_a_page_made_private_is_not_served_from_the_cache(client, texas):
    url = texas.url
    client.get(url)
    PageViewRestriction.objects.create(page=texas, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    response = client.get(url)
    assert response[STATUS] == "skip"
    assert "Texas" not in parse(response).find("h1").get_text()


def test_a_signed_in_editors_page_is_never_stored_or_shared(editor_client, client, texas):
    signed_in = editor_client.get(texas.url)
    assert signed_in[STATUS] == "skip"
    editor_client.logout()
    anonymous = client.get(texas.url)
    assert anonymous[STATUS] == "miss"
    assert "wagtail-userbar" not in anonymous.content.decode()


def test_an_editors_preview_never_reaches_visitors(editor_client, client, texas):
    preview_url = f"/admin/pages/{texas.pk}/edit/preview/"
    data = state_page_edit_data(editor_client, texas)
    data["title"] = "PREVIEWMARKER Texas"
    assert editor_client.post(preview_url, data).json()["is_valid"]
    preview = editor_client.get(preview_url)
    assert "PREVIEWMARKER" in preview.content.decode()
    for _ in range(2):
        assert "PREVIEWMARKER" not in client.get(texas.url).content.decode()


def test_search_results_are_not_cached(client):
    # Every search is counted (popular and zero-result queries guide editors).
    assert client.get("/en/search/", {"q": "texas"})[STATUS] == "skip"


# Address, and whether it shows Texas's training hours.
SHARED_OUTSIDE_PAGES = {
    "/states/requirements.csv": True,
    "/states/tx/embed/?lang=en": True,
    "/api/v2/pages/?type=states.StatePage&fields=training_hours&code=TX": True,
    "/en/search/suggest/?q=tex": False,
    "/sitemap.xml": False,
    "/sitemap-pages.xml": False,
}


@pytest.mark.parametrize("path", SHARED_OUTSIDE_PAGES)
def test_the_state_files_suggestions_api_and_sitemap_are_shared_and_follow_a_publish(client, texas, path):
    first = client.get(path)
    second = client.get(path)
    assert (first[STATUS], second[STATUS]) == ("miss", "hit")
    assert "s-maxage" in second["Cache-Control"]
    publish(texas, title="Texas", training_hours=984)
    fresh = client.get(path)
    assert fresh[STATUS] == "miss"
    if SHARED_OUTSIDE_PAGES[path]:
        assert "984" in fresh.content.decode()


def test_a_signed_in_editors_api_answers_are_not_shared(editor_client):
    path = "/api/v2/pages/?type=states.StatePage&fields=training_hours&code=TX"
    assert editor_client.get(path)[STATUS] == "skip"
    assert "s-maxage" not in editor_client.get(path).get("Cache-Control", "")


# Production's caches (peersupport.settings.base.redis_cache), with nothing
# listening where Redis should be: the cache server is down.
CACHES_DOWN = {
    "default": redis_cache("redis://127.0.0.1:9/0", "default"),
    "pages": redis_cache("redis://127.0.0.1:9/0", "pages"),
    "pages-local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "down-test"},
}


@override_settings(CACHES=CACHES_DOWN)
@pytest.mark.parametrize("path", ["/en/states/texas/", "/es/states/texas/", "/en/search/?q=texas", "/sitemap.xml"])
def test_the_site_keeps_serving_when_the_cache_is_down(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response[STATUS] == "skip"


@override_settings(CACHES=CACHES_DOWN)
def test_a_page_served_while_the_cache_is_down_is_whole(client, texas):
    response = client.get(texas.url)
    assert "Texas" in parse(response).find("h1").get_text()


def test_no_template_uses_djangos_cache_tag():
    """Django's {% cache %} ignores previews and signed-in views and can show
    an editor's preview to everyone (wagtail#5074); the page cache is the one cache."""
    templates = Path(__file__).resolve().parents[2] / "templates"
    offenders = [path.name for path in templates.rglob("*.html") if re.search(r"{%\s*cache\b", path.read_text())]
    assert offenders == []


def test_the_page_cache_can_be_switched_off(client, texas, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get(texas.url)
    assert client.get(texas.url)[STATUS] == "skip"


def test_a_request_for_an_unknown_host_is_refused_not_taken_for_a_cache_outage(client, caplog):
    response = client.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Page cache unavailable" not in caplog.text
