"""Where the search page lives (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _

from relacions.core.declaration import Content

# The index is not a page: the content apps' own changes make the cached pages stale.
content = Content(urls=(_("search/"), "relacions.search.urls"), page_cache=False)
