from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from wagtail.models import Page, Site

from home.seeding import seed_site
from ops.elasticsearch_node import ElasticsearchNode
from tests import factories, search_index
from tests.live_site import live_site  # noqa: F401  (a fixture)

NODE_PATH = Path(__file__).resolve().parents[1] / ".elasticsearch" / "test"


def pytest_collection_modifyitems(items):
    # The live site is served on SQLite with the test settings whatever the run's
    # own settings, so the production-mode run leaves these tests to the SQLite one.
    for item in items:
        if "live_site" in item.fixturenames:
            item.add_marker(pytest.mark.live_site)


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches: on the production-mode run they are
    one Redis server, which outlives each test's rolled-back transaction."""
    for alias in settings.CACHES:
        caches[alias].clear()


@pytest.fixture
def page_cache_off(settings):
    """For tests that measure what making a page costs, not serving a copy."""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def home(db):
    """An empty home page serving the test client's host, beside the seeded tree
    (which stays in place but is no longer routed to)."""
    home = factories.HomePageFactory(parent=Page.get_first_root_node(), slug="test-home")
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def ladder(home):
    return factories.CareerLadderPageFactory(parent=home)


@pytest.fixture(scope="session")
def elasticsearch_node():
    """The real Elasticsearch node behind ELASTICSEARCH_URL, started for this
    run (`make test` sets the URL) and stopped at its end."""
    if not settings.ELASTICSEARCH_URLS:
        pytest.fail("ELASTICSEARCH_URL is not set: run the tests with `make test`, which starts Elasticsearch.")
    url = settings.ELASTICSEARCH_URLS[0]
    # A folder per port, so that the two runs of `make test` can go side by side.
    node = ElasticsearchNode(url, NODE_PATH.with_name(f"test-{urlsplit(url).port}"))
    node.wipe()
    node.start()
    yield node
    node.stop()


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """Build the whole starting content once per test run, with the same code as
    `manage.py seed_content`; each test then runs in a transaction that is
    rolled back, so tests that build their own tree (`home`) start from it.
    With Elasticsearch, its indexes are created first, as `make run` does."""
    if settings.ELASTICSEARCH_URLS:
        request.getfixturevalue("elasticsearch_node")
    with django_db_blocker.unblock():
        call_command("update_index", verbosity=0)
        seed_site(report=lambda message: None, warn=lambda message: None)
        Site.objects.filter(is_default_site=True).update(hostname="testserver")
    search_index.start_tracking()


@pytest.fixture
def elasticsearch(elasticsearch_node, db):
    """For tests of Elasticsearch itself: the node, with an index that holds
    exactly what the database holds."""
    search_index.restore_and_refresh()
    return elasticsearch_node


@pytest.fixture
def search(client, db):
    """GET a search URL once the index has caught up with this test's changes."""

    def get(params, path="/en/search/"):
        if settings.ELASTICSEARCH_URLS:
            search_index.restore_and_refresh()
        return client.get(path, params)

    return get


@pytest.fixture
def seeded(db):
    """The seeded home page."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "correct-horse-battery")
    client.force_login(user)
    return client
