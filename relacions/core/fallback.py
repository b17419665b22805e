"""Which translated text is shown in the fallback language (Catalan) instead of the active one.

modeltranslation's `obj.field` reads the active language and, when that is empty, Catalan. Every
place that shows such text (pages, feeds, calendars, open data) marks it as Catalan with these.
"""

from django.conf import settings
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname


def shows_fallback(obj, field: str, language: str | None = None) -> bool:
    """Whether `obj.field` shows the Catalan text because `language` (the active one) has none."""
    if obj is None:
        return False
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    source = settings.LANGUAGE_CODE
    if language == source:
        return False
    if getattr(obj, build_localized_fieldname(field, language), None):
        return False
    return bool(getattr(obj, build_localized_fieldname(field, source), None))


def fallback_fields(obj, fields, language: str | None = None) -> list[str]:
    """The names among `fields` that `obj` shows in Catalan in `language` (the active one)."""
    return [field for field in fields if shows_fallback(obj, field, language)]
