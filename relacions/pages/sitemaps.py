from relacions.core.sitemaps import TranslatedSitemap, ViewsSitemap

from .models import Page


class PageSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.published().order_by("pk")


SITEMAPS = {
    "home": ViewsSitemap(["pages:home"]),
    "pages": PageSitemap,
}
