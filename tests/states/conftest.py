import pytest
from django.contrib.auth.models import Group

from states.permissions import EDITORS


@pytest.fixture
def state_editor(client, django_user_model, seeded):
    """A signed-in member of the State editors group."""
    user = django_user_model.objects.create_user("state-editor", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return client
