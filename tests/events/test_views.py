import json
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from relacions.events import month as month_module
from relacions.events.models import Event
from relacions.workflow.preview import preview_url
from tests.factories.events import EventFactory, PastEventFactory
from tests.factories.mandate import ObjectiveFactory, PlanFactory
from tests.factories.networks import ChallengeAreaFactory, ForumFactory, NetworkFactory
from tests.helpers import LANGUAGES, address, sleep_past

from .conftest import PUBLICATION_STATES, madrid

pytestmark = pytest.mark.django_db


def detail_url(event: Event, language: str = "ca") -> str:
    with translation.override(language):
        return event.get_absolute_url()


def month_url(event: Event, language: str = "ca") -> str:
    start = event.local_start
    return address("events:month", language, year=start.year, month=start.month)


def body(response) -> str:
    return response.content.decode()


def json_ld(response) -> dict:
    found = re.search(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', body(response), re.S
    )
    assert found, "no JSON-LD on the page"
    return json.loads(found.group(1))


# --- Every page in every language ------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_agenda_detail_and_month_answer_in_each_language(client, language):
    event = EventFactory()
    pages = {
        "list": address("events:list", language),
        "detail": detail_url(event, language),
        "month": month_url(event, language),
        "past": address("events:past", language, year=PastEventFactory().local_start.year),
    }
    for name, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, name
        html = body(response)
        assert f'<html lang="{language}">' in html
        assert html.count("<h1") == 1, name
        assert f"Event {event.title_ca.split()[1]} {language}" in html or name == "past"


def test_the_language_switcher_links_the_same_event_by_its_translated_slug(client):
    event = EventFactory(slug_ca="trobada", slug_es="encuentro", slug_en="meeting")
    html = body(client.get(detail_url(event, "es")))
    assert f'href="{detail_url(event, "ca")}" hreflang="ca"' in html
    assert f'href="{detail_url(event, "en")}" hreflang="en"' in html
    assert detail_url(event, "en").endswith("/meeting/")


def test_a_missing_translation_falls_back_to_catalan_marked_as_such(client):
    event = EventFactory(title_en="", body_en="", body_ca="<p>Cos</p>")
    html = body(client.get(detail_url(event, "en")))
    assert f'<h1 lang="ca">{event.title_ca}</h1>' in html
    assert 'class="fallback-notice"' in html
    assert '<div class="rich-text" lang="ca"><p>Cos</p></div>' in html


# --- Publication rules, surface by surface ---------------------------------------------------


