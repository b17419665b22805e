"""Health checks (`/livez`, `/healthz`), and the pages for a site whose database is gone: the 503
page, and the 500 handler, which answers 503 for a database failure."""

import sys

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from .database import is_database_unavailable

# How long browsers and crawlers are asked to wait before trying again.
RETRY_AFTER_SECONDS = 30


@never_cache
@require_safe
def livez(request):
    """The process answers: no database or cache involved."""
    return JsonResponse({"status": "ok"})


def _check_database() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        return False


def _check_cache() -> bool:
    try:
        cache.set("healthz", "ok", 5)
        return cache.get("healthz") == "ok"
    except Exception:
        return False


@never_cache
@require_safe
def healthz(request):
    checks = {"database": _check_database(), "cache": _check_cache()}
    healthy = all(checks.values())
    body = {
        "status": "ok" if healthy else "unavailable",
        "checks": {name: "ok" if ok else "failing" for name, ok in checks.items()},
    }
    return JsonResponse(body, status=200 if healthy else 503)


def server_error(request):
    # Called while the exception is being handled. A database failure inside a middleware
    # (DatabaseUnavailableMiddleware sees only views') is still a 503, not a 500.
    if is_database_unavailable(sys.exception()):
        return service_unavailable(request)
    # Rendered without the database: the error may be that the database is gone.
    return render(request, "500.html", status=500)


def service_unavailable(request):
    """The 503 page for when the database is gone.

    Rendered without the request, so no context processor runs (they read the site settings
    from the database); in the language of the URL's prefix, or the one already active.
    """
    language = translation.get_language_from_path(request.path_info) or translation.get_language()
    with translation.override(language or settings.LANGUAGE_CODE):
        content = loader.render_to_string(
            "503.html", {"home_url": f"/{translation.get_language()}/"}
        )
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
