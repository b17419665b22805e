import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from relacions.core.demo import Counts, DemoContentError, load_apps
from relacions.events.models import Event

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
# The examples of last year, for the demo yearly report (dates counted from 1 January).
LAST_YEAR = (
    "exemple-jornada-ciutats-educadores",
    "exemple-forum-cultura-tardor",
    "exemple-city-branding-lisboa",
    "exemple-webinar-ciutats-intermedies",
    "exemple-forum-cultura-rotterdam",
)


@pytest.fixture
def demo(db, demo_day):
    # In INSTALLED_APPS order, as `manage.py load_demo_content` runs them.
    load_apps("mandate", "networks", today=demo_day)
    return load_apps("events", today=demo_day)


def leeds() -> Event:
    return Event.objects.get(slug_ca="forum-cultura-eurocities-leeds-2019")


def test_loading_twice_changes_nothing(demo, demo_day):
    assert demo.created == Event.objects.count() >= 9
    snapshot = list(Event.objects.values_list("pk", "version", "start", "end"))
    assert load_apps("events", today=demo_day) == Counts()
    assert list(Event.objects.values_list("pk", "version", "start", "end")) == snapshot


def test_the_leeds_culture_forum_is_a_past_event_in_three_languages(demo):
    event = leeds()
    assert (event.first_day.isoformat(), event.last_day.isoformat()) == ("2019-10-09", "2019-10-11")
    assert event.all_day and event.has_ended() and event.is_published()
    assert (event.city, event.country, event.format) == ("Leeds", "GB", Event.Format.IN_PERSON)
    assert event.terrassa_role == Event.Role.ATTENDEE
    for language in ("ca", "es", "en"):
        for field in ("title", "slug", "summary", "body"):
            assert getattr(event, f"{field}_{language}"), (field, language)
    assert "exemple" not in event.title_ca


def test_the_leeds_forum_links_the_network_forum_challenges_and_objective(demo):
    event = leeds()
    assert [network.slug_ca for network in event.networks.all()] == ["eurocities"]
    assert event.forum is not None and event.forum.slug_ca == "forum-de-cultura"
    assert event.challenge_areas.count() == 5
    assert [objective.code for objective in event.objectives.all()] == ["5.2"]


def test_the_examples_dates_are_counted_from_the_day_they_are_loaded(demo):
    starts = dict(Event.objects.values_list("slug_ca", "start"))
    today = timezone.localdate()
    tomorrow = today + datetime.timedelta(days=1)
    # Last year's examples are counted from 1 January: they move only when tomorrow is another
    # year (the demo report is always of last year).
    last_year = set(LAST_YEAR)
    fixed = {leeds().slug_ca} | (last_year if tomorrow.year == today.year else set())
    assert {timezone.localtime(starts[slug]).year for slug in last_year} == {today.year - 1}

    assert load_apps("events", today=tomorrow) == Counts(updated=len(starts) - len(fixed))

    for slug, start in Event.objects.values_list("slug_ca", "start"):
        if slug in last_year and slug not in fixed:
            continue  # moved to the year before tomorrow
        before, after = timezone.localtime(starts[slug]), timezone.localtime(start)
        moved = datetime.timedelta(0) if slug in fixed else DAY
        assert (after.date() - before.date(), after.time()) == (moved, before.time()), slug
    webinar = Event.objects.get(slug_ca="exemple-webinar-fons-europeus")
    local = timezone.localtime(webinar.start)
    assert (local.date(), local.time()) == (tomorrow + 12 * DAY, datetime.time(10, 0))


def test_without_the_networks_the_events_file_says_which_link_is_missing(db):
    load_apps("mandate")
    with pytest.raises(DemoContentError) as error:
        load_apps("events")
    assert str(error.value).startswith("relacions/events/demo.yaml, line ")
    assert "(events.Event «forum-cultura-eurocities-leeds-2019»): forum: no networks.Forum" in str(
        error.value
    )
    assert not Event.objects.exists()


def test_examples_are_marked_and_cover_every_kind_of_event(demo):
    examples = Event.objects.exclude(pk=leeds().pk)
    assert len(examples) >= 8
    for event in examples:
        assert event.title_ca.endswith("(exemple)") and event.title_es.endswith("(ejemplo)")
        assert event.title_en.endswith("(example)")
    upcoming = Event.objects.upcoming()
    assert upcoming.count() > 9, "the agenda has a second page"
    assert Event.objects.past().count() >= 3
    kinds = {
        "online": examples.filter(format=Event.Format.ONLINE),
        "hybrid": examples.filter(format=Event.Format.HYBRID),
        "cancelled": examples.filter(event_status=Event.EventStatus.CANCELLED),
        "postponed": examples.filter(event_status=Event.EventStatus.POSTPONED),
        "all day": examples.filter(all_day=True),
        "with outcomes": examples.exclude(outcomes_ca=""),
    }
    for kind, events in kinds.items():
        assert events.exists(), kind
    assert all(event.start > timezone.now() for event in examples if event.is_upcoming())


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_every_demo_event_page_answers(client, site_settings, demo, language):
    with translation.override(language):
        addresses = [event.get_absolute_url() for event in Event.objects.published()]
        addresses += [reverse("events:list"), reverse("events:list") + "?page=2"]
    for address in addresses:
        assert client.get(address).status_code == 200, address
