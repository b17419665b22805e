import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission


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
