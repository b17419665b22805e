from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "relacions.reports"
    verbose_name = _("Yearly report")

    def ready(self):
        from . import signals  # noqa: F401  (publishes the demo's report once the demo is loaded)
