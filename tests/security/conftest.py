"""Fixtures for the security tests: staff accounts. (The throwaway PostgreSQL cluster is in
tests/fixtures/cluster.py.)"""

import pytest
from django.contrib.auth import get_user_model

from tests.helpers import PASSWORD

SUBPROCESS_TIMEOUT = 60


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True
    )


def login_data(username: str, password: str, **extra) -> dict:
    return {"username": username, "password": password, "next": "/admin/", **extra}
