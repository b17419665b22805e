"""The open-data page in the sitemap (relacions.core.declaration)."""

from relacions.core.declaration import Content
from relacions.core.sitemaps import ViewsSitemap

content = Content(sitemaps={"open-data": ViewsSitemap(["opendata:index"])}, page_cache=False)
