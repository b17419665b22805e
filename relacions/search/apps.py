from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site's search. The content apps register what it indexes (`registry.py`) from their
    own `ready()`; this app imports none of them."""

    name = "relacions.search"
    verbose_name = _("Search")
