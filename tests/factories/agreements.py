"""Factories of the agreements app."""

import datetime

import factory

from relacions.agreements.models import Agreement, Amendment, CooperationArea, Document, Partner

from .base import PublishedFactory, translated
from .places import PlaceFactory


class AgreementFactory(PublishedFactory):
    class Meta:
        model = Agreement

    kind = Agreement.Kind.TWINNING
    locals().update(translated("title", "Agreement {n} {lang}"))
    locals().update(translated("slug", "agreement-{n}-{lang}"))
    locals().update(translated("object", "<p>Object of agreement {n} in {lang}</p>"))
    signed_on = datetime.date(1990, 5, 1)


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    agreement = factory.SubFactory(AgreementFactory)
    locals().update(translated("organisation", "City Council {n} {lang}"))
    place = factory.SubFactory(PlaceFactory)


class AmendmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Amendment

    agreement = factory.SubFactory(AgreementFactory)
    date = datetime.date(2000, 1, 1)
    locals().update(translated("description", "Change {n} {lang}"))


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    agreement = factory.SubFactory(AgreementFactory)
    locals().update(translated("title", "Document {n} {lang}"))
    url = "https://www.example.org/agreement.pdf"


class CooperationAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationArea

    locals().update(translated("name", "Area {n} {lang}"))
