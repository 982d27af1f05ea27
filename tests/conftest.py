import pytest
from wagtail.models import Page, Site

from home.seeding import seed_site
from tests import factories


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
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the whole starting content once per test run, with the same code as
    `manage.py seed_content`; each test then runs in a transaction that is
    rolled back, so tests that build their own tree (`home`) start from it."""
    with django_db_blocker.unblock():
        seed_site(report=lambda message: None)
        Site.objects.filter(is_default_site=True).update(hostname="testserver")


@pytest.fixture
def seeded(db):
    """The seeded home page."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "correct-horse-battery")
    client.force_login(user)
    return client
