from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowConfig(AppConfig):
    name = "relacions.workflow"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from . import tracking

        # modeltranslation fills its registry in its own ready(), which runs first (INSTALLED_APPS).
        tracking.connect()
