import sys
import time

from django.core.management.base import BaseCommand

from relacions.search.registry import Indexed
from relacions.search.services import rebuild_index

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the content, in one transaction. Idempotent: the result "
        "is the same as the one saving each object keeps up to date."
    )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.interactive = sys.stdout.isatty()
        self.shown = -1
        started = time.monotonic()
        written = rebuild_index(progress=self.progress if self.verbosity else None)
        if self.verbosity:
            seconds = time.monotonic() - started
            self.stdout.write(
                self.style.SUCCESS(f"{sum(written.values())} entries written in {seconds:.1f} s.")
            )

    def progress(self, indexed: Indexed, done: int, total: int) -> None:
        """A bar per model: redrawn in place on a terminal, every tenth otherwise (logs)."""
        tenth = 10 * done // total if total else 10
        finished = done >= total
        if not finished and not self.interactive and tenth == self.shown:
            return
        if not finished and self.interactive and done % 50:
            return
        self.shown = -1 if finished else tenth
        filled = BAR_WIDTH * done // total if total else BAR_WIDTH
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = f"{indexed.model._meta.label_lower:<20} [{bar}] {done}/{total}"
        if self.interactive:
            self.stdout.write(f"\r{line}", ending="\n" if finished else "")
            self.stdout.flush()
        else:
            self.stdout.write(line)
