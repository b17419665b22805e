from relacions.core.sitemaps import TranslatedSitemap, ViewsSitemap

from .models import YearReport


class YearReportSitemap(TranslatedSitemap):
    changefreq = "yearly"

    def items(self):
        return YearReport.objects.published().order_by("year")


SITEMAPS = {
    "reports-list": ViewsSitemap(["reports:list"]),
    "reports": YearReportSitemap,
}
