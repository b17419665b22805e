"""What the agenda gives the shared features (relacions.core.declaration)."""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, PlaceLayer, Timeline
from relacions.core.roles import EDITORS

from . import datasets, search, sitemaps
from .models import Event


def _event_day(event):
    return timezone.localdate(event.start)


EVENTS = PlaceLayer(
    key="events",
    label=_("Events"),
    queryset=lambda: Event.objects.published().filter(location__isnull=False),
    place="location",
    title=lambda event: event.title,
    date=_event_day,
    url=lambda event: event.get_absolute_url(),
    describe=lambda event: (
        _("%(event)s, %(date)s")
        % {"event": event.title, "date": date_format(_event_day(event), "DATE_FORMAT")}
    ),
    order=40,
)

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
    places=(EVENTS,),
    demo="demo.yaml",
)
