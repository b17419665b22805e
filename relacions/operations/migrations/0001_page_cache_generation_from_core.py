"""PageCacheGeneration moves from core to operations, in Django's state only.

The table stays where core's first migration made it, under its name (`core_pagecachegeneration`,
the model's `db_table`): nothing is copied, so a running site keeps its generation, and these stay
true whatever the order migrations run in:
- the content apps' data migrations (`empty_blank_rich_text`) raise the generation and depend on
  core's 0001 only, which has made the table by then;
- a backup taken before this move restores into the same table (docs/OPERATIONS.md).
On a fresh database core's 0001 creates the table and this migration only takes the model over;
on an existing one it changes nothing in the database but the model's content type (and so its
permissions), which moves to operations. Backwards, core takes the model back (core's 0003 is
reversed first) and `migrate core zero` drops the table, as it always did.
"""

from django.db import migrations, models


def content_type_to(app_label: str, other: str):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        db = schema_editor.connection.alias
        types = ContentType.objects.using(db)
        if not types.filter(app_label=app_label, model="pagecachegeneration").exists():
            types.filter(app_label=other, model="pagecachegeneration").update(app_label=app_label)

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("core", "0002_permission_names_fit_auth_0001"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PageCacheGeneration",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("value", models.BigIntegerField(verbose_name="value")),
                    ],
                    options={
                        "verbose_name": "page cache generation",
                        "db_table": "core_pagecachegeneration",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(
            content_type_to("operations", other="core"),
            content_type_to("core", other="operations"),
            elidable=True,
        ),
    ]
