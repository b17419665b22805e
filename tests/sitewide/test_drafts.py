"""Nothing that is not public (draft, scheduled, expired, or under a hidden network or plan)
appears in any machine-readable output, in any language."""

import pytest
from django.urls import reverse
from django.utils import translation

from relacions.events.models import Event
from relacions.opendata.datasets import downloadable
from tests.fixtures.site import HIDDEN
from tests.helpers import LANGUAGES

# Every public page reads the site settings.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("site_settings")]

OUTPUTS = [
    ("news:rss", {}),
    ("news:atom", {}),
    ("events:ical", {}),
    ("mandate:json", {}),
    ("mandate:csv", {}),
    *[("opendata:json", {"dataset": slug}) for slug in downloadable()],
    *[("opendata:csv", {"dataset": slug}) for slug in downloadable()],
]


@pytest.mark.parametrize(("name", "kwargs"), OUTPUTS)
def test_hidden_items_are_in_no_feed_calendar_or_download(client, site, name, kwargs):
    for language in LANGUAGES:
        with translation.override(language):
            path = reverse(name, kwargs=kwargs or None)
        response = client.get(path)
        assert response.status_code == 200, path
        assert HIDDEN not in response.content.decode(), path


def test_the_sitemap_holds_no_hidden_item(client, site):
    assert HIDDEN not in client.get("/sitemap.xml").content.decode()


def test_a_hidden_event_has_no_calendar_file(client, site):
    for event in (obj for obj in site.hidden if isinstance(obj, Event)):
        for language in LANGUAGES:
            with translation.override(language):
                path = event.get_calendar_url()
            assert client.get(path).status_code == 404, path


def test_published_items_are_there(client, site):
    """The other side of the tests above: the outputs are not simply empty."""
    body = client.get(reverse("news:rss")).content.decode()
    assert "News" in body
    body = client.get(reverse("events:ical")).content.decode()
    assert body.count("BEGIN:VEVENT") == 2
