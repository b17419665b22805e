"""Signals that core sends and other apps answer, so that core needs to know none of them."""

from django.dispatch import Signal

# Public content was changed by something that sends no model signal (`QuerySet.update()`, a
# data migration, raw SQL): the page cache (relacions.operations) makes every cached page stale.
content_changed = Signal()
