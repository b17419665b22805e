"""The move of events' country to django-countries keeps every stored value, and goes back."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# In the test's transaction (PostgreSQL's DDL is transactional): rolled back with it, so the
# test database is left at the latest migration whatever happens.
pytestmark = pytest.mark.django_db

BEFORE = [("events", "0003_empty_blank_rich_text")]
AFTER = [("events", "0004_event_country_django_countries")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_stored_countries_become_iso_codes_and_the_step_reverses():
    from relacions.events.models import Event
    from tests.factories.events import EventFactory

    # Saved before the change (by code that skipped the form's check, or in EU style).
    for code in ("ES", "es", "UK", "EL", "XK", ""):
        EventFactory(country="ES", title_ca=f"Trobada {code}", city=code)
    Event.objects.filter(city="es").update(country="es")
    Event.objects.filter(city="UK").update(country="UK")
    Event.objects.filter(city="EL").update(country="EL")
    Event.objects.filter(city="XK").update(country="XK")
    Event.objects.filter(city="").update(country="")
    migrate(BEFORE)
    apps = migrate(AFTER)
    stored = dict(apps.get_model("events", "Event").objects.values_list("city", "country"))
    assert stored == {"ES": "ES", "es": "ES", "UK": "GB", "EL": "GR", "XK": "XK", "": ""}

    apps = migrate(BEFORE)
    stored = dict(apps.get_model("events", "Event").objects.values_list("city", "country"))
    assert stored["UK"] == "GB" and stored["XK"] == "XK"
    migrate(AFTER)
