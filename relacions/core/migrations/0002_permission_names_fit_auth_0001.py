"""Nothing forward. Backward, before auth's 0002 is reversed: auth_permission.name goes back
to 50 characters there, and a permission whose name is longer (networks' "Can see membership
fees, contacts, documents and notes", or any app's) would stop `migrate auth zero`. Names are
cut to fit; the codenames, which code and groups use, are not touched."""

from django.db import migrations

NAME_LENGTH_BEFORE_AUTH_0002 = 50


def shorten_permission_names(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    for permission in Permission.objects.using(db).filter(
        name__regex=rf"^.{{{NAME_LENGTH_BEFORE_AUTH_0002 + 1},}}$"
    ):
        permission.name = permission.name[: NAME_LENGTH_BEFORE_AUTH_0002 - 1] + "…"
        permission.save(update_fields=["name"])


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0002_alter_permission_name_max_length"),
        ("core", "0001_page_cache_generation"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, shorten_permission_names, elidable=True),
    ]
