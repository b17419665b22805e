from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from relacions.core.roles import EDITORS


class PagesConfig(AppConfig):
    name = "relacions.pages"
    verbose_name = _("Pages")
    role_permissions = {
        EDITORS: (
            "pages.add_page",
            "pages.change_page",
            "pages.view_page",
            # Drafts only: deleting a published page needs workflow.delete_published.
            "pages.delete_page",
            "pages.view_sitesettings",
        ),
    }

    def ready(self):
        from . import search

        search.register()
