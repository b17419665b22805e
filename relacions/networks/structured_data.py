"""schema.org data for a network's page (https://schema.org/Organization)."""

from django.utils.html import strip_tags
from django.utils.text import Truncator

from .models import Network


def organization(network: Network, *, url: str, logo_url: str = "") -> dict:
    """A schema.org Organization; `url` and `logo_url` absolute."""
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": network.name,
        "url": network.website or url,
        "mainEntityOfPage": url,
    }
    if network.acronym:
        data["alternateName"] = network.acronym
    description = Truncator(strip_tags(network.description or "")).chars(300).strip()
    if description:
        data["description"] = description
    if network.headquarters:
        data["location"] = network.headquarters
    if logo_url:
        data["logo"] = logo_url
    return data
