from django.core.management.base import BaseCommand

from relacions.core.roles import setup_roles


class Command(BaseCommand):
    help = "Create or update the staff groups (Editors, Network administrators, Administrators)."

    def handle(self, *args, **options):
        for role, count in setup_roles().items():
            self.stdout.write(f"{role}: {count} permissions")
