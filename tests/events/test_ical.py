"""The calendars: one .ics per event and the agenda's feed, read back with `icalendar`.

`icalendar` parses leniently (a missing UID or DTSTAMP is not an error), so each required
property is checked by hand. (`vobject`, stricter, is not installed.)
"""

from datetime import date, datetime, timedelta

import icalendar
import pytest
from django.urls import reverse
from django.utils import translation

from relacions.events.models import Event
from tests.factories.events import EventFactory, PastEventFactory

from .conftest import PUBLICATION_STATES, madrid

pytestmark = pytest.mark.django_db


def ics_url(event: Event, language: str = "ca") -> str:
    with translation.override(language):
        return event.get_calendar_url()


def feed_url(language: str = "ca") -> str:
    with translation.override(language):
        return reverse("events:ical")


def fetch(client, address: str) -> tuple[icalendar.Calendar, bytes]:
    response = client.get(address)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content), response.content


def vevents(calendar: icalendar.Calendar) -> list:
    return list(calendar.walk("VEVENT"))


def assert_valid(calendar: icalendar.Calendar, raw: bytes) -> None:
    """What RFC 5545 requires of the calendar and of each event, and what clients need."""
    assert calendar["VERSION"] == "2.0" and calendar.get("PRODID")
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"", "content lines end with CRLF"
    assert b"\n" not in raw.replace(b"\r\n", b""), "no bare line feeds"
    assert all(len(line) <= 75 for line in lines), "lines are folded at 75 octets"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Madrid"]
    for vevent in vevents(calendar):
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "URL"):
            assert vevent.get(required), required
        assert vevent.decoded("DTSTAMP").tzinfo is not None, "DTSTAMP is in UTC"
        start = vevent["DTSTART"]
        if isinstance(start.dt, datetime):
            assert start.params["TZID"] == "Europe/Madrid"
        else:
            assert start.params["VALUE"] == "DATE"


def test_an_event_calendar_file(client):
    event = EventFactory(
        title_ca="Fòrum; cultura, i inclusió \\ Leeds",
        summary_ca="Primera línia\nSegona línia " + "llarga " * 30,
        start=madrid(2031, 10, 9, 10, 0),
        end=madrid(2031, 10, 9, 12, 30),
        city="Leeds",
        country="GB",
    )
    calendar, raw = fetch(client, ics_url(event))
    assert_valid(calendar, raw)
    [vevent] = vevents(calendar)

    assert vevent["UID"] == str(event.uid)
    assert vevent.decoded("DTSTART") == madrid(2031, 10, 9, 10, 0)
    assert vevent.decoded("DTEND") == madrid(2031, 10, 9, 12, 30)
    assert b"DTSTART;TZID=Europe/Madrid:20311009T100000" in raw
    assert str(vevent["SUMMARY"]) == "Fòrum; cultura, i inclusió \\ Leeds"
    assert b"SUMMARY;LANGUAGE=ca:F\xc3\xb2rum\\; cultura\\, i inclusi\xc3\xb3 \\\\ Leeds" in raw
    assert str(vevent["DESCRIPTION"]).startswith("Primera línia\nSegona línia")
    with translation.override("ca"):
        assert str(vevent["LOCATION"]) == event.place
    assert str(vevent["URL"]) == f"http://testserver{event.get_absolute_url()}"
    assert vevent["STATUS"] == "CONFIRMED"


def test_the_uid_is_the_same_on_every_fetch_and_in_every_language(client):
    event = EventFactory()
    first, _raw = fetch(client, ics_url(event))
    second, _raw = fetch(client, ics_url(event))
    english, _raw = fetch(client, ics_url(event, "en"))
    feed, _raw = fetch(client, feed_url())

    uids = {str(vevents(calendar)[0]["UID"]) for calendar in (first, second, english, feed)}
    assert uids == {str(event.uid)}
    assert first["UID"] == second["UID"]


def test_an_all_day_event_uses_dates_with_an_exclusive_end(client):
    event = EventFactory(all_day=True, start=madrid(2031, 10, 9, 9), end=madrid(2031, 10, 11, 9))
    calendar, raw = fetch(client, ics_url(event))
    assert_valid(calendar, raw)
    [vevent] = vevents(calendar)
    assert vevent.decoded("DTSTART") == date(2031, 10, 9)
    assert vevent.decoded("DTEND") == date(2031, 10, 12)
    assert b"DTSTART;VALUE=DATE:20311009" in raw