@pytest.mark.parametrize("state", PUBLICATION_STATES)
def test_unpublished_events_appear_on_no_public_page(client, state):
    event = EventFactory(title_ca="Esdeveniment amagat", **PUBLICATION_STATES[state])
    past = PastEventFactory(title_ca="Passat amagat", **PUBLICATION_STATES[state])
    PastEventFactory(start=madrid(2019, 10, 9, 9), end=madrid(2019, 10, 9, 12))

    for path in (
        address("events:list"),
        month_url(event),
        month_url(past),
        address("events:past", year=2019),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "amagat" not in body(response), path
    assert client.get(address("events:past", year=past.local_start.year)).status_code == 404
    assert client.get(detail_url(event)).status_code == 404
    assert client.get(detail_url(past)).status_code == 404


def test_published_events_appear_where_they_belong(client):
    event = EventFactory(title_ca="Trobada propera")
    past = PastEventFactory(title_ca="Trobada passada")

    agenda = body(client.get(address("events:list")))
    assert "Trobada propera" in agenda and "Trobada passada" not in agenda
    archive = client.get(address("events:past"), follow=True)
    assert archive.redirect_chain == [(address("events:past", year=past.local_start.year), 302)]
    assert "Trobada passada" in body(archive) and "Trobada propera" not in body(archive)
    assert "Trobada propera" in body(client.get(month_url(event)))
    assert client.get(detail_url(past)).status_code == 200


def test_an_event_under_way_is_still_in_the_agenda(client):
    EventFactory(title_ca="Ara mateix", start=timezone.now() - timedelta(hours=1))
    assert "Ara mateix" in body(client.get(address("events:list")))


@pytest.mark.usefixtures("fragment_cache")
def test_the_agenda_s_pages_follow_each_request_s_moment(client):
    """Its pages are prepared (one compile; the moment, LIMIT and OFFSET as values) and its
    count kept with the content generation: page 2 holds the 10th and 11th events soonest
    first, and an event that ends leaves the agenda with no save."""
    soon = timezone.now() + timedelta(days=1)
    for n in range(10):
        EventFactory(title_ca=f"Activitat {n:02}", start=soon + timedelta(days=n),
                     end=soon + timedelta(days=n, hours=2))  # fmt: skip
    ends_at = timezone.now() + timedelta(seconds=2)
    EventFactory(title_ca="Activitat que acaba", start=ends_at - timedelta(hours=1), end=ends_at)
    first = re.findall(r"Activitat [^<]+", body(client.get(address("events:list"))))
    second = re.findall(r"Activitat [^<]+", body(client.get(address("events:list") + "?page=2")))
    assert first[0] == "Activitat que acaba" and len(set(first)) == 9
    assert sorted(set(second)) == ["Activitat 08", "Activitat 09"]
    sleep_past(ends_at)
    first = re.findall(r"Activitat [^<]+", body(client.get(address("events:list"))))
    assert "Activitat que acaba" not in first and first[0] == "Activitat 00"
    assert sorted(set(re.findall(r"Activitat [^<]+", body(
        client.get(address("events:list") + "?page=2"))))) == ["Activitat 09"]  # fmt: skip


def test_the_past_events_page_without_past_events(client):
    response = client.get(address("events:past"))
    assert response.status_code == 200
    assert 'class="agenda-empty"' in body(response)


def test_staff_preview_unpublished_events_never_cached_nor_indexed(client, django_user_model):
    event = EventFactory(status=Event.Status.DRAFT)
    editor = django_user_model.objects.create_user("editor", is_staff=True)
    client.force_login(editor)
    assert client.get(detail_url(event)).status_code == 404

    assert client.get(preview_url(event, "ca")).status_code == 403

    # Drafts are previewed through the admin's signed links only (relacions.workflow).
    editor.user_permissions.add(Permission.objects.get(codename="change_event"))
    assert client.get(detail_url(event)).status_code == 404
    response = client.get(preview_url(event, "ca"))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    assert 'class="preview-notice"' in body(response)
    # The preview is only a page: the calendar file is for published events.
    assert client.get(event.get_calendar_url()).status_code == 404


def test_published_events_have_no_preview_headers_for_staff(admin_client):
    response = admin_client.get(detail_url(EventFactory()))
    assert "X-Robots-Tag" not in response
    assert 'class="preview-notice"' not in body(response)


# --- What the detail page says ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_status", "notice"),
    [
        (Event.EventStatus.CANCELLED, "event-notice--cancelled"),
        (Event.EventStatus.POSTPONED, "event-notice--postponed"),
    ],
)
def test_cancelled_and_postponed_events_say_so_prominently(client, event_status, notice):
    event = EventFactory(event_status=event_status)
    html = body(client.get(detail_url(event)))
    assert notice in html
    assert html.index(notice) < html.index('class="event-facts"')
    card = body(client.get(address("events:list")))
    assert f"event-status--{event_status}" in card


def test_outcomes_are_shown_only_once_the_event_has_ended(client):
    upcoming = EventFactory(outcomes_ca="<p>Acords presos</p>")
    past = PastEventFactory(outcomes_ca="<p>Acords presos</p>")
    assert "Acords presos" not in body(client.get(detail_url(upcoming)))
    assert "Acords presos" in body(client.get(detail_url(past)))


def test_registration_link_while_registration_is_open(client):
    event = EventFactory(
        registration_url="https://example.org/register",
        registration_deadline=timezone.now() + timedelta(days=1),
    )
    assert 'href="https://example.org/register"' in body(client.get(detail_url(event)))
    Event.objects.filter(pk=event.pk).update(registration_deadline=timezone.now())
    html = body(client.get(detail_url(event)))
    assert 'href="https://example.org/register"' not in html


def test_times_are_shown_in_madrid(client):
    event = EventFactory(start=madrid(2031, 7, 1, 9, 30), end=madrid(2031, 7, 1, 11, 0))
    html = body(client.get(detail_url(event, "es")))
    assert '<time datetime="2031-07-01T09:30:00+02:00">1 de julio de 2031, 09:30</time>' in html
    assert '<time datetime="2031-07-01T11:00:00+02:00">11:00</time>' in html


def test_an_all_day_event_shows_its_dates_only(client):
    event = EventFactory(all_day=True, start=madrid(2031, 10, 9, 0), end=madrid(2031, 10, 11, 0))
    html = body(client.get(detail_url(event, "en")))
    assert '<time datetime="2031-10-09">Oct. 9, 2031</time>' in html
    assert '<time datetime="2031-10-11">Oct. 11, 2031</time>' in html


def test_the_add_to_calendar_link(client):
    event = EventFactory()
    html = body(client.get(detail_url(event)))
    assert f'href="{event.get_calendar_url()}" type="text/calendar" download' in html


