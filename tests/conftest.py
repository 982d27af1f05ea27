import pytest
from wagtail.models import Page, Site

from home.seeding import seed_site
from tests import factories


@pytest.fixture
def home(db):
    """A home page at the root of the default site, as `seed_content` makes it."""
    root = Page.get_first_root_node()
    for placeholder in root.get_children():
        placeholder.delete()
    home = factories.HomePageFactory(parent=root)
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def ladder(home):
    return factories.CareerLadderPageFactory(parent=home)


@pytest.fixture
def seeded(db):
    """The whole starting content, built by the same code as `manage.py seed_content`."""
    home = seed_site(report=lambda message: None)
    site = Site.objects.get(is_default_site=True)
    site.hostname = "testserver"
    site.save()
    return home


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "correct-horse-battery")
    client.force_login(user)
    return client
