from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from relacions.operations.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump -Fc), the uploaded media and the private files (each a "
        "tar.gz) into a new timestamped folder under backups/."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--destination",
            type=Path,
            default=settings.BASE_DIR / "backups",
            help="Folder that receives the new backup folder (default: backups/).",
        )

    def handle(self, *args, destination, **options):
        try:
            folder = backup(destination=destination)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))
