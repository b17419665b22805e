"""A scheduled item goes online at its time, with no job running."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import NewsItemFactory

pytestmark = pytest.mark.django_db


def test_a_scheduled_item_becomes_public_at_its_time(client, monkeypatch):
    start = timezone.now()
    item = NewsItemFactory(publish_at=start + datetime.timedelta(hours=1))
    assert client.get(item.get_absolute_url()).status_code == 404
    monkeypatch.setattr(timezone, "now", lambda: start + datetime.timedelta(hours=1, seconds=1))
    assert client.get(item.get_absolute_url()).status_code == 200
