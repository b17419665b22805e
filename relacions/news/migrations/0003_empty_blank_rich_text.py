from django.db import migrations

from relacions.core.data_migrations import empty_blank_rich_text


class Migration(migrations.Migration):
    dependencies = [("news", "0002_public_listing_index")]

    operations = [empty_blank_rich_text("news")]
