from django.core.management.base import BaseCommand, CommandError

from relacions.core.demo import DemoContentError, load_demo_content


class Command(BaseCommand):
    help = (
        "Load the demo content: the demo.yaml of every app, in INSTALLED_APPS order (the office's "
        "own text in ca, es and en, and examples marked as such). Idempotent: an object is found "
        "by its key and updated, so running it twice changes nothing."
    )

    def handle(self, *args, **options):
        try:
            loaded = load_demo_content()
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        for label, counts in loaded.items():
            self.stdout.write(f"{label}: {counts}")
