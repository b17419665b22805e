"""schema.org data for a project's page: a `Project` (an Organization in schema.org's terms, so
its partners are its members) whose `funding` is a `MonetaryGrant`: the programme, the grant
agreement number as its identifier, the EU contribution as its amount and the European Union as
its funder when the programme is EU-funded."""

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from relacions.core.structured_data import city_council

from .models import Project

EUROPEAN_UNION_URL = "https://european-union.europa.eu/"


def project_data(project: Project, *, url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": project.title,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": get_language(),
        "foundingDate": project.starts_on.isoformat(),
        "dissolutionDate": project.ends_on.isoformat(),
        "member": [
            city_council(),
            *(_partner(partner) for partner in project.partners.all()),
        ],
        "funding": _grant(project),
    }
    if project.acronym:
        data["alternateName"] = project.acronym
    description = project.summary or Truncator(strip_tags(project.description or "")).chars(300)
    if description.strip():
        data["description"] = description.strip()
    if project.website:
        data["sameAs"] = project.website
    themes = [theme.name for theme in project.themes.all()]
    if themes:
        data["keywords"] = ", ".join(themes)
    return data


def _grant(project: Project) -> dict:
    grant = {"@type": "MonetaryGrant", "name": project.programme.full_name()}
    if project.grant_agreement_number:
        grant["identifier"] = project.grant_agreement_number
    if project.eu_contribution is not None:
        grant["amount"] = {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": str(project.eu_contribution),
        }
    if project.is_eu_funded():
        grant["funder"] = {
            "@type": "GovernmentOrganization",
            "name": _("European Union"),
            "url": EUROPEAN_UNION_URL,
        }
    return grant


def _partner(partner) -> dict:
    data = {"@type": "Organization", "name": partner.organisation}
    if partner.place_id:
        data["location"] = {
            "@type": "Place",
            "name": partner.place.name,
            "address": {"@type": "PostalAddress", "addressCountry": partner.place.country.code},
        }
    return data
