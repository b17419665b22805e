"""Factories of the yearly reports. A YearReportFactory report is not published: publish it with
relacions.reports.publishing.publish (which computes and freezes its figures)."""

import datetime

import factory

from relacions.reports.models import AreaText, Clipping, YearReport

from .base import translated


class YearReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = YearReport
        django_get_or_create = ("year",)

    year = 2025
    locals().update(translated("introduction", "<p>Introduction {n} in {lang}</p>"))
    locals().update(translated("highlights", "<ul><li>Highlight {n} in {lang}</li></ul>"))


class AreaTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AreaText

    report = factory.SubFactory(YearReportFactory)
    area = "projects"
    locals().update(translated("text", "<p>On the area, {n} in {lang}</p>"))


class ClippingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clipping

    report = factory.SubFactory(YearReportFactory)
    outlet = factory.Sequence(lambda n: f"Outlet {n}")
    published_on = factory.LazyAttribute(lambda c: datetime.date(c.report.year, 5, 10))
    title = factory.Sequence(lambda n: f"Clipping {n}")
    url = factory.Sequence(lambda n: f"https://press.example.org/{n}")
    language = Clipping.Language.CATALAN
