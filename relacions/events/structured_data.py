"""schema.org Event as JSON-LD, for search engines (https://schema.org/Event)."""

from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import get_language

from relacions.core.structured_data import city_council, default_image_url, to_script

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


def event_data(event: Event, *, build_absolute_uri) -> dict:
    url = build_absolute_uri(event.get_absolute_url())
    image = event.image.og_image_url if event.image is not None else ""
    # The site's default picture when the event has none, as Open Graph (base.html).
    image_url = (
        build_absolute_uri(image)
        if image
        else default_image_url(build_absolute_uri=build_absolute_uri)
    )
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": _description(event),
        "url": url,
        "inLanguage": get_language(),
        "startDate": _moment(event, event.local_start),
        "endDate": _moment(event, event.local_end),
        "eventStatus": SCHEMA + EVENT_STATUS[event.event_status],
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[event.format],
        "location": _location(event, page_url=url),
        "image": [image_url],
        "organizer": city_council("Organization"),
    }


def event_json_ld(event: Event, *, build_absolute_uri) -> SafeString:
    """The JSON text, safe to put between `<script type="application/ld+json">` tags."""
    return to_script(event_data(event, build_absolute_uri=build_absolute_uri))


def _description(event: Event) -> str:
    """The summary; without one the start of the description, or at least the title."""
    text = event.summary or Truncator(strip_tags(event.body or "")).chars(300)
    return text.strip() or event.title


def _moment(event: Event, moment) -> str:
    return moment.date().isoformat() if event.all_day else moment.isoformat(timespec="minutes")


def _location(event: Event, *, page_url: str) -> dict | list[dict]:
    """A Place, a VirtualLocation, or both for a hybrid event."""
    locations = []
    if event.is_in_person:
        locations.append(_place(event))
    if event.is_online:
        # Without its own link yet, the event's page, which gives the link once there is one:
        # a VirtualLocation without a url is not a location a search engine can show.
        locations.append({"@type": "VirtualLocation", "url": event.online_url or page_url})
    return locations[0] if len(locations) == 1 else locations


def _place(event: Event) -> dict:
    address = {"@type": "PostalAddress"}
    if event.city:
        address["addressLocality"] = event.city
    if event.country:
        address["addressCountry"] = event.country.code
    if len(address) == 1:
        # Neither city nor country: the venue is all the address there is.
        address["streetAddress"] = event.venue
    return {
        "@type": "Place",
        "name": event.venue or event.city or event.country_name or event.title,
        "address": address,
    }
