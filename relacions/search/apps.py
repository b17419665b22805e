from django.apps import AppConfig
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from relacions.core.declaration import declared


class SearchConfig(AppConfig):
    """The site's search. The content apps declare what it indexes (the `search` part of their
    `content.py`); this app imports none of them."""

    name = "relacions.search"
    verbose_name = _("Search")

    def ready(self):
        from . import signals
        from .registry import Indexed, registry

        for indexed in declared("search"):
            if not isinstance(indexed, Indexed):
                raise ImproperlyConfigured(f"{indexed!r} is not a search.registry.Indexed.")
            registry.register(indexed)
            signals.connect(indexed)
