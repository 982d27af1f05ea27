"""Elasticsearch down or frozen: visitors still get answers from the database,
editors still publish, and the index catches up when Elasticsearch is back."""

import logging
import time

import pytest
from wagtail.search.backends import get_search_backend

from careers.models import SkillIndexPage
from search.indexing import catch_up
from search.models import PendingIndexUpdate
from search.query import ELASTICSEARCH_ERRORS
from states.models import StatePage
from tests.admin_forms import post_state_page_edit
from tests.factories import SkillPageFactory
from tests.html import parse


def visible_titles(response):
    return [a.get_text(strip=True) for a in parse(response).select(".results h2 a")]


def test_search_answers_from_the_database_while_elasticsearch_is_down(elasticsearch, client, seeded, caplog):
    elasticsearch.stop()
    try:
        with caplog.at_level(logging.WARNING, logger="search.query"):
            response = client.get("/en/search/", {"q": "texas"})
            suggestions = client.get("/en/search/suggest/", {"q": "tex"})
    finally:
        elasticsearch.start()
    assert response.status_code == 200
    assert "Texas" in visible_titles(response)
    assert "simpler mode" in parse(response).get_text()
    assert suggestions.status_code == 200
    assert "Texas" in [s["title"] for s in suggestions.json()["suggestions"]]
    assert "Elasticsearch could not answer" in caplog.text


def test_a_frozen_elasticsearch_costs_a_visitor_only_the_timeout(elasticsearch, client, seeded):
    elasticsearch.pause()
    try:
        started = time.monotonic()
        response = client.get("/en/search/", {"q": "texas"})
        waited = time.monotonic() - started
    finally:
        elasticsearch.resume()
    assert response.status_code == 200
    assert "Texas" in visible_titles(response)
    # TIMEOUT is 2 s and timeouts are not retried; allow for a slow machine.
    assert waited < 6


def test_changes_made_while_elasticsearch_is_down_reach_it_when_it_is_back(
    elasticsearch, admin_client, seeded, settings
):
    # After a failure search rests Elasticsearch this long (remembered in the shared cache, when there is one).
    settings.SEARCH_FALLBACK_SECONDS = 1
    skills = SkillIndexPage.objects.get(locale__language_code="en")
    doomed = SkillPageFactory(parent=skills, title="Pangolin patrol", live=False)
    doomed.save_revision().publish()
    texas = StatePage.objects.get(code="TX", locale__language_code="en")

    elasticsearch.stop()
    try:
        created = SkillPageFactory(parent=skills, title="Okapi outreach", live=False)
        created.save_revision().publish()
        edited = post_state_page_edit(admin_client, texas, {"title": "Texas okapi edition"}, "action-publish")
        doomed.delete()
        assert edited.status_code == 302, "publishing must succeed while Elasticsearch is down"
        assert StatePage.objects.get(pk=texas.pk).title == "Texas okapi edition"
        assert PendingIndexUpdate.objects.count() >= 3
        # The database fallback already has the changes.
        assert sorted(visible_titles(admin_client.get("/en/search/", {"q": "okapi"}))) == [
            "Okapi outreach",
            "Texas okapi edition",
        ]
    finally:
        elasticsearch.start()
    time.sleep(settings.SEARCH_FALLBACK_SECONDS + 0.1)

    # The first successful search after the rest replays what was missed.
    admin_client.get("/en/search/", {"q": "anything"})
    assert PendingIndexUpdate.objects.count() == 0
    get_search_backend().refresh_indexes()
    response = admin_client.get("/en/search/", {"q": "okapi"})
    assert "simpler mode" not in parse(response).get_text()
    assert sorted(visible_titles(response)) == ["Okapi outreach", "Texas okapi edition"]
    assert visible_titles(admin_client.get("/en/search/", {"q": "pangolin"})) == []


def test_catch_up_keeps_what_it_could_not_replay(elasticsearch, seeded):
    skills = SkillIndexPage.objects.get(locale__language_code="en")
    elasticsearch.stop()
    try:
        SkillPageFactory(parent=skills, title="Tapir training", live=False).save_revision().publish()
        with pytest.raises(ELASTICSEARCH_ERRORS):
            catch_up()
        assert PendingIndexUpdate.objects.count() >= 1
    finally:
        elasticsearch.start()
    assert catch_up() >= 1
    assert PendingIndexUpdate.objects.count() == 0