def test_only_public_related_content_is_linked(client):
    network, hidden_network = NetworkFactory(), NetworkFactory(status="draft")
    forum = ForumFactory(network=network, status="draft")
    objective = ObjectiveFactory(axis__plan=PlanFactory())
    event = EventFactory(forum=forum)
    event.networks.set([network, hidden_network])
    event.challenge_areas.set([ChallengeAreaFactory(forum=forum)])
    event.objectives.set([objective])

    html = body(client.get(detail_url(event)))
    assert network.name_ca in html and hidden_network.name_ca not in html
    assert forum.name_ca not in html
    assert objective.get_absolute_url() in html


# --- Structured data and Open Graph -------------------------------------------------------------


@pytest.mark.parametrize(
    ("event_status", "schema_status"),
    [
        (Event.EventStatus.SCHEDULED, "https://schema.org/EventScheduled"),
        (Event.EventStatus.POSTPONED, "https://schema.org/EventPostponed"),
        (Event.EventStatus.CANCELLED, "https://schema.org/EventCancelled"),
    ],
)
def test_json_ld_event_status(client, event_status, schema_status):
    event = EventFactory(event_status=event_status)
    data = json_ld(client.get(detail_url(event)))
    assert data["@type"] == "Event"
    assert data["eventStatus"] == schema_status


@pytest.mark.parametrize(
    ("event_format", "mode", "location_types"),
    [
        (Event.Format.IN_PERSON, "OfflineEventAttendanceMode", ["Place"]),
        (Event.Format.ONLINE, "OnlineEventAttendanceMode", ["VirtualLocation"]),
        (Event.Format.HYBRID, "MixedEventAttendanceMode", ["Place", "VirtualLocation"]),
    ],
)
def test_json_ld_attendance_mode_and_location(client, event_format, mode, location_types):
    event = EventFactory(format=event_format, online_url="https://example.org/live")
    data = json_ld(client.get(detail_url(event)))
    assert data["eventAttendanceMode"] == f"https://schema.org/{mode}"
    locations = data["location"] if isinstance(data["location"], list) else [data["location"]]
    assert [location["@type"] for location in locations] == location_types
    for location in locations:
        if location["@type"] == "Place":
            assert location["address"]["addressLocality"] == "Terrassa"
            assert location["address"]["addressCountry"] == "ES"
        else:
            assert location["url"] == "https://example.org/live"


def test_json_ld_dates_image_organizer_and_language(client, image):
    event = EventFactory(
        image=image, start=madrid(2031, 1, 15, 10, 0), end=madrid(2031, 1, 15, 12, 0)
    )
    response = client.get(detail_url(event, "en"))
    data = json_ld(response)
    assert data["startDate"] == "2031-01-15T10:00+01:00"
    assert data["endDate"] == "2031-01-15T12:00+01:00"
    assert data["name"] == event.title_en and data["inLanguage"] == "en"
    assert data["url"] == f"http://testserver{detail_url(event, 'en')}"
    assert data["organizer"]["@type"] == "Organization"
    og_image = f"http://testserver{image.og_image_url}"
    assert data["image"] == [og_image]
    assert f'<meta property="og:image" content="{og_image}">' in body(response)


def test_json_ld_of_an_all_day_event_uses_dates(client):
    event = EventFactory(all_day=True, start=madrid(2031, 10, 9, 0), end=madrid(2031, 10, 11, 0))
    data = json_ld(client.get(detail_url(event)))
    assert (data["startDate"], data["endDate"]) == ("2031-10-09", "2031-10-11")


def test_json_ld_cannot_close_its_script_element(client):
    event = EventFactory(title_ca="</script><script>alert(1)</script>")
    response = client.get(detail_url(event))
    html = body(response)
    assert "<script>alert(1)" not in html
    assert json_ld(response)["name"] == "</script><script>alert(1)</script>"


def test_the_json_ld_script_carries_the_csp_nonce(client):
    response = client.get(detail_url(EventFactory()))
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'<script type="application/ld+json" nonce="{nonce}">' in body(response)


# --- Month view -----------------------------------------------------------------------------


def test_the_month_is_an_html_table_that_needs_no_javascript(client):
    event = EventFactory(
        title_ca="Fòrum de tres dies", start=madrid(2030, 2, 27, 9), end=madrid(2030, 3, 1, 18)
    )
    html = body(client.get(month_url(event)))

    assert "<table" in html and "<caption" in html
    assert html.count('<th scope="col">') == 7
    assert "<script" not in html
    # Shown on each of its days that fall in the month (the 27th and the 28th).
    table = html[html.index("<table") : html.index("</table>")]
    assert table.count("Fòrum de tres dies") == 2
    assert 'rel="prev"' in html and address("events:month", year=2030, month=1) in html
    assert 'rel="next"' in html and address("events:month", year=2030, month=3) in html


def test_the_month_view_marks_today(client):
    today = timezone.localdate()
    html = body(client.get(address("events:month", year=today.year, month=today.month)))
    assert 'aria-current="date"' in html


