import sys

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.static import serve


@require_safe
def root_redirect(request):
    """`/` sends each visitor to the language their browser asks for (Catalan by default)."""
    language = translation.get_language_from_request(request, check_path=False)
    return HttpResponseRedirect(f"/{language}/")


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


@require_safe
def serve_media(request, path):
    """Uploaded files, when Django serves them (SERVE_MEDIA): from MEDIA_ROOT as it is now."""
    try:
        return serve(request, path, document_root=str(settings.MEDIA_ROOT))
    except OSError:
        # A name the file system refuses (too long, …) names no file.
        raise Http404 from None


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_URL}",
        "Disallow: /images/",
        # The Sitemap line must be an absolute address (sitemaps.org).
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def bad_request(request, exception):
    """The site's own 400 page: for a malformed address (MalformedRequestMiddleware, which runs
    before the language is set) and for a view that raises BadRequest or SuspiciousOperation."""
    # The page's language links repeat the query string: not the one that was refused.
    request.GET = QueryDict()
    language = translation.get_language_from_path(
        request.path_info
    ) or translation.get_language_from_request(request, check_path=False)
    with translation.override(language):
        return render(request, "400.html", status=400)


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    from .middleware import is_database_unavailable

    # Called while the exception is being handled. A database failure inside a middleware
    # (DatabaseUnavailableMiddleware sees only views') is still a 503, not a 500.
    if is_database_unavailable(sys.exception()):
        return service_unavailable(request)
    # Rendered without the database: the error may be that the database is gone.
    return render(request, "500.html", status=500)


# How long browsers and crawlers are asked to wait before trying again.
RETRY_AFTER_SECONDS = 30


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
