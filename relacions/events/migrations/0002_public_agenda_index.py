"""An index for what the public pages ask of the agenda: published events in the order they
start, with their end and publication window included.

The agenda (events not yet ended, soonest first), the archive (ended events, latest first, by
year), its list of years, the month view and the calendar feed all filter published events on
`end` and order them by `start`: with these columns in the index PostgreSQL walks it in order
and stops after a page, reading only the rows it shows. Partial on `status = 'published'`.

Written in SQL (INCLUDE and a partial condition), so the model's state is unchanged.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql=(
                "CREATE INDEX events_public_by_start ON events_event "
                '(start, id) INCLUDE ("end", publish_at, unpublish_at) '
                "WHERE status = 'published'"
            ),
            reverse_sql="DROP INDEX events_public_by_start",
        ),
    ]
