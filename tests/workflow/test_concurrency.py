"""Two saves at the same moment: the row lock lets exactly one of them win."""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from relacions.core.roles import EDITORS, setup_roles
from tests.factories import NewsItemFactory, SiteSettingsFactory
from tests.helpers import signed_in_client, staff_member

from .conftest import form_data

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def _site(db):
    """Overrides the shared fixture: this test commits, so it makes its own site settings."""
    SiteSettingsFactory()


def test_two_simultaneous_saves_cannot_both_win():
    setup_roles()
    item = NewsItemFactory(title_ca="Original")
    url = reverse("admin:news_newsitem_change", args=(item.pk,))
    clients = [signed_in_client(staff_member(name, EDITORS)) for name in ("anna", "biel")]
    forms = [client.get(url) for client in clients]
    barrier = threading.Barrier(2)
    statuses, errors = {}, {}

    def save(index: int):
        try:
            data = form_data(forms[index], title_ca=f"Versió {index}")
            barrier.wait(timeout=10)
            response = clients[index].post(url, data)
            statuses[index] = response.status_code
            if response.status_code == 200:
                errors[index] = response.context["adminform"].form.errors
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(statuses.values()) == [200, 302], errors
    winner = next(index for index, status in statuses.items() if status == 302)
    item.refresh_from_db()
    assert item.title_ca == f"Versió {winner}"
    assert item.version == 2
