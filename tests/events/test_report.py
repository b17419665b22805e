"""The agenda's figures of the yearly report (content.REPORT) and the archive lists they link to."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from relacions.core.demo import load_demo_content
from relacions.events.content import content
from relacions.events.models import Event
from tests.factories import EventFactory, ForumFactory, NetworkFactory, WorkingGroupFactory
from tests.helpers import ReportSection
from tests.helpers import listed as listed_cards

from .conftest import PUBLICATION_STATES, madrid

pytestmark = pytest.mark.django_db

SECTION = ReportSection(content)
INDICATORS = SECTION.indicators
figures = SECTION.figures


def listed(client, url: str) -> set[str]:
    return listed_cards(client, url, card="event-card__title")


def event(start: datetime.datetime, **fields) -> Event:
    return EventFactory(start=start, end=start + datetime.timedelta(hours=2), **fields)


# The demo's figures of 2025 (the demo loaded on 15 June 2026), counted by hand from the demo
# files; tests/reports checks the demo's published report against them too.
DEMO_2025 = {
    # The five examples of last year in events/demo.yaml but the cancelled Culture Forum
    # in Rotterdam: the educating cities day (Terrassa), the Culture Forum in Ghent, City
    # Branding in Lisbon, the UCLG webinar.
    "events.held": 4,
    # The educating cities day in Terrassa.
    "events.hosted": 1,
    # The Culture Forum in Ghent (attendee, in person) and City Branding in Lisbon (speaker,
    # hybrid); the UCLG webinar is online, Rotterdam was cancelled.
    "events.abroad": 2,
    # Ghent (the Culture Forum) and Lisbon (the City Branding working group).
    "events.forum_meetings": 2,
    # Lisbon and the UCLG webinar.
    "events.spoke": 2,
}


def test_the_demo_report_of_last_year_counted_by_hand():
    load_demo_content(today=datetime.date(2026, 6, 15))
    assert figures(2025) == DEMO_2025


def test_the_declaration_passes_the_checks():
    call_command("check")


@pytest.mark.parametrize("state", PUBLICATION_STATES)
def test_unpublished_events_do_not_count(state):
    event(madrid(2024, 5, 6, 10), terrassa_role="host", **PUBLICATION_STATES[state])
    assert set(figures(2024).values()) == {0}


@pytest.mark.parametrize("status", [Event.EventStatus.CANCELLED, Event.EventStatus.POSTPONED])
def test_events_not_held_do_not_count(status):
    forum = ForumFactory()
    event(madrid(2024, 5, 6, 10), event_status=status, terrassa_role="speaker", forum=forum)
    event(madrid(2024, 5, 7, 10), event_status=status, terrassa_role="host")
    assert set(figures(2024).values()) == {0}


def test_an_event_of_a_hidden_forum_or_network_is_no_forum_meeting():
    hidden_network = NetworkFactory(status=Event.Status.DRAFT)
    event(madrid(2024, 5, 6, 10), forum=ForumFactory(status=Event.Status.DRAFT))
    event(madrid(2024, 5, 7, 10), forum=ForumFactory(network=hidden_network))
    event(madrid(2024, 5, 8, 10), working_group=WorkingGroupFactory(network=hidden_network))
    assert figures(2024)["events.held"] == 3
    assert figures(2024)["events.forum_meetings"] == 0


def test_an_event_that_has_not_ended_is_not_yet_held():
    now = timezone.now()
    EventFactory(start=now - datetime.timedelta(hours=1), end=now + datetime.timedelta(hours=1))
    assert figures(timezone.localdate().year)["events.held"] == 0


def test_the_year_is_madrids():
    event(madrid(2024, 12, 31, 23, 30))  # 22:30 UTC
    event(madrid(2025, 1, 1, 0, 30))  # 23:30 UTC on 31 December 2024
    event(madrid(2025, 12, 31, 23, 30))
    event(madrid(2026, 1, 1, 0, 30))
    assert figures(2024)["events.held"] == 1
    assert figures(2025)["events.held"] == 2


def test_abroad_means_in_person_outside_spain_as_speaker_or_attendee():
    counted = [
        event(madrid(2024, 3, 1, 10), country="BE", terrassa_role="attendee"),
        event(madrid(2024, 3, 2, 10), country="FR", terrassa_role="speaker", format="hybrid"),
    ]
    event(madrid(2024, 3, 3, 10), country="BE", terrassa_role="host")
    event(madrid(2024, 3, 4, 10), country="BE", terrassa_role="attendee", format="online")
    event(madrid(2024, 3, 5, 10), country="ES", terrassa_role="attendee", city="Madrid")
    event(madrid(2024, 3, 6, 10), country="", city="", terrassa_role="attendee")
    records = INDICATORS["events.abroad"].records(2024)
    assert set(records) == set(counted)


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_each_figure_links_to_the_archive_listing_exactly_its_events(client, language):
    forum, group = ForumFactory(), WorkingGroupFactory()
    for day, fields in enumerate(
        [
            {"terrassa_role": "host"},
            {"terrassa_role": "host", "forum": forum},
            {"terrassa_role": "speaker", "country": "PT", "working_group": group},
            {"terrassa_role": "speaker", "format": "online"},
            {"terrassa_role": "attendee", "country": "BE"},
            {"terrassa_role": "attendee", "country": "BE", "event_status": "cancelled"},
            {"terrassa_role": "speaker", "event_status": "postponed", "forum": forum},
            {"terrassa_role": "host", "status": Event.Status.DRAFT},
        ],
        start=1,
    ):
        event(madrid(2024, 4, day, 10), **fields)
    event(madrid(2023, 4, 1, 10), terrassa_role="host")  # another year

    with translation.override(language):
        for key, indicator in INDICATORS.items():
            expected = {e.get_absolute_url() for e in indicator.records(2024)}
            url = indicator.url(2024)
            assert url.startswith(f"/{language}/"), url
            assert listed(client, url) == expected, key
            assert len(expected) == indicator.value(2024), key
    assert figures(2024) == {
        "events.held": 5,
        "events.hosted": 2,
        "events.abroad": 2,
        "events.forum_meetings": 2,
        "events.spoke": 2,
    }


def test_the_archive_filters_are_in_its_form_and_refuse_unknown_values(client):
    event(madrid(2024, 4, 1, 10))
    with translation.override("es"):
        url = INDICATORS["events.abroad"].url(2024)
    html = client.get(url).content.decode()
    for name in ("status", "role", "abroad", "forum"):
        assert f'<select name="{name}" id="id_{name}"' in html
        assert f'<label for="id_{name}">' in html
    assert '<option value="yes" selected>Asistidas en el extranjero</option>' in html
    for query in ("status=over", "role=mayor", "abroad=no", "forum=1"):
        response = client.get(f"{url.split('?')[0]}?{query}")
        assert response.status_code == 404, query
        assert "filter-error" in response.content.decode()
