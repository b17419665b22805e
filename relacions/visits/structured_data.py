"""schema.org data for a visit's page: a past Event (schema.org has no type for an official
visit), with its dates, its places and the city council as an attendee or as its organiser."""

from django.utils.text import Truncator
from django.utils.translation import get_language

from relacions.core.structured_data import city_council

from .models import Visit


def visit_data(visit: Visit, *, url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": visit.title,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": get_language(),
        "startDate": visit.starts_on.isoformat(),
        "endDate": visit.ends_on.isoformat(),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "description": Truncator(visit.purpose).chars(300).strip(),
        # The city council travels to an outgoing visit and hosts an incoming one.
        "attendee" if visit.direction == Visit.Direction.OUTGOING else "organizer": city_council(),
    }
    places = [_place(place) for place in visit.places.all()]
    if places:
        data["location"] = places
    return data


def _place(place) -> dict:
    data = {
        "@type": "Place",
        "name": place.name,
        "address": {"@type": "PostalAddress", "addressCountry": str(place.country.code)},
    }
    if place.has_coordinates():
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    return data
