"""Each network's headquarters typed as "City (Country)" becomes its seat, a place of the register
(relacions.places). What names no country ("Barcelona") or only a country (a twinning's partner,
moved to relacions.agreements) is left as typed; the typed text is kept in every case."""

from django.db import migrations

from relacions.places.data_migrations import (
    LANGUAGES,
    country_code,
    place_for,
    split_city_and_country,
)


def forwards(apps, schema_editor):
    Network = apps.get_model("networks", "Network")
    Place = apps.get_model("places", "Place")
    for network in Network.objects.filter(seat__isnull=True).exclude(kind="twinning"):
        parts = {
            language: split_city_and_country(getattr(network, f"headquarters_{language}") or "")
            for language in LANGUAGES
        }
        country = country_code(*(country for _city, country in parts.values()))
        names = {language: city for language, (city, country_name) in parts.items() if country_name}
        if not country or not names.get("ca"):
            continue
        network.seat = place_for(Place, names, country)
        network.save(update_fields=["seat"])


def backwards(apps, schema_editor):
    apps.get_model("networks", "Network").objects.update(seat=None)
    # The step before drops the column: PostgreSQL refuses to alter a table with constraint
    # checks still pending in the transaction, so they run now.
    schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [("networks", "0005_network_seat_place"), ("places", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