def test_the_calendar_stops_at_its_first_and_last_months(client):
    first = body(client.get(address("events:month", year=month_module.FIRST_YEAR, month=1)))
    assert 'rel="prev"' not in first and 'rel="next"' in first
    last_year = month_module.last_year()
    last = body(client.get(address("events:month", year=last_year, month=12)))
    assert 'rel="next"' not in last and 'rel="prev"' in last


# --- Bad addresses and query strings ------------------------------------------------------------


@pytest.mark.parametrize("page", ["abc", "99999", "0", "-1", "1.5", ""])
def test_bad_page_numbers_are_not_found_or_the_first_page(client, page):
    EventFactory.create_batch(3)
    response = client.get(address("events:list"), {"page": page})
    assert response.status_code in (200, 404)
    if response.status_code == 200:
        assert response.context["page_obj"].number == 1


@pytest.mark.parametrize(
    ("year", "month"),
    [(2030, 13), (2030, 0), (0, 1), (99999, 1), (1999, 12), (10**30, 1)],
)
def test_months_out_of_range_are_not_found(client, year, month):
    assert client.get(f"{address('events:list')}{year}/{month}/").status_code == 404


@pytest.mark.parametrize("year", ["0", "2019", "99999", str(10**30)])
def test_years_without_past_events_are_not_found(client, year):
    PastEventFactory()
    assert client.get(f"{address('events:past')}{year}/").status_code == 404


@pytest.mark.parametrize("query", ["?year=x", "?month=abc", "?page=abc&year=1"])
def test_unknown_query_strings_are_ignored_or_not_found(client, query):
    event = EventFactory()
    for path in (detail_url(event), month_url(event), address("events:ical")):
        assert client.get(path + query).status_code in (200, 404)


# --- Queries ----------------------------------------------------------------------------------


def linked_event(**kwargs) -> Event:
    """An event with an image and every kind of related content, as the busiest page shows."""
    event = EventFactory(**kwargs)
    network = NetworkFactory()
    forum = ForumFactory(network=network)
    event.forum = forum
    event.save()
    event.networks.set([network])
    event.challenge_areas.set([ChallengeAreaFactory(forum=forum)])
    event.objectives.set([ObjectiveFactory()])
    return event


@pytest.mark.parametrize("count", [1, 50])
def test_agenda_queries_do_not_grow_with_events(
    client, django_assert_max_num_queries, count, image
):
    EventFactory.create_batch(count, image=image)
    # The site's chrome; past years (the archive link), page count, events with their images.
    with django_assert_max_num_queries(4):
        response = client.get(address("events:list"))
    assert response.status_code == 200
    assert len(response.context["events"]) == min(count, 9)


@pytest.mark.parametrize("count", [1, 50])
def test_past_queries_do_not_grow_with_events(client, django_assert_max_num_queries, count, image):
    events = PastEventFactory.create_batch(count, image=image)
    path = address("events:past", year=events[0].local_start.year)
    # The site's chrome; years, page count, events with their images.
    with django_assert_max_num_queries(4):
        response = client.get(path)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 50])
def test_month_queries_do_not_grow_with_events(client, django_assert_max_num_queries, count, image):
    events = [
        EventFactory(image=image, start=madrid(2030, 5, 1 + n % 28, 9), end=madrid(2030, 5, 28, 9))
        for n in range(count)
    ]
    # The site's chrome; past years (the archive link), events with their images.
    with django_assert_max_num_queries(3):
        response = client.get(month_url(events[0]))
    assert response.status_code == 200
    assert len(response.context["events"]) == count


@pytest.mark.parametrize("count", [1, 50])
def test_detail_queries_do_not_grow_with_content(
    client, django_assert_max_num_queries, count, image
):
    events = [linked_event(image=image) for _ in range(count)]
    event = events[-1]
    event.networks.add(*NetworkFactory.create_batch(count))
    event.objectives.add(*ObjectiveFactory.create_batch(count))
    # The page's own (event with its image, forum, networks, challenge areas, objectives), the
    # site's chrome, and past years, for the archive link.
    with django_assert_max_num_queries(7):
        response = client.get(detail_url(event))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 50])
def test_calendar_feed_queries_do_not_grow_with_events(
    client, django_assert_max_num_queries, count
):
    EventFactory.create_batch(count)
    with django_assert_max_num_queries(1):
        response = client.get(address("events:ical"))
    assert response.status_code == 200
    assert body(response).count("BEGIN:VEVENT") == count


def test_the_catalan_month_page_elides_before_a_month_with_a_vowel(client):
    from django.utils import translation

    with translation.override("ca"):
        october = reverse("events:month", args=(2026, 10))
        may = reverse("events:month", args=(2026, 5))
    assert "Activitats d'octubre del 2026" in client.get(october).content.decode()
    assert "Activitats de maig del 2026" in client.get(may).content.decode()
