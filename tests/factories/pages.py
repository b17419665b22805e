"""factory_boy factories; every translated field is filled in every language."""

import factory
from django.conf import settings

from relacions.core.models import Publishable
from relacions.pages.models import Page, SiteSettings

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


class PageFactory(PublishedFactory):
    class Meta:
        model = Page

    locals().update(translated("title", "Page {n} {lang}"))
    locals().update(translated("slug", "page-{n}-{lang}"))
    locals().update(translated("summary", "Summary of page {n} in {lang}"))
    locals().update(translated("body", "<p>Body of page {n} in {lang}</p>"))


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteSettings
        django_get_or_create = ("id",)

    id = 1
    office_name_ca = "Servei de Relacions Europees i Internacionals"
    office_name_es = "Servicio de Relaciones Europeas e Internacionales"
    office_name_en = "European and International Relations Service"
    mission_intro_ca = "Missió del servei"
    mission_intro_es = "Misión del servicio"
    mission_intro_en = "Mission of the service"
    email = "relacions@example.org"

