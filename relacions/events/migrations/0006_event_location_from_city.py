"""Each event's typed city and country become a place of the register (relacions.places); the
typed fields keep their values, so undoing this only unlinks the places."""

from django.db import migrations

from relacions.places.data_migrations import place_for


def forwards(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Place = apps.get_model("places", "Place")
    for event in Event.objects.filter(location__isnull=True).exclude(city="").exclude(country=""):
        place = place_for(Place, {"ca": event.city.strip()}, event.country)
        Event.objects.filter(pk=event.pk).update(location=place)


def backwards(apps, schema_editor):
    apps.get_model("events", "Event").objects.update(location=None)
    # The step before drops the column: PostgreSQL refuses to alter a table with constraint
    # checks still pending in the transaction, so they run now.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [("events", "0005_event_location_place")]

    operations = [migrations.RunPython(forwards, backwards)]
