from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "relacions.core"
    verbose_name = _("Core")

    def ready(self):
        from django.contrib import admin

        from . import pagecache
        from .listlookups import restrict_lookups_everywhere

        # django.contrib.admin comes first in INSTALLED_APPS: every admin is registered by now.
        restrict_lookups_everywhere(admin.site)

        # Here rather than in the page cache's middleware: a save from a management command, the
        # shell or a worker that never serves a request must make the cached pages stale too.
        pagecache.connect_signals()
