"""Site-wide middleware: what every request and response of the site gets.

MalformedRequestMiddleware
    Refuses a request whose path or query string holds a NUL byte or is not valid UTF-8 with the
    site's own 400 page, before anything reads it: PostgreSQL refuses NUL in text (a lookup of
    such a slug or redirect would be a 500), and no address of this site is anything but UTF-8.

SecurityHeadersMiddleware
    Adds `Permissions-Policy` (settings.PERMISSIONS_POLICY) to every response, and gives media
    files their own headers (media.py).

The database watchdog and its 503 page are relacions.operations'.
"""

from urllib.parse import unquote, unquote_to_bytes

from django.conf import settings

from .errors import bad_request
from .media import protect_media

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
            return bad_request(request, None)
        return self.get_response(request)


# --- Headers ----------------------------------------------------------------------------------


def permissions_policy(features: dict[str, list[str]]) -> str:
    """`{"camera": [], "fullscreen": ["self"]}` → `camera=(), fullscreen=(self)`."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in features.items())


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
            protect_media(unquote(request.path.removeprefix(media_url)), response)
        return response
