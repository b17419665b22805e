"""The database watchdog: a web request whose database is gone fails fast instead of hanging.

When PostgreSQL is down, paused or out of connections, a page answers a translated 503 with
`Retry-After` within about `DATABASE_POOL_TIMEOUT` / `DATABASE_QUERY_TIMEOUT` seconds instead of
a traceback or a hung worker, and the next request tries the database again (no restart).

Three things make that hold:
- the pool waits at most DATABASE_POOL_TIMEOUT for a connection (settings);
- a query already sent to a server that stopped answering (a paused container, a frozen host)
  would wait forever: no server-side timeout can fire and the kernel keeps the socket open. The
  watchdog thread here cuts the socket under any query of a web request that runs past
  DATABASE_QUERY_TIMEOUT, so psycopg raises at once and the pool drops that connection;
- the resulting OperationalError / InterfaceError / PoolTimeout becomes the 503 page: in
  `DatabaseUnavailableMiddleware` (middleware.py) for views and templates, in
  `views.server_error` for the rare error raised inside another middleware.
"""

import logging
import os
import socket
import threading
import time
from itertools import count

import psycopg
from django.conf import settings
from django.db import InterfaceError, OperationalError

logger = logging.getLogger(__name__)

# PoolTimeout is a psycopg.OperationalError; Django wraps both as its own OperationalError when
# they pass through its database layer, and the psycopg classes cover the few that do not.
DATABASE_UNAVAILABLE = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)


def is_database_unavailable(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_UNAVAILABLE)


class QueryWatchdog:
    """One thread per process that cuts the connection under any query past its deadline.

    Used as a Django execute wrapper (`connection.execute_wrapper(watchdog)`). Cutting means
    `shutdown()` on the socket: the thread waiting in psycopg sees the connection closed and
    raises OperationalError, and the pool discards the broken connection when it comes back.
    """

    def __init__(self):
        self._condition = threading.Condition()
        self._deadlines: dict[int, tuple[float, psycopg.Connection]] = {}
        self._keys = count()
        self._thread: threading.Thread | None = None
        self._pid: int | None = None
        self._wakes_at: float | None = None  # when the thread wakes up next; None: when told

    def __call__(self, execute, sql, params, many, context):
        timeout = settings.DATABASE_QUERY_TIMEOUT
        database = context["connection"].connection
        if not timeout or database is None:
            return execute(sql, params, many, context)
        key = next(self._keys)
        deadline = time.monotonic() + timeout
        with self._condition:
            self._start()
            self._deadlines[key] = (deadline, database)
            # Woken only if it would sleep past this deadline: not once per query (each wake-up
            # is a thread switch in the middle of a page).
            if self._wakes_at is None or deadline < self._wakes_at:
                self._condition.notify()
        try:
            return execute(sql, params, many, context)
        finally:
            with self._condition:
                self._deadlines.pop(key, None)

    def _start(self) -> None:
        # Started lazily, and again in a forked worker (threads do not survive fork()).
        if self._thread is not None and self._pid == os.getpid() and self._thread.is_alive():
            return
        self._pid = os.getpid()
        self._wakes_at = None
        self._thread = threading.Thread(target=self._run, name="query-watchdog", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with self._condition:
            while True:
                now = time.monotonic()
                expired = [key for key, (at, _) in self._deadlines.items() if at <= now]
                for key in expired:
                    _deadline, database = self._deadlines.pop(key)
                    self._cut(database)
                if not self._deadlines:
                    self._wakes_at = None
                    self._condition.wait()
                    continue
                # Queries that ended meanwhile leave their deadlines' wake-up behind: harmless,
                # it finds nothing to cut and sleeps again.
                self._wakes_at = min(at for at, _ in self._deadlines.values())
                self._condition.wait(self._wakes_at - now)

    @staticmethod
    def _cut(database: psycopg.Connection) -> None:
        logger.error(
            "A database query ran past %s s (DATABASE_QUERY_TIMEOUT): connection cut.",
            settings.DATABASE_QUERY_TIMEOUT,
        )
        try:
            fd = database.pgconn.socket
            # A duplicate descriptor: shutdown() acts on the socket both share, and closing the
            # duplicate leaves psycopg's own descriptor for psycopg to close.
            with socket.socket(fileno=os.dup(fd)) as sock:
                sock.shutdown(socket.SHUT_RDWR)
        except (OSError, psycopg.Error):
            pass  # already closed: nothing left to cut


query_watchdog = QueryWatchdog()
