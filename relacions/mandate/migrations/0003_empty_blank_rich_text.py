from django.db import migrations

from relacions.core.data_migrations import empty_blank_rich_text


class Migration(migrations.Migration):
    dependencies = [("mandate", "0002_constraint_messages")]

    operations = [empty_blank_rich_text("mandate")]
