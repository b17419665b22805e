"""How the site search indexes the agenda (registered in `EventsConfig.ready()`)."""

from django.utils.translation import gettext_lazy as _

from relacions.search.registry import Facet, Indexed, registry

from .models import Event

EVENTS = Facet("events", _("Agenda"), order=20)


def register() -> None:
    registry.register(
        Indexed(
            Event,
            facet=EVENTS,
            title="title",
            summary=("summary",),
            body=("body", "venue", "city", "outcomes"),
            date=lambda event: event.start,
        )
    )
