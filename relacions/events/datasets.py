"""The agenda dataset of the open-data page (the `datasets` part of content.py)."""

from django.utils.translation import gettext_lazy as _

from relacions.opendata.datasets import (
    Column,
    Dataset,
    Feed,
    absolute,
    attribute,
    local,
    names,
    only_in_catalan,
)

from .models import Event

EVENTS = Dataset(
    order=20,
    slug="events",
    title=_("Events"),
    description=_(
        "Every published event of the agenda, past and upcoming, in the order they start."
    ),
    queryset=lambda: Event.objects.for_dataset(),
    feeds=(Feed("iCalendar", "events:ical"),),
    columns=(
        Column("id", _("Identifier"), lambda event, _b: str(event.uid)),
        Column("title", _("Title"), attribute("title")),
        Column("summary", _("Summary"), attribute("summary")),
        Column("start", _("Start"), lambda event, _b: local(event.start)),
        Column("end", _("End"), lambda event, _b: local(event.end)),
        Column("all_day", _("All day"), attribute("all_day")),
        Column("status", _("Status"), lambda event, _b: event.get_event_status_display()),
        Column("format", _("Format"), lambda event, _b: event.get_format_display()),
        Column("venue", _("Venue"), attribute("venue")),
        Column("city", _("City"), attribute("city")),
        Column("country", _("Country (ISO 3166)"), lambda event, _b: event.country.code),
        Column("online_url", _("Online link"), attribute("online_url")),
        Column("registration_url", _("Registration link"), attribute("registration_url")),
        Column(
            "terrassa_role",
            _("Terrassa's role"),
            lambda event, _b: event.get_terrassa_role_display(),
        ),
        Column("networks", _("Networks"), lambda event, _b: names(event.networks.all())),
        Column("forum", _("Forum"), lambda event, _b: str(event.forum) if event.forum else ""),
        Column("url", _("Address"), absolute(lambda event: event.get_absolute_url())),
        Column(
            "calendar_url", _("Calendar file"), absolute(lambda event: event.get_calendar_url())
        ),
        Column("updated_at", _("Last modified"), lambda event, _b: local(event.updated_at)),
        only_in_catalan("title", "summary", "venue"),
    ),
)
