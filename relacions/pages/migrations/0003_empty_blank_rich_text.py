from django.db import migrations

from relacions.core.data_migrations import empty_blank_rich_text


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0002_page_reviewed_on"),
        # The generation row it raises when it changes anything.
        ("core", "0001_page_cache_generation"),
    ]

    operations = [empty_blank_rich_text("pages")]
