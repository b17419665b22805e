from relacions.core.sitemaps import ViewsSitemap

sitemaps = {"open-data": ViewsSitemap(["opendata:index"])}