@pytest.mark.parametrize(
    ("event_status", "ical_status"),
    [
        (Event.EventStatus.SCHEDULED, "CONFIRMED"),
        (Event.EventStatus.POSTPONED, "TENTATIVE"),
        (Event.EventStatus.CANCELLED, "CANCELLED"),
    ],
)
def test_the_event_status(client, event_status, ical_status):
    event = EventFactory(event_status=event_status)
    [vevent] = vevents(fetch(client, ics_url(event))[0])
    assert vevent["STATUS"] == ical_status
    [in_feed] = vevents(fetch(client, feed_url())[0])
    assert in_feed["STATUS"] == ical_status


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_texts_are_in_the_language_of_the_address(client, language):
    event = EventFactory(format=Event.Format.HYBRID, online_url="https://example.org/live")
    calendar, raw = fetch(client, feed_url(language))
    assert_valid(calendar, raw)
    [vevent] = vevents(calendar)
    assert str(vevent["SUMMARY"]) == getattr(event, f"title_{language}")
    assert str(vevent["DESCRIPTION"]).startswith(getattr(event, f"summary_{language}"))
    assert vevent["SUMMARY"].params["LANGUAGE"] == language
    assert getattr(event, f"venue_{language}") in str(vevent["LOCATION"])
    assert "https://example.org/live" in str(vevent["LOCATION"])
    with translation.override(language):
        assert str(vevent["URL"]) == f"http://testserver{event.get_absolute_url()}"


def test_the_feed_has_what_is_to_come_and_the_last_months(client):
    upcoming = EventFactory()
    recent = PastEventFactory(days=-30)
    PastEventFactory(days=-400)
    calendar, raw = fetch(client, feed_url())
    assert_valid(calendar, raw)

    assert {str(v["UID"]) for v in vevents(calendar)} == {str(upcoming.uid), str(recent.uid)}
    assert calendar.get("X-WR-CALNAME") and calendar.get("REFRESH-INTERVAL")


def test_an_empty_feed_is_still_a_valid_calendar(client):
    calendar, raw = fetch(client, feed_url())
    assert_valid(calendar, raw)
    assert vevents(calendar) == []


def test_the_same_event_gives_the_same_bytes_until_it_changes(client):
    event = EventFactory()
    first = client.get(ics_url(event)).content
    assert client.get(ics_url(event)).content == first
    event.title_ca = "Títol nou"
    event.save()
    assert client.get(ics_url(event)).content != first


@pytest.mark.parametrize("state", PUBLICATION_STATES)
def test_unpublished_events_are_in_no_calendar(client, state):
    event = EventFactory(**PUBLICATION_STATES[state])
    assert client.get(ics_url(event)).status_code == 404
    assert vevents(fetch(client, feed_url())[0]) == []


def test_an_unknown_event_calendar_is_not_found(client):
    assert (
        client.get(f"{feed_url()[: -len('agenda.ics')]}no-such-event/calendar.ics").status_code
        == 404
    )


def test_the_event_file_downloads_and_the_feed_opens(client):
    event = EventFactory(slug_ca="trobada")
    assert client.get(ics_url(event))["Content-Disposition"] == 'attachment; filename="trobada.ics"'
    assert client.get(feed_url())["Content-Disposition"] == 'inline; filename="agenda-ca.ics"'


def test_the_time_zone_covers_every_event(client):
    EventFactory(start=madrid(2031, 1, 15, 10), end=madrid(2031, 1, 15, 12))
    EventFactory(start=madrid(2031, 7, 15, 10), end=madrid(2031, 7, 15, 12))
    calendar, _raw = fetch(client, feed_url())
    [vtimezone] = calendar.walk("VTIMEZONE")
    names = {str(component["TZNAME"]) for component in vtimezone.subcomponents}
    assert names == {"CET", "CEST"}
    [winter, summer] = vevents(calendar)
    assert winter.decoded("DTSTART").utcoffset() == timedelta(hours=1)
    assert summer.decoded("DTSTART").utcoffset() == timedelta(hours=2)
