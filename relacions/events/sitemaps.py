from relacions.core.sitemaps import TranslatedSitemap, ViewsSitemap

from .models import Event


class EventSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().order_by("pk")


class PastYearsSitemap(ViewsSitemap):
    """The archive's years: `events:past` alone only redirects to the latest of them."""

    def __init__(self):
        super().__init__([])

    def items(self):
        return [("events:past", {"year": year}) for year in Event.objects.past_years()]


SITEMAPS = {
    "agenda": ViewsSitemap(["events:list"]),
    "agenda-past": PastYearsSitemap(),
    "events": EventSitemap,
}
