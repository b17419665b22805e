"""What the agenda gives the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, Timeline
from relacions.core.roles import EDITORS

from . import datasets, search, sitemaps
from .models import Event

content = Content(
    urls=(_("events/"), "relacions.events.urls"),
    roles={
        EDITORS: (
            "events.add_event",
            "events.change_event",
            "events.view_event",
            "events.delete_event",
        ),
    },
    search=search.INDEXED,
    sitemaps=sitemaps.SITEMAPS,
    # An event that ends leaves the agenda for the archive.
    schedule={Event: ("start", "end")},
    timelines=(Timeline(Event, pgettext_lazy("objective timeline", "Event"), date="start"),),
    datasets=(datasets.EVENTS,),
    demo="demo.yaml",
)
