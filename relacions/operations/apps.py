from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What keeps the site running: the database watchdog, the tolerant Redis cache, the page
    cache, health checks and backups. Knows core, never a content app (pyproject.toml's
    import-linter contracts)."""

    name = "relacions.operations"
    label = "operations"
    verbose_name = _("Operations")

    def ready(self):
        from . import pagecache

        # Here rather than in the page cache's middleware: a save from a management command, the
        # shell or a worker that never serves a request must make the cached pages stale too.
        pagecache.connect_signals()
