"""How the site search indexes the agenda (the `search` part of content.py)."""

from django.utils.translation import gettext_lazy as _

from relacions.search.registry import Facet, Indexed

from .models import Event

EVENTS = Facet("events", _("Agenda"), order=20)

INDEXED = (
    Indexed(
        Event,
        facet=EVENTS,
        title="title",
        summary=("summary",),
        body=("body", "venue", "city", "outcomes"),
        date=lambda event: event.start,
    ),
)
