from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from relacions.core.roles import EDITORS, NETWORK_ADMINISTRATORS

MANAGED_MODELS = (
    "network",
    "membership",
    "membershipfee",
    "forum",
    "workinggroup",
    "challengearea",
    "position",
)


class NetworksConfig(AppConfig):
    name = "relacions.networks"
    verbose_name = _("Partner networks")
    role_permissions = {
        NETWORK_ADMINISTRATORS: (
            *(
                f"networks.{action}_{model}"
                for model in MANAGED_MODELS
                for action in ("add", "change", "delete", "view")
            ),
            "networks.view_membership_internals",
            "networks.view_renewalreminder",
        ),
        # Editors link news and events to networks and forums: they read what is public about
        # them, memberships included, but never a membership's fees, contacts, documents or notes
        # (which need view_membership_internals) and change nothing here.
        EDITORS: (
            "networks.view_network",
            "networks.view_forum",
            "networks.view_workinggroup",
            "networks.view_challengearea",
            "networks.view_membership",
            "networks.view_position",
        ),
    }

    def ready(self):
        from . import search

        search.register()
