"""Events' country becomes a django-countries field.

The column stays a two-letter code, so the schema does not change; the data step rewrites the
codes the library would not recognise but that name a country all the same: lower case (saved
by code that skipped the form's check) and the two codes the European Union uses instead of
ISO's (UK for GB, EL for GR). A code that names no country is kept as it is (the public page shows
the code, and the admin form asks for a country when the event is next saved), so nothing is
lost. Going back needs no data step: every code this writes is one the old field accepted.
"""

import django_countries.fields
from django.db import migrations

# The European Union's own codes (its style guide) where they differ from ISO 3166.
EU_CODES = {"UK": "GB", "EL": "GR"}


def normalise_countries(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    for pk, country in Event.objects.exclude(country="").values_list("pk", "country"):
        code = country.strip().upper()
        code = EU_CODES.get(code, code)
        if code != country:
            Event.objects.filter(pk=pk).update(country=code)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_empty_blank_rich_text"),
    ]

    operations = [
        migrations.RunPython(normalise_countries, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="event",
            name="country",
            field=django_countries.fields.CountryField(
                blank=True, max_length=2, verbose_name="country"
            ),
        ),
    ]
