"""iCalendar (RFC 5545) for one event and for the agenda, written with the `icalendar` package.

- UID is the event's own UUID, so it is the same on every request and in every language's feed.
- No METHOD property: DTSTAMP is then "when the event was last revised" (its `updated_at`), so
  the same event gives the same bytes until an editor changes it.
- Times carry TZID=Europe/Madrid with its VTIMEZONE (always present, covering the events' span);
  all-day events are DATE values with the exclusive DTEND of RFC 5545 (the day after).
- Postponed events are TENTATIVE (the new date is not known yet); cancelled ones CANCELLED.
- Text with no translation in the calendar's language is the Catalan text, with LANGUAGE=ca;
  the description then ends with a note that says so.
"""

import uuid
from datetime import date, timedelta

import icalendar
from django.conf import settings
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from relacions.core.fallback import shows_fallback

from .models import Event

PRODID = "-//Ajuntament de Terrassa//Relacions//EN"
STATUS = {
    Event.EventStatus.SCHEDULED: "CONFIRMED",
    Event.EventStatus.POSTPONED: "TENTATIVE",
    Event.EventStatus.CANCELLED: "CANCELLED",
}
# How often subscribed calendar applications should fetch the agenda again (RFC 7986, and the
# older X-PUBLISHED-TTL that Outlook reads).
REFRESH = timedelta(hours=6)
REFRESH_TEXT = "PT6H"


def calendar_bytes(events, *, build_absolute_uri, name: str, key: str) -> bytes:
    """A VCALENDAR with one VEVENT per event. `build_absolute_uri` is the request's; `key` names
    the calendar (its UID is derived from it, so it is stable too)."""
    events = list(events)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("uid", str(uuid.uuid5(uuid.NAMESPACE_URL, f"relacions:events:{key}")))
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH_TEXT)
    calendar.add_component(_timezone(events))
    for event in events:
        calendar.add_component(_vevent(event, build_absolute_uri))
    return calendar.to_ical()


def _timezone(events: list[Event]) -> icalendar.Timezone:
    """Europe/Madrid's VTIMEZONE with the transitions from the first event to a year after the
    last (the current year when there are none): what clients need, not fifty years of them."""
    days = [event.first_day for event in events] + [event.last_day for event in events]
    first = min(days, default=timezone.localdate()).replace(month=1, day=1)
    last = max(days, default=timezone.localdate())
    return icalendar.Timezone.from_tzid(
        settings.TIME_ZONE, first_date=first, last_date=date(last.year + 1, 12, 31)
    )


def _vevent(event: Event, build_absolute_uri) -> icalendar.Event:
    url = build_absolute_uri(event.get_absolute_url())
    vevent = icalendar.Event()
    vevent.add("uid", str(event.uid))
    vevent.add("dtstamp", event.updated_at)
    vevent.add("created", event.created_at)
    vevent.add("last-modified", event.updated_at)
    vevent.add("sequence", event.version)
    if event.all_day:
        vevent.add("dtstart", event.first_day)
        vevent.add("dtend", event.last_day + timedelta(days=1))
    else:
        vevent.add("dtstart", event.local_start)
        vevent.add("dtend", event.local_end)
    vevent.add("summary", event.title, parameters=_language(event, "title"))
    vevent.add("description", _description(event, url), parameters=_language(event, "summary"))
    location = _location(event)
    if location:
        vevent.add("location", location, parameters=_language(event, "venue"))
    vevent.add("url", url)
    vevent.add("status", STATUS[event.event_status])
    vevent.add("class", "PUBLIC")
    # Subscribing to the agenda must not fill the subscriber's free / busy time.
    vevent.add("transp", "TRANSPARENT")
    return vevent


def _language(event: Event, field: str) -> dict:
    """The LANGUAGE parameter of a property that shows `field`: Catalan where it falls back."""
    if shows_fallback(event, field):
        return {"LANGUAGE": settings.LANGUAGE_CODE}
    return {"LANGUAGE": get_language()}


def _description(event: Event, url: str) -> str:
    notice = ""
    if any(shows_fallback(event, field) for field in ("title", "summary")):
        notice = _("This text is only available in Catalan.")
    return "\n\n".join(part for part in (event.summary, notice, url) if part)


def _location(event: Event) -> str:
    parts = [event.place]
    if event.is_online:
        parts.append(event.online_url or _("Online"))
    return " · ".join(part for part in parts if part)
