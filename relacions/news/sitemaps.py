from relacions.core.sitemaps import TranslatedSitemap, ViewsSitemap

from .models import NewsItem


class NewsSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return NewsItem.objects.published().order_by("pk")


SITEMAPS = {
    "news-list": ViewsSitemap(["news:list"]),
    "news": NewsSitemap,
}
