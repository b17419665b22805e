from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load the demo content (the office's own text in ca, es and en). Idempotent: what "
        "already exists is left as it is, so running it twice changes nothing."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        # Each app that has demo content names a loader on its AppConfig, called in
        # INSTALLED_APPS order (so links to content of earlier apps can be made).
        for config in apps.get_app_configs():
            loader = getattr(config, "load_demo_content", None)
            if loader is not None:
                created = loader()
                self.stdout.write(f"{config.label}: {created} created")
