"""Signals that core sends and other apps answer, so that core needs to know none of them."""

from django.dispatch import Signal

# Public content was changed by something that sends no model signal (`QuerySet.update()`, a
# data migration, raw SQL): the page cache (relacions.operations) makes every cached page stale.
content_changed = Signal()

# The demo content was loaded (relacions.core.demo.load_demo_content), with the day its relative
# dates were counted from (`today`): what is made from the records rather than written in a demo
# file (the yearly report's published figures) is made then.
demo_loaded = Signal()
