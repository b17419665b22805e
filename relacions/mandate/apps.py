from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from relacions.core.roles import EDITORS, NETWORK_ADMINISTRATORS


class MandateConfig(AppConfig):
    name = "relacions.mandate"
    verbose_name = _("Pla de Mandat")
    # Administrators manage the plan (they hold every permission). The other roles only link their
    # news, events, memberships and forums to objectives, which needs seeing them.
    role_permissions = {
        EDITORS: ("mandate.view_objective",),
        NETWORK_ADMINISTRATORS: ("mandate.view_objective",),
    }

    def ready(self):
        from . import search

        search.register()
