"""The columns of translated fields (django-modeltranslation): `title` is `title_ca`, `title_es`
and `title_en`, one per language of the site."""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname


def localized_names(*fields: str) -> tuple[str, ...]:
    """Each of `fields` in every language, field by field: title_ca, title_es, title_en, slug_ca…"""
    return tuple(
        build_localized_fieldname(field, language)
        for field in fields
        for language, _name in settings.LANGUAGES
    )
