"""PageCacheGeneration now belongs to operations (its 0001): removed from core's state only; the
table, which core's 0001 made, stays and is operations' from now on (see that migration)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_permission_names_fit_auth_0001"),
        ("operations", "0001_page_cache_generation_from_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PageCacheGeneration")],
            database_operations=[],
        ),
    ]
