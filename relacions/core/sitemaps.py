"""The bases of every app's `sitemaps.py`, and the collection of them for `/sitemap.xml`.

Each app that has public pages declares its sections (name → Sitemap) in the `sitemaps` part of
its content.py; `collect()` gathers them in INSTALLED_APPS order, so core never imports a content
app.

Every entry is listed once per language, each language at its own address (the location is taken
with that language active, so translated URL segments and slugs apply), with `hreflang` alternates
to the other languages and `x-default`. Django's own `x_default` strips the language prefix from
the default language's address; here every address has a prefix (`prefix_default_language`) and
an address without one is not a page, so `x-default` is the Catalan address, as in each page's
<head> (templates/base.html).
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .declaration import declarations


class TranslatedSitemap(Sitemap):
    i18n = True
    alternates = True
    # See the module's docstring: added by get_urls(), with the prefixed address.
    x_default = False

    def lastmod(self, item):
        return getattr(item, "updated_at", None)

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            default = next(
                (a for a in url["alternates"] if a["lang_code"] == settings.LANGUAGE_CODE), None
            )
            if default is not None:
                url["alternates"].append(
                    {"location": default["location"], "lang_code": "x-default"}
                )
        return urls


class ViewsSitemap(TranslatedSitemap):
    """Pages that are views rather than objects (the home page, the lists): URL names, or
    (name, kwargs) pairs."""

    changefreq = "daily"

    def __init__(self, names):
        self.names = tuple(names)

    def items(self):
        return list(self.names)

    def location(self, item):
        name, kwargs = (item, {}) if isinstance(item, str) else item
        return reverse(name, kwargs=kwargs)

    def lastmod(self, item):
        return None


def collect() -> dict[str, Sitemap]:
    """Every app's declared sitemaps (content.py), in INSTALLED_APPS order."""
    collected: dict[str, Sitemap] = {}
    for _config, content in declarations():
        collected.update(content.sitemaps)
    return collected
