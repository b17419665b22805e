"""`backup` and `restore` for real: pg_dump / pg_restore against a throwaway cluster."""

import json
import os
import subprocess
import sys

import psycopg
import pytest

from tests.fixtures.cluster import dev_env, manage
from tests.helpers import ROOT

pytestmark = pytest.mark.django_db

GENERATION_TABLE = "public.core_pagecachegeneration"


def tables(url: str) -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of all its rows, in a stable order; but the page
    cache's generation, which a restore raises (checked apart)."""
    result = {}
    with psycopg.connect(url, autocommit=True) as connection:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables "
                "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"
            )
        ]
        for name in names:
            if name == GENERATION_TABLE:
                continue
            count, digest = connection.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f"FROM {name} t"
            ).fetchone()
            result[name] = (count, digest)
    return result


def generation(url: str) -> int:
    with psycopg.connect(url, autocommit=True) as connection:
        # Row 1: the others hold each content table's last change.
        query = "SELECT value FROM core_pagecachegeneration WHERE id = 1"
        row = connection.execute(query).fetchone()
    return row[0] if row else 0


def raise_generation(url: str) -> int:
    """What an edit on the site does to the generation; returns the new value."""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(
            "UPDATE core_pagecachegeneration SET value = GREATEST(value + 1, "
            "(extract(epoch FROM clock_timestamp()) * 1000000)::bigint) WHERE id = 1"
        )
    return generation(url)


def files(root) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_backup_of_the_demo_content_restores_identically(cluster, demo_database, tmp_path):
    backups = tmp_path / "backups"
    # A membership document, kept out of the public media folder.
    private_root = tmp_path / "private-media"
    (private_root / "memberships" / "2026").mkdir(parents=True)
    (private_root / "memberships" / "2026" / "invoice.pdf").write_bytes(b"%PDF-1.7 invoice")
    result = manage(
        "backup",
        "--destination",
        str(backups),
        env=dev_env(
            demo_database.url,
            MEDIA_ROOT=str(demo_database.media_root),
            PRIVATE_MEDIA_ROOT=str(private_root),
        ),
    )
    folder = backups / result.stdout.strip().splitlines()[-1].rsplit("/", 1)[-1]
    assert sorted(p.name for p in folder.iterdir()) == [
        "database.dump",
        "manifest.json",
        "media.tar.gz",
        "private-media.tar.gz",
    ]
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["media_files"] == len(files(demo_database.media_root)) > 0
    assert manifest["private_media_files"] == 1
    # A real custom-format dump, as pg_restore reads it.
    listing = subprocess.run(
        [
            manifest["pg_dump"].replace("pg_dump", "pg_restore"),
            "--list",
            str(folder / "database.dump"),
        ],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert listing.returncode == 0 and "TABLE DATA" in listing.stdout

    fresh_url = cluster.create_database("restored")
    fresh_media = tmp_path / "restored-media"
    fresh_private = tmp_path / "restored-private-media"
    env = dev_env(fresh_url, MEDIA_ROOT=str(fresh_media), PRIVATE_MEDIA_ROOT=str(fresh_private))
    manage("restore", str(folder), env=env)

    original, restored = tables(demo_database.url), tables(fresh_url)
    assert len(original) > 30
    assert sum(count for count, _ in original.values()) > 100  # the demo content is there
    assert restored == original
    assert generation(fresh_url) > generation(demo_database.url)
    assert files(fresh_media) == files(demo_database.media_root)
    assert files(fresh_private) == files(private_root)

    # A second restore over the now full database is refused, and changes nothing.
    refused = subprocess.run(
        [*manage_command("restore", str(folder))],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert refused.returncode != 0
    assert "Refusing to overwrite" in refused.stderr
    assert tables(fresh_url) == original

    # --force replaces what is there.
    with psycopg.connect(fresh_url, autocommit=True) as connection:
        connection.execute("DELETE FROM django_session")
        connection.execute("INSERT INTO auth_group (name) VALUES ('added after the backup')")
    # Pages cached since the backup are stored under a newer generation than the backup's; the
    # restore leaves every one of them stale.
    cached_under = raise_generation(fresh_url)
    manage("restore", "--force", str(folder), env=env)
    assert generation(fresh_url) > cached_under > generation(demo_database.url)
    assert tables(fresh_url) == original


def test_a_backup_without_private_files_still_restores(cluster, demo_database, tmp_path):
    """Backups made before the private files were included have no private-media.tar.gz."""
    backups = tmp_path / "backups"
    env = dev_env(demo_database.url, MEDIA_ROOT=str(demo_database.media_root),
                  PRIVATE_MEDIA_ROOT=str(tmp_path / "no-private-files"))  # fmt: skip
    result = manage("backup", "--destination", str(backups), env=env)
    folder = backups / result.stdout.strip().splitlines()[-1].rsplit("/", 1)[-1]
    (folder / "private-media.tar.gz").unlink()

    fresh_url = cluster.create_database("restored_older")
    fresh_private = tmp_path / "restored-private-media"
    restored = manage(
        "restore",
        str(folder),
        env=dev_env(
            fresh_url,
            MEDIA_ROOT=str(tmp_path / "restored-media"),
            PRIVATE_MEDIA_ROOT=str(fresh_private),
        ),
    )
    assert "no private files (the backup predates them)" in restored.stdout
    assert tables(fresh_url) == tables(demo_database.url)
    assert not fresh_private.exists()


def manage_command(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "manage.py"), *args]


def test_backups_are_private_whatever_the_umask_and_restore_warns_when_they_are_not(
    cluster, demo_database, tmp_path
):
    """A backup holds password hashes and the memberships' internal notes."""
    backups = tmp_path / "new" / "backups"  # made by the command, parents included
    env = dev_env(demo_database.url, MEDIA_ROOT=str(demo_database.media_root),
                  PRIVATE_MEDIA_ROOT=str(tmp_path / "private-media"))  # fmt: skip
    saved = os.umask(0)  # the command inherits it: everything it makes would be 0777 / 0666
    try:
        result = manage("backup", "--destination", str(backups), env=env)
    finally:
        os.umask(saved)
    folder = backups / result.stdout.strip().splitlines()[-1].rsplit("/", 1)[-1]
    assert mode(backups) == mode(folder) == 0o700
    assert {path.name: mode(path) for path in folder.iterdir()} == {
        "database.dump": 0o600,
        "manifest.json": 0o600,
        "media.tar.gz": 0o600,
        "private-media.tar.gz": 0o600,
    }

    restore_env = dev_env(cluster.create_database("restored_private"),
                          MEDIA_ROOT=str(tmp_path / "restored-media"),
                          PRIVATE_MEDIA_ROOT=str(tmp_path / "restored-private"))  # fmt: skip
    quiet = manage("restore", str(folder), env=restore_env)
    assert "can be read by others" not in quiet.stderr

    # Copied with tools that kept nothing private: restored, with a warning naming what is open.
    folder.chmod(0o755)
    (folder / "database.dump").chmod(0o644)
    restore_env.update(DATABASE_URL=cluster.create_database("restored_private"),
                       MEDIA_ROOT=str(tmp_path / "media-2"),
                       PRIVATE_MEDIA_ROOT=str(tmp_path / "private-2"))  # fmt: skip
    warned = manage("restore", str(folder), env=restore_env)
    assert "can be read by others" in warned.stderr
    assert f"{folder} (drwxr-xr-x)" in warned.stderr
    assert f"{folder / 'database.dump'} (-rw-r--r--)" in warned.stderr
    assert "manifest.json" not in warned.stderr


def mode(path) -> int:
    return path.stat().st_mode & 0o777
