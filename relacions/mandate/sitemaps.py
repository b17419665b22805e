from relacions.core.sitemaps import TranslatedSitemap

from .models import Objective, Plan


class PlanSitemap(TranslatedSitemap):
    """Published plans; the current one's address is the overview (Plan.get_absolute_url)."""

    changefreq = "weekly"

    def items(self):
        return Plan.objects.published().order_by("pk")


class ObjectiveSitemap(TranslatedSitemap):
    changefreq = "weekly"

    def items(self):
        # The plan is joined: an objective's address names it.
        return Objective.objects.public().select_related("plan").order_by("pk")


SITEMAPS = {
    "mandate-plans": PlanSitemap,
    "mandate-objectives": ObjectiveSitemap,
}
