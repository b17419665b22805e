"""The open-data page in the sitemap (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _

from relacions.core.declaration import Content
from relacions.core.sitemaps import ViewsSitemap

content = Content(
    urls=(_("open-data/"), "relacions.opendata.urls"),
    sitemaps={"open-data": ViewsSitemap(["opendata:index"])},
    page_cache=False,
)
