"""The demo loader (relacions/core/demo.py), on small YAML files of its own."""

import datetime
import io
import textwrap
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError

from relacions.core.demo import Counts, DemoContentError, demo_files, load_file, parse_date
from relacions.events.models import Event
from relacions.mandate.models import Plan
from relacions.networks.models import Forum, Network
from relacions.pages.models import Page
from tests.factories.mandate import PlanFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 1, 31)
MADRID = ZoneInfo("Europe/Madrid")

NETWORKS = """
- model: networks.Network
  key: slug
  defaults: {status: published}
  objects:
  - slug: {ca: xarxa-de-prova, es: red-de-prueba, en: test-network}
    name: {ca: Xarxa de prova, es: Red de prueba, en: Test network}
    kind: city-network

- model: networks.Forum
  key: slug
  objects:
  - slug: {ca: forum-de-prova, es: foro-de-prueba, en: test-forum}
    name: {ca: Fòrum de prova, es: Foro de prueba, en: Test forum}
    network: xarxa-de-prova
    description: {ca: <p>Un fòrum.</p>, es: <p>Un foro.</p>, en: <p>A forum.</p>}
"""

EVENTS = """
- model: events.Event
  key: slug
  objects:
  - slug: {ca: trobada, es: encuentro, en: meeting}
    title: {ca: Trobada, es: Encuentro, en: Meeting}
    start: today+3d 10:00
    end: today+3d 11:30
    registration_deadline: today+1d 23:59
    format: online
    terrassa_role: host
    forum: forum-de-prova
    networks: [xarxa-de-prova]
"""


@pytest.fixture
def write(tmp_path):
    def write(text: str, name: str = "demo.yaml"):
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


def load(path, today=TODAY) -> Counts:
    return load_file(path, today=today)


# --- Dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day", "clock"),
    [
        ("today", datetime.date(2026, 1, 31), None),
        ("today+12d", datetime.date(2026, 2, 12), None),
        ("today-40d", datetime.date(2025, 12, 22), None),
        ("today+2w", datetime.date(2026, 2, 14), None),
        ("today+1m", datetime.date(2026, 2, 28), None),  # the last day of a shorter month
        ("today-2y", datetime.date(2024, 1, 31), None),
        ("today+1y-1d", datetime.date(2027, 1, 30), None),
        ("year-start+1y", datetime.date(2027, 1, 1), None),
        ("today+3d 9:30", datetime.date(2026, 2, 3), datetime.time(9, 30)),
        ("2019-10-09", datetime.date(2019, 10, 9), None),
        ("2019-10-09 23:59", datetime.date(2019, 10, 9), datetime.time(23, 59)),
    ],
)
def test_dates_are_counted_from_today(text, day, clock):
    assert parse_date(text, today=TODAY) == (day, clock)


@pytest.mark.parametrize("text", ["tomorrow", "today+3", "+3d", "today 25:00", "9 October"])
def test_a_date_the_notation_does_not_know_is_refused(text):
    with pytest.raises(ValueError, match="is not a date"):
        parse_date(text, today=TODAY)


def test_a_date_time_is_local_to_the_site(write):
    load(write(NETWORKS + EVENTS))

    event = Event.objects.get(slug_ca="trobada")
    assert event.start == datetime.datetime(2026, 2, 3, 10, 0, tzinfo=MADRID)
    assert event.end == datetime.datetime(2026, 2, 3, 11, 30, tzinfo=MADRID)
    assert event.registration_deadline == datetime.datetime(2026, 2, 1, 23, 59, tzinfo=MADRID)


def test_a_date_time_without_its_time_of_day_is_an_error(write):
    path = write(NETWORKS + EVENTS.replace("start: today+3d 10:00", "start: today+3d"))

    with pytest.raises(DemoContentError, match=r"start: 'today\+3d' needs a time of day"):
        load(path)


def test_a_year_field_takes_the_year_of_a_date(write):
    load(
        write("""
        - model: mandate.Plan
          key: slug
          objects:
          - slug: {ca: pla}
            title: {ca: Pla}
            start_year: today-1y
            end_year: today
        """)
    )
    assert Plan.objects.values_list("start_year", "end_year").get() == (2025, 2026)


# --- Languages and links -------------------------------------------------------------------------


def test_each_language_goes_to_its_own_field(write):
    load(write(NETWORKS))

    network = Network.objects.get(slug_ca="xarxa-de-prova")
    assert (network.name_ca, network.name_es, network.name_en) == (
        "Xarxa de prova",
        "Red de prueba",
        "Test network",
    )
    assert (network.slug_es, network.slug_en) == ("red-de-prueba", "test-network")
    assert network.is_published()


def test_links_name_the_linked_object_by_its_key(write):
    load(write(NETWORKS + EVENTS))

    forum = Forum.objects.get(slug_ca="forum-de-prova")
    assert forum.network.slug_ca == "xarxa-de-prova"
    event = Event.objects.get(slug_ca="trobada")
    assert event.forum == forum
    assert list(event.networks.all()) == [forum.network]


