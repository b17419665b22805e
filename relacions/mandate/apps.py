from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MandateConfig(AppConfig):
    name = "relacions.mandate"
    verbose_name = _("Pla de Mandat")
