"""An index for what the public pages ask of the news: published items newest first.

The news list, its year filter and page count, the home page, the feeds and an item's previous
and next all read published items by date; with the publication window's columns included,
PostgreSQL answers the counts and the years from the index alone (an index-only scan of small
entries instead of the whole table, whose rows carry three languages of body text). Partial on
`status = 'published'`, the one literal of `published()`, so drafts take no room in it.

Written in SQL (INCLUDE and a partial condition), so the model's state is unchanged and
`makemigrations` has nothing to add.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [
        migrations.RunSQL(
            sql=(
                "CREATE INDEX news_public_by_date ON news_newsitem "
                "(published_on DESC, id DESC) INCLUDE (publish_at, unpublish_at, featured) "
                "WHERE status = 'published'"
            ),
            reverse_sql="DROP INDEX news_public_by_date",
        ),
    ]
