"""The site's own 400 and 404 pages (handler400, handler404). The 500 page, which answers 503
when the database is gone, is relacions.operations.views.server_error."""

from django.http import QueryDict
from django.shortcuts import render
from django.utils import translation


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
