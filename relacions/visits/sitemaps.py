from relacions.core.sitemaps import TranslatedSitemap, ViewsSitemap

from .models import Visit


class VisitSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Visit.objects.published().order_by("pk")


SITEMAPS = {
    "visits-list": ViewsSitemap(["visits:list"]),
    "visits": VisitSitemap,
}
