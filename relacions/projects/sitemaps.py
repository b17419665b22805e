from relacions.core.sitemaps import TranslatedSitemap, ViewsSitemap

from .models import Project


class ProjectSitemap(TranslatedSitemap):
    changefreq = "monthly"

    def items(self):
        return Project.objects.published().order_by("pk")


SITEMAPS = {
    "projects-list": ViewsSitemap(["projects:list"]),
    "projects": ProjectSitemap,
}
