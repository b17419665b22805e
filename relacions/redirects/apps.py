from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedirectsConfig(AppConfig):
    """Old addresses (the city site's, or a page's before its slug changed) sent on to new ones,
    when nothing else answers them: see `middleware.py`."""

    name = "relacions.redirects"
    verbose_name = _("Redirects")
