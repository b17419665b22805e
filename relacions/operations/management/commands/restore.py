from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, transaction

from relacions.operations import pagecache
from relacions.operations.backup import BackupError, restore
from relacions.operations.pagecache import fragments


class Command(BaseCommand):
    help = (
        "Restore a backup folder (made by `backup`) into the configured database, MEDIA_ROOT and "
        "PRIVATE_MEDIA_ROOT. They must be empty unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "folder", type=Path, help="A backup folder, e.g. backups/20260115-031500."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the tables of a database that is not empty, and write over media files.",
        )

    def handle(self, *args, folder, force, **options):
        try:
            result = restore(source=folder, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.make_cached_pages_stale()
        wide = result["readable_by_others"]
        if wide:
            self.stderr.write(
                self.style.WARNING(
                    "Warning: this backup can be read by others than its owner; it holds staff "
                    "accounts and confidential notes. Make the folder 0700 and its files 0600 "
                    f"(chmod -R go= {folder}): " + ", ".join(wide)
                )
            )
        private = result["private_media_files"]
        self.stdout.write(
            f"Restored {folder} into the database {result['database']!r}, "
            f"{result['media_files']} media files and "
            + (
                f"{private} private files."
                if private is not None
                else "no private files (the backup predates them)."
            )
        )

    def make_cached_pages_stale(self):
        # The restored rows sent no signal; the restored generation is the backup's, older than
        # the pages cached since. Raised (with the clock) above every earlier one. The rendered
        # fragments are keyed by versions, which went back with the rows: refused too.
        fragments.forget()
        try:
            with transaction.atomic():
                pagecache.bump_generation()
        except DatabaseError as error:
            # A backup from before the page cache's table: `migrate` creates it, with a new value.
            self.stderr.write(f"Page cache generation not raised ({error}); run migrate.")
