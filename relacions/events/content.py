"""What the agenda gives the shared features (relacions.core.declaration)."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, Indicator, PlaceLayer, ReportArea, Timeline
from relacions.core.roles import EDITORS

from . import datasets, fragments, search, sitemaps
from .forms import HELD, YES
from .models import Event


def _event_day(event):
    return timezone.localdate(event.start)


EVENTS = PlaceLayer(
    key="events",
    label=_("Events"),
    queryset=lambda now=None: Event.objects.published(now).filter(location__isnull=False),
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


def _archive(**filters):
    """year → the archive of that year's past events, held ones only, with these filters."""
    return lambda year: "{}?{}".format(
        reverse("events:past", kwargs={"year": year}), urlencode({"status": HELD, **filters})
    )


# Every figure counts the public events that started in the year (Madrid time), have ended and
# were held: a cancelled event, or a postponed one still at the dates it did not take place on,
# is no activity of the year (EventQuerySet.held()). Each links to the year's archive, filtered
# to list exactly those events.
REPORT = ReportArea(
    key="events",
    label=_("Events"),
    order=40,
    indicators=(
        Indicator(
            key="events.held",
            label=_("Events held"),
            records=lambda year: Event.objects.held_in_year(year),
            url=_archive(),
        ),
        Indicator(
            key="events.hosted",
            label=_("Events organised or hosted by Terrassa"),
            records=lambda year: Event.objects.held_in_year(year).with_role(Event.Role.HOST),
            url=_archive(role=Event.Role.HOST),
        ),
        Indicator(
            key="events.abroad",
            label=_("Events attended abroad"),
            records=lambda year: Event.objects.held_in_year(year).attended_abroad(),
            url=_archive(abroad=YES),
        ),
        Indicator(
            key="events.forum_meetings",
            label=_("Meetings of forums and working groups attended"),
            records=lambda year: Event.objects.held_in_year(year).forum_meetings(),
            url=_archive(forum=YES),
        ),
        Indicator(
            key="events.spoke",
            label=_("Events where Terrassa spoke"),
            records=lambda year: Event.objects.held_in_year(year).with_role(Event.Role.SPEAKER),
            url=_archive(role=Event.Role.SPEAKER),
        ),
    ),
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
    fragments={"card": fragments.CARD, "detail": fragments.DETAIL},
    places=(EVENTS,),
    report=REPORT,
    demo="demo.yaml",
)
