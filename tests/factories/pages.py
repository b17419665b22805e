"""Factories of the pages app."""

import factory

from relacions.pages.models import Page, SiteSettings

from .base import PublishedFactory, translated


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
