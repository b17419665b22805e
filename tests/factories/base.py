"""Shared pieces of the factories."""

import factory
from django.conf import settings

from relacions.core.models import Publishable

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def translated(field: str, template: str) -> dict:
    """Declarations `field_ca`, `field_es`, `field_en` from a template with {n} and {lang}.

    Used as `locals().update(translated(...))` in a factory's class body (a plain dict there).
    """
    return {
        f"{field}_{lang}": factory.Sequence(lambda n, lang=lang: template.format(n=n, lang=lang))
        for lang in LANGUAGES
    }


class PublishedFactory(factory.django.DjangoModelFactory):
    status = Publishable.Status.PUBLISHED
