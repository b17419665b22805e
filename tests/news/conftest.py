import datetime

import pytest
from django.utils import timezone

from relacions.news.models import NewsItem
from tests.factories.news import NewsItemFactory
from tests.helpers import LANGUAGES


@pytest.fixture(autouse=True)
def _site(site_settings):
    """Every public page reads the site settings."""


@pytest.fixture
def hidden_items(db):
    """One item for each way of not being public: draft, scheduled and expired."""
    now = timezone.now()
    return {
        "draft": NewsItemFactory(status=NewsItem.Status.DRAFT, title_ca="Esborrany amagat"),
        "scheduled": NewsItemFactory(
            publish_at=now + datetime.timedelta(days=1), title_ca="Programada amagada"
        ),
        "expired": NewsItemFactory(
            unpublish_at=now - datetime.timedelta(minutes=1), title_ca="Caducada amagada"
        ),
    }


# The linked content of other apps, made directly: only what a news page reads of it.


def make_network(n: int = 0, **fields):
    from relacions.networks.models import Network

    values = {f"name_{lang}": f"Network {n} {lang}" for lang in LANGUAGES}
    values |= {f"slug_{lang}": f"network-{n}-{lang}" for lang in LANGUAGES}
    return Network.objects.create(**({"status": Network.Status.PUBLISHED} | values | fields))


def make_forum(network, n: int = 0, **fields):
    from relacions.networks.models import Forum

    values = {f"name_{lang}": f"Forum {n} {lang}" for lang in LANGUAGES}
    values |= {f"slug_{lang}": f"forum-{n}-{lang}" for lang in LANGUAGES}
    values |= {"network": network, "status": Forum.Status.PUBLISHED}
    return Forum.objects.create(**(values | fields))


def make_event(n: int = 0, **fields):
    from relacions.events.models import Event

    start = timezone.make_aware(datetime.datetime(2019, 10, 9, 9, 0)) + datetime.timedelta(days=n)
    values = {f"title_{lang}": f"Event {n} {lang}" for lang in LANGUAGES}
    values |= {f"slug_{lang}": f"event-{n}-{lang}" for lang in LANGUAGES}
    values |= {"start": start, "end": start + datetime.timedelta(hours=8), "city": "Leeds"}
    return Event.objects.create(**({"status": Event.Status.PUBLISHED} | values | fields))
