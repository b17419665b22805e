"""The views outside the language prefixes that belong to no app: `/` and robots.txt. (Media:
media.py; error pages: errors.py; health checks: relacions.operations.)"""

from django.conf import settings
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_safe


@require_safe
def root_redirect(request):
    """`/` sends each visitor to the language their browser asks for (Catalan by default)."""
    language = translation.get_language_from_request(request, check_path=False)
    return HttpResponseRedirect(f"/{language}/")


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