def test_a_link_uses_the_key_another_file_declares(write):
    load(write(NETWORKS, "networks.yaml"))

    # events.yaml declares no key for networks and forums: relacions/networks/demo.yaml does.
    assert load(write(EVENTS, "events.yaml")) == Counts(created=1)
    assert Event.objects.get().forum.slug_ca == "forum-de-prova"


def test_a_link_that_finds_nothing_is_an_error_naming_the_file_and_the_entry(write):
    path = write(NETWORKS + EVENTS.replace("networks: [xarxa-de-prova]", "networks: [no-such]"))

    with pytest.raises(DemoContentError) as error:
        load(path)

    message = str(error.value)
    assert message.startswith(f"{path}, line 21 (events.Event «trobada»): networks: ")
    assert "no networks.Network with slug 'no-such'" in message
    assert not Network.objects.exists(), "nothing of a file that fails is kept"


def test_an_unknown_field_is_an_error(write):
    path = write(NETWORKS.replace("kind: city-network", "knd: city-network"))

    with pytest.raises(DemoContentError, match=r"line 6 \(networks.Network «xarxa-de-prova»\): "):
        load(path)
    with pytest.raises(DemoContentError, match="networks.Network has no field 'knd'"):
        load(path)


def test_a_translated_field_needs_its_languages(write):
    path = write(NETWORKS.replace("kind: city-network", "acronym: XP"))

    with pytest.raises(
        DemoContentError, match=r"acronym is translated: write \{ca: …, es: …, en: …\}"
    ):
        load(path)


def test_a_value_the_model_refuses_is_an_error(write):
    path = write(NETWORKS.replace("kind: city-network", "kind: village"))

    with pytest.raises(DemoContentError, match=r"«xarxa-de-prova»\): kind: .*village"):
        load(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- model: networks.Network\n  objects: []\n", "the section has no 'key'"),
        ("- model: networks.Nowhere\n  key: slug\n  objects: []\n", "unknown model"),
        ("- model: networks.Network\n  key: slug\n  objects: [\n", "not valid YAML"),
        ("model: networks.Network\n", "the file must be a list of sections"),
    ],
)
def test_a_malformed_file_is_an_error(write, text, message):
    with pytest.raises(DemoContentError, match=message):
        load(write(text))


# --- Loading again --------------------------------------------------------------------------------


def test_loading_twice_changes_nothing(write):
    path = write(NETWORKS + EVENTS)
    assert load(path) == Counts(created=3)
    versions = list(Event.objects.values_list("pk", "version", "updated_at"))

    assert load(path) == Counts()

    assert list(Event.objects.values_list("pk", "version", "updated_at")) == versions
    assert (Network.objects.count(), Forum.objects.count(), Event.objects.count()) == (1, 1, 1)


def test_an_object_is_found_by_its_key_and_updated(write):
    path = write(NETWORKS + EVENTS)
    load(path)
    Network.objects.update(name_es="Otro nombre")
    Event.objects.get().networks.clear()

    assert load(path) == Counts(updated=2)
    assert Network.objects.get().name_es == "Red de prueba"
    assert Event.objects.get().networks.count() == 1

    assert load(path, today=TODAY + datetime.timedelta(days=1)) == Counts(updated=1)
    assert Event.objects.get().start == datetime.datetime(2026, 2, 4, 10, 0, tzinfo=MADRID)


def test_unless_another_has_leaves_a_value_another_object_holds(write):
    path = write("""
    - model: mandate.Plan
      key: slug
      objects:
      - slug: {ca: pla-de-prova}
        title: {ca: Pla de prova}
        start_year: 2023
        end_year: 2027
        unless_another_has: {is_current: true}
    """)
    real = PlanFactory(is_current=True)

    load(path)
    assert list(Plan.objects.current()) == [real]

    real.delete()
    load(path)
    assert Plan.objects.current().get().slug_ca == "pla-de-prova"
    assert load(path) == Counts()


# --- The project's files -------------------------------------------------------------------------


def test_every_app_with_demo_content_has_its_file_in_installed_apps_order():
    labels = [config.label for config, _path in demo_files()]
    assert labels == [
        "pages",
        "places",
        "mandate",
        "networks",
        "events",
        "news",
        "agreements",
        "projects",
        "visits",
        "reports",
    ]
    order = [config.label for config in apps.get_app_configs()]
    assert labels == sorted(labels, key=order.index)


def test_the_command_loads_every_file_and_says_what_it_did():
    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    assert "news: 20 created, 0 updated" in output.getvalue()  # 2 images, 18 items
    assert Page.objects.count() == 4

    output = io.StringIO()
    call_command("load_demo_content", stdout=output)
    assert output.getvalue().count("0 created, 0 updated") == len(demo_files())


def test_the_command_reports_a_broken_file(monkeypatch, write):
    path = write(NETWORKS.replace("network: xarxa-de-prova", "network: nowhere"))
    app = SimpleNamespace(label="networks")
    monkeypatch.setattr("relacions.core.demo.demo_files", lambda: [(app, path)])

    with pytest.raises(CommandError, match="networks.Forum «forum-de-prova»"):
        call_command("load_demo_content", stdout=io.StringIO())
