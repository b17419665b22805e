import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from relacions.core.roles import EDITORS, NETWORK_ADMINISTRATORS
from tests.conftest import signed_in_client


@pytest.fixture
def roles(db):
    call_command("setup_roles", verbosity=0)


def _staff_user(username: str, group: str):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "a-long-passphrase-1", is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(roles):
    return _staff_user("editor", EDITORS)


@pytest.fixture
def network_admin(roles):
    return _staff_user("netadmin", NETWORK_ADMINISTRATORS)


@pytest.fixture
def editor_client(editor):
    return signed_in_client(editor)


@pytest.fixture
def network_admin_client(network_admin):
    return signed_in_client(network_admin)


@pytest.fixture
def mandate_objective(db):
    from tests.factories.mandate import ObjectiveFactory

    return ObjectiveFactory()


def staff_with(username: str, *codenames: str):
    """A staff user holding only these permissions of the networks app (no role)."""
    user = get_user_model().objects.create_user(username, is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="networks", codename__in=codenames)
    )
    return user
