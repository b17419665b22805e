from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from relacions.events.models import Event
from tests.factories.events import EventFactory, PastEventFactory
from tests.factories.networks import ForumFactory, WorkingGroupFactory

from .conftest import PUBLICATION_STATES, madrid

pytestmark = pytest.mark.django_db


def test_an_event_cannot_end_before_it_starts():
    event = EventFactory.build(end=timezone.now(), start=timezone.now() + timedelta(hours=1))
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict


def test_the_database_refuses_an_end_before_the_start_too():
    event = EventFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Event.objects.filter(pk=event.pk).update(end=event.start - timedelta(minutes=1))


def test_registration_closes_before_the_event_starts():
    event = EventFactory.build()
    event.registration_deadline = event.start + timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "registration_deadline" in error.value.message_dict

    event.registration_deadline = event.start - timedelta(days=1)
    event.full_clean()


@pytest.mark.parametrize("code", ["ZZ", "UK", "E1", "1"])
def test_the_country_is_one_of_the_iso_3166_countries(code):
    event = EventFactory.build(country=code)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "country" in error.value.message_dict


@pytest.mark.parametrize(
    ("language", "code", "name"),
    [
        ("ca", "GB", "Regne Unit"),
        ("es", "GB", "Reino Unido"),
        ("en", "GB", "United Kingdom"),
        ("ca", "MK", "Macedònia del Nord"),
        ("es", "MK", "Macedonia del Norte"),
        ("ca", "KE", "Kenya"),
        ("es", "JP", "Japón"),
        ("ca", "IS", "Islàndia"),
    ],
)
def test_every_country_is_named_in_the_active_language(language, code, name):
    # Japan, Kenya and Iceland were not in the project's own short list of names.
    event = EventFactory.build(country=code, city="", venue_ca="", venue_es="", venue_en="")
    with translation.override(language):
        assert event.place == name


def test_the_country_is_shown_by_its_name_in_the_active_language():
    event = EventFactory.build(country="GB", city="Leeds", venue_ca="", venue_es="", venue_en="")
    with translation.override("en"):
        assert event.place == "Leeds, United Kingdom"
    # A code stored before the list was checked, and not a country, is shown as it is.
    assert EventFactory.build(country="ZZ").country_name == "ZZ"


def test_an_online_event_has_no_place():
    event = EventFactory.build(format=Event.Format.ONLINE)
    assert event.place == ""
    assert event.is_online and not event.is_in_person


def test_a_slug_cannot_take_the_address_of_another_agenda_page():
    with translation.override("en"):
        from relacions.events.urls import PAST

        reserved = str(PAST).strip("/")
    event = EventFactory.build(slug_en=reserved)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "slug_en" in error.value.message_dict


def test_an_all_day_event_covers_its_whole_days_in_madrid():
    event = EventFactory(
        all_day=True, start=madrid(2019, 10, 9, 10, 30), end=madrid(2019, 10, 11, 12, 0)
    )
    event.refresh_from_db()

    assert timezone.localtime(event.start) == madrid(2019, 10, 9, 0, 0)
    assert timezone.localtime(event.end) == madrid(2019, 10, 11, 23, 59, 59, 999999)
    assert (event.first_day, event.last_day) == (date(2019, 10, 9), date(2019, 10, 11))
    assert not event.is_single_day


def test_upcoming_includes_events_under_way_and_orders_by_start():
    later = EventFactory(days=10)
    under_way = EventFactory(start=timezone.now() - timedelta(hours=1))
    soon = EventFactory(days=1)
    PastEventFactory()

    assert list(Event.objects.upcoming()) == [under_way, soon, later]
    assert under_way.is_upcoming() and not under_way.has_ended()


def test_past_is_newest_first_and_past_years_come_from_the_published_past_events():
    old = PastEventFactory(start=madrid(2019, 10, 9, 9), end=madrid(2019, 10, 11, 18))
    recent = PastEventFactory()
    PastEventFactory(start=madrid(2017, 5, 1, 9), end=madrid(2017, 5, 1, 12), status="draft")
    EventFactory()

    assert list(Event.objects.past()) == [recent, old]
    assert Event.objects.past_years() == sorted({recent.local_start.year, 2019}, reverse=True)
    assert list(Event.objects.past_in_year(2019)) == [old]


def test_in_month_lists_every_event_on_a_day_of_the_month():
    spanning = EventFactory(start=madrid(2030, 1, 30, 9), end=madrid(2030, 2, 2, 18))
    inside = EventFactory(start=madrid(2030, 2, 14, 9), end=madrid(2030, 2, 14, 11))
    # Midnight on 1 March in Madrid is still February in UTC: it belongs to March.
    EventFactory(start=madrid(2030, 3, 1, 0, 0), end=madrid(2030, 3, 1, 2, 0))
    EventFactory(start=madrid(2030, 1, 5, 9), end=madrid(2030, 1, 31, 23, 59))

    assert list(Event.objects.in_month(2030, 2)) == [spanning, inside]


@pytest.mark.parametrize("state", PUBLICATION_STATES)
def test_unpublished_events_are_in_no_public_queryset(state):
    event = EventFactory(**PUBLICATION_STATES[state])
    past = PastEventFactory(**PUBLICATION_STATES[state])
    month = event.local_start

    assert not Event.objects.upcoming().exists()
    assert not Event.objects.past().exists()
    assert not Event.objects.in_month(month.year, month.month).exists()
    assert not Event.objects.for_calendar_feed().exists()
    assert not event.is_upcoming() and not past.is_published()


def test_registration_is_open_until_the_deadline():
    now = timezone.now()
    event = EventFactory.build(
        registration_url="https://example.org/register",
        registration_deadline=now + timedelta(hours=1),
    )
    assert event.is_registration_open(now)
    assert not event.is_registration_open(now + timedelta(hours=2))
    event.event_status = Event.EventStatus.CANCELLED
    assert not event.is_registration_open(now)


def test_the_calendar_uid_never_changes():
    event = EventFactory()
    uid = event.uid
    event.title_ca = "Un altre títol"
    event.save()
    event.refresh_from_db()
    assert event.uid == uid


def test_dates_are_shown_in_madrid_whatever_the_server_stores():
    event = EventFactory(start=datetime(2024, 7, 1, 22, 30, tzinfo=UTC))
    assert event.local_start.date() == date(2024, 7, 2)
    assert event.local_start.time() == time(0, 30)


def test_every_problem_is_reported_at_once():
    EventFactory(slug_es="trobada")
    event = EventFactory.build(slug_es="trobada")
    event.end = event.start - timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert {"slug_es", "end"} <= set(error.value.message_dict)


def test_a_forum_or_a_working_group_not_both():
    event = EventFactory.build(forum=ForumFactory(), working_group=WorkingGroupFactory())
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert list(error.value.message_dict) == ["working_group"]
