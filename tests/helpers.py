"""Helpers the test modules of several folders share: addresses, staff users, free ports, and
settings.py run in a real `manage.py` process (production behaviour is only visible there, since
pytest runs on relacions/settings_test.py). Fixtures live in tests/conftest.py and the plugins in
tests/fixtures/; factories in tests/factories/."""

import datetime
import importlib
import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import dj_database_url
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

ROOT = Path(__file__).resolve().parents[1]
SETTINGS_FILE = ROOT / "relacions" / "settings.py"
SUBPROCESS_TIMEOUT = 120
PASSWORD = "correct-horse-battery-staple"
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)  # ca, es, en: Catalan first


# --- Addresses ---------------------------------------------------------------------------------


def address(name: str, language: str = "ca", **kwargs) -> str:
    """The path of the URL named `name` in `language`."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=(obj.pk,))


# --- Users and their clients ---------------------------------------------------------------


def english_client() -> Client:
    """A test client that asks for English, so the admin (outside i18n_patterns) answers in the
    language the assertions are written in; public URLs carry their own language prefix."""
    return Client(headers={"accept-language": "en"})


def signed_in_client(user) -> Client:
    """A client of its own signed in as `user`: never the shared `client`, so a test may act as
    several users, and as an anonymous visitor, at once."""
    client = english_client()
    client.force_login(user)
    return client


def staff_member(username: str, role: str | None = None, **fields):
    """A staff user in the group `role` (see relacions.core.roles; the groups must exist), whose
    password is PASSWORD."""
    user = get_user_model().objects.create_user(
        username,
        f"{username}@example.org",
        PASSWORD,
        is_staff=True,
        first_name=username.capitalize(),
        **fields,
    )
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


# --- Processes and ports -----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, timeout: float, interval: float = 0.2):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


def sleep_past(moment: datetime.datetime) -> None:
    """Wait, for real, until the clock has passed `moment` (a publish_at, an event's end)."""
    while timezone.now() <= moment + datetime.timedelta(milliseconds=50):
        time.sleep(0.05)


# --- settings.py in a real process -------------------------------------------------------------

PRODUCTION_HOST = "relacions.terrassa.cat"

# os.environ.get("X" ...), os.environ["X"], os.getenv("X"), env_bool/int/list/float("X" ...):
# the call may span lines, so the whole file is searched at once.
_ENV_READ = re.compile(
    r"""(?:os\.environ\.get\(|os\.environ\[|os\.getenv\(|env_(?:bool|int|list|float)\()\s*["']([A-Z][A-Z0-9_]*)["']"""
)


def settings_env_vars() -> set[str]:
    """Every environment variable that relacions/settings.py reads."""
    return set(_ENV_READ.findall(SETTINGS_FILE.read_text(encoding="utf-8")))


def clean_env(**overrides: str) -> dict[str, str]:
    """This process's environment without anything settings.py reads, plus `overrides`."""
    # DJANGO_ALLOW_ASYNC_UNSAFE: set for the browser tests, never in production.
    drop = settings_env_vars() | {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {name: value for name, value in os.environ.items() if name not in drop}
    env["DJANGO_SETTINGS_MODULE"] = "relacions.settings"
    env.update(overrides)
    return env


def random_secret_key() -> str:
    return secrets.token_urlsafe(50)  # 67 characters, as `check --deploy` wants (50+, varied)


def database_url(settings_dict: dict) -> str:
    """A DATABASE_URL for a Django database settings dict (unix socket folders included)."""
    user = quote(settings_dict.get("USER") or "", safe="")
    password = settings_dict.get("PASSWORD") or ""
    auth = f"{user}:{quote(password, safe='')}" if password else user
    host = settings_dict.get("HOST") or ""
    if host.startswith("/"):
        host = quote(host, safe="")  # a socket folder, percent-encoded as dj-database-url reads it
    elif ":" in host:
        host = f"[{host}]"
    port = f":{settings_dict['PORT']}" if settings_dict.get("PORT") else ""
    url = f"postgres://{auth}@{host}{port}/{quote(settings_dict['NAME'], safe='')}"
    parsed = dj_database_url.parse(url)
    for key in ("NAME", "USER", "HOST"):
        assert (parsed[key] or "") == (settings_dict.get(key) or ""), (key, url)
    return url


def production_env(database: str, **overrides: str) -> dict[str, str]:
    """What a production container gets: DEBUG unset, real secrets, no testing switch."""
    return clean_env(
        SECRET_KEY=random_secret_key(),
        ALLOWED_HOSTS=PRODUCTION_HOST,
        DATABASE_URL=database,
        **overrides,
    )


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        stdin=subprocess.DEVNULL,
    )


def settings_in_subprocess(env: dict[str, str], *names: str) -> dict:
    """The named settings, as a real `manage.py shell` process configured by `env` sees them."""
    script = (
        "import json; from django.conf import settings; "
        f"values = {{n: getattr(settings, n, None) for n in {list(names)!r}}}; "
        "print('SETTINGS=' + json.dumps(values, default=str))"
    )
    result = manage("shell", "-v", "0", "-c", script, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("SETTINGS="))
    return json.loads(line.removeprefix("SETTINGS="))


def seed_programmes() -> None:
    """The projects' programmes code list as migration 0002 seeds it. A test that runs in a
    transaction (the browser tests) empties every table when it ends, the rows a data migration
    seeded included, and with `--reuse-db` the next run starts from that: tests that need the
    list put it back first, with the migration's own function (which does nothing while any
    programme exists)."""
    from django.apps import apps

    importlib.import_module("relacions.projects.migrations.0002_seed_programmes").seed(apps, None)


class ReportSection:
    """A register's section of the yearly report (its `content.report`), for its tests: each
    figure of a year as the report computes it, and a figure's link in Catalan."""

    def __init__(self, content):
        self.indicators = {indicator.key: indicator for indicator in content.report.indicators}

    def figures(self, year: int) -> dict:
        return {key: indicator.value(year) for key, indicator in self.indicators.items()}

    def link(self, key: str, year: int) -> str:
        with translation.override("ca"):
            return self.indicators[key].url(year)


def listed(client, url: str, card: str = "card__title") -> set[str]:
    """The addresses of the items a public list shows, by its cards' title class (one page)."""
    response = client.get(url)
    assert response.status_code == 200, url
    pattern = rf'class="{card}"[^>]*><a href="([^"]+)"'
    return set(re.findall(pattern, response.content.decode()))


def addresses(objects) -> set[str]:
    """The objects' addresses in Catalan (as `listed` reads them)."""
    with translation.override("ca"):
        return {obj.get_absolute_url() for obj in objects}


# --- Pages built from rendered fragments (tests/*/test_fragments.py) ---------------------------


def structured_data(page: str) -> dict:
    """The schema.org data of a page's `<script type="application/ld+json">` (its first)."""
    return json.loads(re.search(r'ld\+json"[^>]*>(.*?)</script>', page, re.S)[1])


def url_of(obj_or_name, language: str = "ca") -> str:
    """The address of an object's page, or of a view by name, in `language`."""
    with translation.override(language):
        if isinstance(obj_or_name, str):
            return reverse(obj_or_name)
        return obj_or_name.get_absolute_url()


def visit(client, where: str) -> tuple[str, int]:
    """(the page's HTML, the number of queries it made). The CSP nonce, new for each response,
    is left out."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(where)
    assert response.status_code == 200
    return re.sub(r'nonce="[^"]*"', "", response.content.decode()), len(queries)


def check_a_linked_network_leaves_at_its_unpublish_at(client, obj) -> None:
    """A network linked to `obj` (its `networks`) leaves `obj`'s page when the network's
    `unpublish_at` passes: no save, the moment alone gives the fragment a new stamp. A real
    wait of two seconds, nothing mocked."""
    from tests.factories import NetworkFactory

    leaves_at = timezone.now() + datetime.timedelta(seconds=2)
    obj.networks.add(NetworkFactory(name_ca="Xarxa que marxa", unpublish_at=leaves_at))
    assert "Xarxa que marxa" in visit(client, url_of(obj))[0]
    sleep_past(leaves_at)
    assert "Xarxa que marxa" not in visit(client, url_of(obj))[0]


def check_each_language_has_its_fragment(
    client, obj, field: str, catalan: str, spanish: str, spanish_text: str = ""
):
    """`obj` without its `field` in Spanish shows the Catalan text on the Spanish page, marked
    `lang="ca"`; the Catalan page is unchanged; translated, the Spanish page shows it at once.
    `obj` must have been made with `field` showing `catalan` in Catalan and empty in Spanish;
    `spanish` is the Spanish value saved, `spanish_text` what the page shows of it (default: the
    same)."""
    catalan_page = visit(client, url_of(obj, "ca"))[0]
    spanish_page = visit(client, url_of(obj, "es"))[0]
    assert catalan in spanish_page and 'lang="ca"' in spanish_page
    assert visit(client, url_of(obj, "ca"))[0] == catalan_page
    setattr(obj, f"{field}_es", spanish)
    obj.save()
    spanish_page = visit(client, url_of(obj, "es"))[0]
    assert (spanish_text or spanish) in spanish_page and catalan not in spanish_page
