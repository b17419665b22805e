import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone

from relacions.events.models import Event
from tests.factories.events import EventFactory, PastEventFactory
from tests.helpers import sleep_past

from .conftest import PUBLICATION_STATES

pytestmark = pytest.mark.django_db


def render(template: str = "{% upcoming_events limit=3 %}") -> str:
    return Template("{% load events_tags %}" + template).render(Context())


def test_the_next_events_as_cards_soonest_first():
    later, sooner = (
        EventFactory(days=20, title_ca="Després"),
        EventFactory(days=2, title_ca="Abans"),
    )
    PastEventFactory(title_ca="Ja passat")
    html = render()

    assert html.strip().startswith('<ul class="cards">')
    assert html.index(sooner.title_ca) < html.index(later.title_ca)
    assert "Ja passat" not in html
    assert html.count("<h3") == 2


def test_the_limit():
    EventFactory.create_batch(5)
    assert render("{% upcoming_events limit=2 %}").count('<li class="card') == 2
    assert render("{% upcoming_events limit=2 heading_level=2 %}").count("<h2") == 2


@pytest.mark.parametrize("state", PUBLICATION_STATES)
def test_unpublished_events_never_reach_the_home_page(state):
    EventFactory(title_ca="Amagat", **PUBLICATION_STATES[state])
    html = render()
    assert "Amagat" not in html
    assert 'class="agenda-empty"' in html


@pytest.mark.parametrize("count", [1, 50])
def test_one_query_whatever_the_number_of_events(django_assert_num_queries, count, image):
    EventFactory.create_batch(count, image=image)
    with django_assert_num_queries(1):  # the events with their images (renditions included)
        html = render()
    assert html.count('<li class="card') == min(count, 3)


def test_a_cancelled_event_is_marked_on_its_card():
    EventFactory(event_status=Event.EventStatus.CANCELLED)
    assert "event-status--cancelled" in render()


def test_an_event_leaves_the_next_events_when_it_ends():
    """The list's query is compiled once per limit: each rendering reads its own moment."""
    event = EventFactory(
        title_ca="Acaba aviat",
        start=timezone.now() - datetime.timedelta(hours=1),
        end=timezone.now() + datetime.timedelta(seconds=3),
    )
    assert "Acaba aviat" in render()
    sleep_past(event.end)
    assert "Acaba aviat" not in render()
