"""schema.org Event as JSON-LD, for search engines (https://schema.org/Event)."""

import json

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Event

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    Event.EventStatus.SCHEDULED: "EventScheduled",
    Event.EventStatus.POSTPONED: "EventPostponed",
    Event.EventStatus.CANCELLED: "EventCancelled",
}
ATTENDANCE_MODE = {
    Event.Format.IN_PERSON: "OfflineEventAttendanceMode",
    Event.Format.ONLINE: "OnlineEventAttendanceMode",
    Event.Format.HYBRID: "MixedEventAttendanceMode",
}
CITY_COUNCIL_URL = "https://www.terrassa.cat/"

# Inside <script> only "<" can end the element (`</script>`) or open a comment (`<!--`): written
# as JSON escapes, the text means the same and no value can close the element.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def event_data(event: Event, *, build_absolute_uri) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": build_absolute_uri(event.get_absolute_url()),
        "inLanguage": get_language(),
        "startDate": _moment(event, event.local_start),
        "endDate": _moment(event, event.local_end),
        "eventStatus": SCHEMA + EVENT_STATUS[event.event_status],
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[event.format],
        "location": _location(event),
        "organizer": {
            "@type": "Organization",
            "name": _("Terrassa City Council"),
            "url": CITY_COUNCIL_URL,
        },
    }
    if event.summary:
        data["description"] = event.summary
    if event.image is not None and event.image.og_image_url:
        data["image"] = [build_absolute_uri(event.image.og_image_url)]
    return data


def event_json_ld(event: Event, *, build_absolute_uri) -> str:
    """The JSON text, safe to put between `<script type="application/ld+json">` tags."""
    data = event_data(event, build_absolute_uri=build_absolute_uri)
    return json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)


def _moment(event: Event, moment) -> str:
    return moment.date().isoformat() if event.all_day else moment.isoformat(timespec="minutes")


def _location(event: Event) -> dict | list[dict]:
    """A Place, a VirtualLocation, or both for a hybrid event."""
    locations = []
    if event.is_in_person:
        address = {"@type": "PostalAddress"}
        if event.city:
            address["addressLocality"] = event.city
        if event.country:
            address["addressCountry"] = event.country.code
        place = {"@type": "Place", "address": address}
        place["name"] = event.venue or event.city or event.country_name
        locations.append(place)
    if event.is_online:
        virtual = {"@type": "VirtualLocation"}
        if event.online_url:
            virtual["url"] = event.online_url
        locations.append(virtual)
    return locations[0] if len(locations) == 1 else locations
