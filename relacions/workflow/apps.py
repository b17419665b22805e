from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from relacions.core.roles import NETWORK_ADMINISTRATORS


class WorkflowConfig(AppConfig):
    name = "relacions.workflow"
    verbose_name = _("Editorial workflow")
    # Deleting a published item (PublishableAdmin) needs this on top of the model's delete
    # permission: Administrators have every permission; Network administrators may delete their
    # networks and forums; Editors delete drafts only.
    role_permissions = {NETWORK_ADMINISTRATORS: ("workflow.delete_published",)}

    def ready(self):
        from . import tracking

        # modeltranslation fills its registry in its own ready(), which runs first (INSTALLED_APPS).
        tracking.connect()
