import pytest
from django.urls import reverse
from django.utils import timezone, translation

from relacions.events.demo import load
from relacions.events.models import Event
from relacions.mandate.demo import load as load_mandate
from relacions.networks.demo import load as load_networks

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    # In INSTALLED_APPS order, as `manage.py load_demo_content` runs them.
    load_mandate()
    load_networks()
    return load()


def leeds() -> Event:
    return Event.objects.get(slug_ca="forum-cultura-eurocities-leeds-2019")


def test_loading_twice_changes_nothing(demo):
    assert demo == Event.objects.count() >= 9
    snapshot = list(Event.objects.values_list("pk", "version", "start", "end"))
    assert load() == 0
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


def test_without_networks_and_mandate_the_events_load_unlinked(db):
    assert load() >= 9
    event = leeds()
    assert event.forum is None and not event.networks.exists()


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
