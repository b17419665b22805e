"""schema.org data for an agreement's page. schema.org has no type for an agreement between
public bodies: it is described as a CreativeWork (its text), about its parties' places, with
the city council and the partners as its contributors."""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language

from relacions.core.structured_data import city_council

from .models import Agreement


def agreement_data(agreement: Agreement, *, url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": agreement.title,
        "genre": str(agreement.get_kind_display()),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": get_language(),
        "creativeWorkStatus": str(agreement.get_agreement_status_display()),
        "contributor": [
            city_council(),
            *({"@type": "Organization", "name": p.organisation} for p in agreement.partners.all()),
        ],
    }
    description = Truncator(strip_tags(agreement.object or "")).chars(300).strip()
    if description:
        data["description"] = description
    if agreement.signed_on:
        data["dateCreated"] = agreement.signed_on.isoformat()
    if agreement.start():
        end = agreement.ends_on.isoformat() if agreement.ends_on else ".."
        data["temporalCoverage"] = f"{agreement.start().isoformat()}/{end}"
    places = [partner.place for partner in agreement.partners.all() if partner.place_id]
    if places:
        data["about"] = [_place(place) for place in places]
    return data


def _place(place) -> dict:
    data = {
        "@type": "City" if place.kind == "city" else "AdministrativeArea",
        "name": place.name,
        "containedInPlace": {"@type": "Country", "name": str(place.country.name)},
    }
    if place.has_coordinates():
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(place.latitude),
            "longitude": float(place.longitude),
        }
    if place.wikidata_id:
        data["sameAs"] = f"https://www.wikidata.org/wiki/{place.wikidata_id}"
    return data
