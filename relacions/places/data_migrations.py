"""What the data migrations that move free-text cities and countries into the register of places
share. They receive historical models (`apps.get_model(...)`), so nothing here imports a model."""

import re

from django.conf import settings
from django.utils.text import slugify
from django_countries import countries

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# "Brussel·les (Bèlgica)" → ("Brussel·les", "Bèlgica")
CITY_AND_COUNTRY = re.compile(r"^\s*(?P<city>[^()]+?)\s*\((?P<country>[^()]+)\)\s*$")


def country_code(*names: str) -> str:
    """The ISO code of a country named in any of the site's languages ("" if none is known)."""
    for name in names:
        name = (name or "").strip()
        if not name:
            continue
        if len(name) == 2 and name.upper() in countries:
            return name.upper()
        for language in LANGUAGES:
            code = countries.by_name(name, language=language)
            if code:
                return code
    return ""


def split_city_and_country(text: str) -> tuple[str, str]:
    """("Brussel·les", "Bèlgica") from "Brussel·les (Bèlgica)"; (text, "") without brackets."""
    match = CITY_AND_COUNTRY.match(text or "")
    if match is None:
        return (text or "").strip(), ""
    return match["city"], match["country"]


def place_for(Place, names: dict[str, str], country: str):
    """The place of that name (in Catalan) in that country, created with `names` per language
    (an empty name is left to the Catalan fallback) when the register has none."""
    name_ca = names.get("ca") or next(value for value in names.values() if value)
    existing = Place.objects.filter(name_ca__iexact=name_ca, country=country).first()
    if existing is not None:
        return existing
    values = {"country": country, "name": name_ca}
    base = slugify(name_ca) or "place"
    for language in LANGUAGES:
        name = names.get(language) or ""
        values[f"name_{language}"] = name or (name_ca if language == "ca" else "")
        slug = slugify(name or name_ca) or base
        slug_field = f"slug_{language}"
        candidate, number = slug, 2
        while Place.objects.filter(**{slug_field: candidate}).exists():
            candidate, number = f"{slug}-{number}", number + 1
        values[slug_field] = candidate
    values["slug"] = values["slug_ca"]
    return Place.objects.create(**values)
