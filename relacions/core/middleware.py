"""Site-wide middleware: graceful failure without the database, and the headers Django lacks.

DatabaseUnavailableMiddleware
    When PostgreSQL is down, paused or out of connections, a page answers a translated 503 with
    `Retry-After` within about `DATABASE_POOL_TIMEOUT` / `DATABASE_QUERY_TIMEOUT` seconds instead
    of a traceback or a hung worker, and the next request tries the database again (no restart).

    Three things make that hold:
    - the pool waits at most DATABASE_POOL_TIMEOUT for a connection (settings);
    - a query already sent to a server that stopped answering (a paused container, a frozen
      host) would wait forever: no server-side timeout can fire and the kernel keeps the socket
      open. A watchdog thread cuts the socket under any query of a web request that runs past
      DATABASE_QUERY_TIMEOUT, so psycopg raises at once and the pool drops that connection;
    - the resulting OperationalError / InterfaceError / PoolTimeout becomes the 503 page, here
      for views and templates, in `core.views.server_error` for the rare error raised inside
      another middleware.

MalformedRequestMiddleware
    Refuses a request whose path or query string holds a NUL byte or is not valid UTF-8 with the
    site's own 400 page, before anything reads it: PostgreSQL refuses NUL in text (a lookup of
    such a slug or redirect would be a 500), and no address of this site is anything but UTF-8.

SecurityHeadersMiddleware
    Adds `Permissions-Policy` (settings.PERMISSIONS_POLICY) to every response, and gives media
    files their own headers: a `default-src 'none'; sandbox` policy, `nosniff`, and a download
    (`Content-Disposition: attachment`, `application/octet-stream`) for anything that is not an
    image the image library wrote, so an uploaded file is never rendered as a page or an SVG.
    The library's images, whose names change whenever their picture does, may be cached for a
    year (`LIBRARY_IMAGE_CACHE_CONTROL`).
"""

import logging
import os
import socket
import threading
import time
from itertools import count
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, unquote_to_bytes

import psycopg
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection

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

    def __call__(self, execute, sql, params, many, context):
        timeout = settings.DATABASE_QUERY_TIMEOUT
        database = context["connection"].connection
        if not timeout or database is None:
            return execute(sql, params, many, context)
        key = next(self._keys)
        with self._condition:
            self._start()
            self._deadlines[key] = (time.monotonic() + timeout, database)
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
        self._thread = threading.Thread(target=self._run, name="query-watchdog", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        with self._condition:
            while True:
                if not self._deadlines:
                    self._condition.wait()
                    continue
                now = time.monotonic()
                expired = [key for key, (at, _) in self._deadlines.items() if at <= now]
                for key in expired:
                    _deadline, database = self._deadlines.pop(key)
                    self._cut(database)
                if not expired:
                    earliest = min(at for at, _ in self._deadlines.values())
                    self._condition.wait(earliest - now)

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


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with connection.execute_wrapper(query_watchdog):
            return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        from .views import service_unavailable

        logger.error("Database unavailable, answered 503 for %s: %s", request.path, exception)
        return service_unavailable(request)


# --- Malformed requests ---------------------------------------------------------------------


def _is_clean(text: bytes) -> bool:
    """Valid UTF-8 with no NUL byte."""
    if b"\x00" in text:
        return False
    try:
        text.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def is_malformed(request) -> bool:
    """Whether the path or the query string has a NUL byte or is not UTF-8.

    Django re-escapes the bytes of a path that are not UTF-8 (`/ca/%C0%AF/` stays as typed in
    request.path_info), so the path is unescaped once more before the check.
    """
    path = unquote_to_bytes(request.path_info)
    query = unquote_to_bytes(request.META.get("QUERY_STRING", "").replace("+", " "))
    return not (_is_clean(path) and _is_clean(query))


class MalformedRequestMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_malformed(request):
            from .views import bad_request

            return bad_request(request, None)
        return self.get_response(request)


# --- Headers ----------------------------------------------------------------------------------

MEDIA_POLICY = "default-src 'none'; sandbox"
# What the image library writes (relacions.images): originals and renditions, by name, type and
# the first bytes of the file, so an HTML page stored under an image's name is still a download.
LIBRARY_IMAGE_FOLDER = "images/"
LIBRARY_IMAGE_TYPES = {
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}
# A name in the library never comes to show another picture: an original gets a new random name
# whenever its file is replaced, and its renditions take names derived from it
# (rebuild_renditions only re-encodes the same picture under the same names). So browsers may
# keep them as long as the hashed static files, instead of fetching each photograph again.
LIBRARY_IMAGE_CACHE_CONTROL = "max-age=31536000, public, immutable"
SIGNATURES = {
    "image/jpeg": lambda head: head.startswith(b"\xff\xd8\xff"),
    "image/png": lambda head: head.startswith(b"\x89PNG\r\n\x1a\n"),
    "image/webp": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
}


def permissions_policy(features: dict[str, list[str]]) -> str:
    """`{"camera": [], "fullscreen": ["self"]}` → `camera=(), fullscreen=(self)`."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in features.items())


def is_library_image(relative_path: str, content_type: str, head: bytes) -> bool:
    """Whether a media file is an image as the library stores it: its folder, an image name,
    the matching content type and that format's signature at the start of the file."""
    path = PurePosixPath(relative_path)
    expected = LIBRARY_IMAGE_TYPES.get(path.suffix.lower())
    return (
        relative_path.startswith(LIBRARY_IMAGE_FOLDER)
        and ".." not in path.parts
        and expected is not None
        and content_type.split(";")[0].strip().lower() == expected
        and SIGNATURES[expected](head)
    )


def _file_head(relative_path: str) -> bytes:
    # Only called once django.views.static.serve has found the file inside MEDIA_ROOT.
    try:
        with open(Path(settings.MEDIA_ROOT) / relative_path, "rb") as file:
            return file.read(12)
    except OSError:
        return b""


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.permissions_policy = permissions_policy(settings.PERMISSIONS_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        media_url = settings.MEDIA_URL
        if media_url and request.path.startswith(media_url) and response.status_code < 400:
            self.protect_media(unquote(request.path.removeprefix(media_url)), response)
        return response

    @staticmethod
    def protect_media(relative_path: str, response) -> None:
        response.headers["Content-Security-Policy"] = MEDIA_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        if response.status_code == 304:
            return  # no body: the browser keeps the headers of the copy it has
        content_type = response.get("Content-Type", "")
        if not is_library_image(relative_path, content_type, _file_head(relative_path)):
            response.headers["Content-Type"] = "application/octet-stream"
            response.headers["Content-Disposition"] = "attachment"
        else:
            response.headers["Cache-Control"] = LIBRARY_IMAGE_CACHE_CONTROL
