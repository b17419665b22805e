"""settings.py as production runs it: real `manage.py` processes with a controlled environment.

The pytest process runs on the test settings (relacions/settings_test.py), so production behaviour
is only visible in a separate process on relacions.settings. Each test here starts one with every
variable settings.py reads removed, then sets exactly the ones it needs.
"""

import json
import os
import secrets
import socket
import subprocess
import sys

import pytest

from tests.helpers import (
    PRODUCTION_HOST,
    ROOT,
    SETTINGS_FILE,
    SUBPROCESS_TIMEOUT,
    clean_env,
    database_url,
    manage,
    production_env,
    random_secret_key,
    settings_env_vars,
    settings_in_subprocess,
)

# The subprocesses use this run's test database, which pytest-django creates only for a session
# that has tests marked django_db.
pytestmark = pytest.mark.django_db

IMPROPERLY_CONFIGURED = (
    "With DEBUG off, SECRET_KEY and ALLOWED_HOSTS must be set in the environment"
)


@pytest.fixture(scope="module")
def pytest_database_url(django_db_setup, django_db_blocker) -> str:
    """The URL of the database this test run uses (created by pytest-django)."""
    from django.db import connection

    return database_url(connection.settings_dict)


# --- (a) No production start without secrets ------------------------------------------------


def test_settings_env_vars_are_found():
    """Guards the parser the other tests rely on."""
    names = settings_env_vars()
    assert {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"} <= names
    assert "EMAIL_BACKEND" in names  # read by a call that spans two lines


@pytest.mark.parametrize(
    "present",
    [{}, {"SECRET_KEY": "x" * 60}, {"ALLOWED_HOSTS": PRODUCTION_HOST}],
    ids=["nothing", "secret-key-only", "allowed-hosts-only"],
)
def test_check_refuses_to_start_without_secret_key_and_allowed_hosts(present):
    result = manage("check", env=clean_env(**present))
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert IMPROPERLY_CONFIGURED in result.stderr


def test_debug_on_starts_without_secrets():
    result = manage("check", env=clean_env(DEBUG="true"))
    assert result.returncode == 0, result.stderr


# --- (b) The deployment checklist -----------------------------------------------------------


def test_check_deploy_passes_with_production_environment(pytest_database_url):
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env=production_env(pytest_database_url)
    )
    assert result.returncode == 0, (
        f"manage.py check --deploy --fail-level WARNING exited {result.returncode}:\n"
        f"{result.stdout}{result.stderr}"
    )


def test_production_defaults_are_secure(pytest_database_url):
    values = settings_in_subprocess(
        production_env(pytest_database_url),
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "STORAGES",
        "TESTING",
    )
    assert values["DEBUG"] is False
    assert values["TESTING"] is False
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == (
        "relacions.core.staticfiles.StaticFilesStorage"
    )


# --- (c) Models and migrations agree ----------------------------------------------------------


def test_no_missing_migrations(pytest_database_url):
    result = manage(
        "makemigrations", "--check", "--dry-run", env=production_env(pytest_database_url)
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- (d) Cache backend ------------------------------------------------------------------------


def test_redis_url_selects_the_redis_cache(pytest_database_url):
    redis_url = "redis://cache.invalid:6379/0"
    caches = settings_in_subprocess(
        production_env(pytest_database_url, REDIS_URL=redis_url), "CACHES"
    )["CACHES"]
    assert caches["default"]["BACKEND"] == "relacions.operations.cache.TolerantRedisCache"
    assert caches["default"]["LOCATION"] == redis_url


def test_redis_cache_round_trip(pytest_database_url):
    """A real Redis, where one runs (the CI machines start one on 127.0.0.1:6379)."""
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        if os.environ.get("CI"):
            pytest.fail("CI: no Redis on 127.0.0.1:6379")
        pytest.skip("no Redis on 127.0.0.1:6379")
    key = f"relacions-test-{secrets.token_hex(8)}"
    script = (
        "from django.core.cache import cache; "
        f"cache.set({key!r}, 'stored', 30); value = cache.get({key!r}); cache.delete({key!r}); "
        "print('VALUE=' + str(value))"
    )
    env = production_env(pytest_database_url, REDIS_URL="redis://127.0.0.1:6379/15")
    result = manage("shell", "-v", "0", "-c", script, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "VALUE=stored" in result.stdout.splitlines()


@pytest.mark.parametrize("redis_url", [None, ""], ids=["unset", "empty"])
def test_without_redis_url_the_cache_is_local_memory(pytest_database_url, redis_url):
    overrides = {} if redis_url is None else {"REDIS_URL": redis_url}
    caches = settings_in_subprocess(production_env(pytest_database_url, **overrides), "CACHES")[
        "CACHES"
    ]
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"


# --- (e) DEBUG from a string ------------------------------------------------------------------


def test_debug_false_string_is_off_through_manage_py(pytest_database_url):
    values = settings_in_subprocess(production_env(pytest_database_url, DEBUG="false"), "DEBUG")
    assert values["DEBUG"] is False


def test_debug_false_string_still_requires_secrets():
    result = manage("check", env=clean_env(DEBUG="false"))
    assert result.returncode != 0
    assert IMPROPERLY_CONFIGURED in result.stderr


DEBUG_VALUES = {
    "false": False,
    "False": False,
    "FALSE": False,
    "0": False,
    "no": False,
    "off": False,
    "": False,
    "anything-else": False,
    "true": True,
    "True": True,
    "1": True,
    "yes": True,
    "on": True,
    " true ": True,
}


def test_importing_pytest_does_not_make_a_test_run(pytest_database_url):
    """Only the test settings switch tests on: a production process that has pytest loaded (a
    shell, a plugin) keeps its secure defaults."""
    script = (
        "import json, pytest, django; django.setup(); from django.conf import settings; "
        "print('SETTINGS=' + json.dumps([settings.TESTING, settings.SECURE_SSL_REDIRECT]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=production_env(pytest_database_url),
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("SETTINGS="))
    assert json.loads(line.removeprefix("SETTINGS=")) == [False, True]


def test_pytest_runs_on_the_test_settings():
    from django.conf import settings

    assert os.environ["DJANGO_SETTINGS_MODULE"] == "relacions.settings_test"
    assert settings.TESTING is True
    assert settings.SECURE_SSL_REDIRECT is False


def test_debug_strings():
    """settings.py run afresh for each value, in one interpreter."""
    script = (
        "import json, os, runpy, sys\n"
        "values = json.loads(sys.argv[1])\n"
        "result = {}\n"
        "for value in values:\n"
        "    os.environ['DEBUG'] = value\n"
        "    module = runpy.run_path(sys.argv[2])\n"
        "    result[value] = module['DEBUG']\n"
        "print(json.dumps(result))\n"
    )
    env = clean_env(
        SECRET_KEY=random_secret_key(),
        ALLOWED_HOSTS=PRODUCTION_HOST,
        DATABASE_URL="postgres://nobody@127.0.0.1:9/never-connected",
    )
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(list(DEBUG_VALUES)), str(SETTINGS_FILE)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == DEBUG_VALUES
