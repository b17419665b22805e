from relacions.core.sitemaps import TranslatedSitemap, ViewsSitemap

from .models import Forum, Network


class NetworkSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Network.objects.published().order_by("pk")


class ForumSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        # A forum's address names its network (published() already requires it to be public).
        return Forum.objects.published().select_related("network").order_by("pk")


SITEMAPS = {
    "networks-list": ViewsSitemap(["networks:list"]),
    "networks": NetworkSitemap,
    "forums": ForumSitemap,
}
