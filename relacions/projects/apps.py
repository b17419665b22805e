from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "relacions.projects"
    verbose_name = _("European and international projects")
