from django.db import migrations

from relacions.core.data_migrations import empty_blank_rich_text


class Migration(migrations.Migration):
    dependencies = [("networks", "0001_initial")]

    operations = [empty_blank_rich_text("networks")]
