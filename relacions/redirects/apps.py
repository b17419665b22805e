from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from relacions.core.roles import EDITORS


class RedirectsConfig(AppConfig):
    """Old addresses (the city site's, or a page's before its slug changed) sent on to new ones,
    when nothing else answers them: see `middleware.py`."""

    name = "relacions.redirects"
    verbose_name = _("Redirects")
    role_permissions = {
        # Editors keep their own links working; sending visitors to another site is for
        # Administrators (redirects.allow_external_redirect).
        EDITORS: (
            "redirects.add_redirect",
            "redirects.change_redirect",
            "redirects.delete_redirect",
            "redirects.view_redirect",
        ),
    }
