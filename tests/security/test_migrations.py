"""Every migration can be reversed: all apps to zero and back, on a database of its own.

`makemigrations --check` (models and migrations agree) is tests/project/test_settings.py's.
"""

import json

import pytest

from tests.fixtures.cluster import dev_env, manage

pytestmark = pytest.mark.django_db

# One process, as `manage.py migrate` runs: every app's schema and data migrations, and every
# post_migrate receiver (permissions, content types, the two-factor group) after each command,
# including those that run while auth's own tables are gone.
SCRIPT = """
import json
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader

def permissions():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), max(length(name)) FROM auth_permission")
        return cursor.fetchone()

def tables():
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return sorted(row[0] for row in cursor.fetchall() if row[0] != "django_migrations")

def applied():
    return len(MigrationLoader(connection).applied_migrations)

call_command("migrate", verbosity=0, interactive=False)
result = {"migrated": tables(), "applied": applied(), "permissions": permissions()}
migrated_apps = MigrationLoader(connection).migrated_apps
labels = [c.label for c in apps.get_app_configs() if c.label in migrated_apps]
for label in reversed(labels):
    call_command("migrate", label, "zero", verbosity=0, interactive=False)
result.update(zeroed=tables(), applied_after_zero=applied(), apps=labels)
call_command("migrate", verbosity=0, interactive=False)
result.update(again=tables(), applied_again=applied(), permissions_again=permissions())
print("RESULT=" + json.dumps(result))
"""


def test_every_app_migrates_to_zero_and_back(cluster):
    env = dev_env(cluster.create_database("migrations"))
    try:
        output = manage("shell", "-v", "0", "-c", SCRIPT, env=env, timeout=120).stdout
    finally:
        cluster.drop_database("migrations")

    line = next(line for line in output.splitlines() if line.startswith("RESULT="))
    result = json.loads(line.removeprefix("RESULT="))
    assert {"pages", "images", "axes", "otp_totp", "auth"} <= set(result["apps"])
    assert result["applied"] > 30
    assert result["zeroed"] == []
    assert result["applied_after_zero"] == 0
    assert result["again"] == result["migrated"]
    assert result["applied_again"] == result["applied"]
    # Every permission is there again, the long names (over auth 0001's 50 characters) included.
    count, longest = result["permissions"]
    assert longest > 50
    assert result["permissions_again"] == [count, longest]
