from relacions.core.sitemaps import TranslatedSitemap, ViewsSitemap

from .models import Agreement


class AgreementSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Agreement.objects.published().order_by("pk")


SITEMAPS = {
    "agreements-list": ViewsSitemap(["agreements:list"]),
    "agreements": AgreementSitemap,
}
