"""The `site` context processor: the site's chrome (chrome.py) for every template."""

from django.utils.functional import SimpleLazyObject

from .chrome import site_chrome


def site(request):
    """Site settings, menu and footer pages, fetched (together) only if a template uses them."""
    return {
        "site_settings": SimpleLazyObject(lambda: site_chrome(request).settings),
        "menu_pages": SimpleLazyObject(lambda: site_chrome(request).menu_pages),
        "footer_pages": SimpleLazyObject(lambda: site_chrome(request).footer_pages),
    }
