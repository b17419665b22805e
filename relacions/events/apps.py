from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from relacions.core.roles import EDITORS


class EventsConfig(AppConfig):
    name = "relacions.events"
    verbose_name = _("Events")
    role_permissions = {
        EDITORS: (
            "events.add_event",
            "events.change_event",
            "events.view_event",
            "events.delete_event",
        ),
    }

    def ready(self):
        from . import search

        search.register()
