"""Factories of the projects app."""

import datetime
from decimal import Decimal

import factory

from relacions.projects.models import Department, Partner, Programme, Project, Result, Theme

from .base import PublishedFactory, translated
from .places import PlaceFactory


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    locals().update(translated("name", "Programme {n} {lang}"))


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    locals().update(translated("name", "Theme {n} {lang}"))


class ProjectFactory(PublishedFactory):
    class Meta:
        model = Project

    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    locals().update(translated("title", "Project {n} {lang}"))
    locals().update(translated("slug", "project-{n}-{lang}"))
    locals().update(translated("summary", "Summary of project {n} in {lang}"))
    locals().update(translated("description", "<p>Description of project {n} in {lang}</p>"))
    programme = factory.SubFactory(ProgrammeFactory)
    starts_on = datetime.date(2024, 1, 1)
    ends_on = datetime.date(2025, 12, 31)
    total_cost = Decimal("100000.00")
    eu_contribution = Decimal("80000.00")
    city_budget = Decimal("20000.00")
    city_eu_contribution = Decimal("16000.00")


class ProjectPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Partner.Kind.LOCAL_GOVERNMENT
    place = factory.SubFactory(PlaceFactory)


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    project = factory.SubFactory(ProjectFactory)
    locals().update(translated("title", "Result {n} {lang}"))
    date = datetime.date(2025, 6, 30)
    url = "https://example.org/result"


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    locals().update(translated("name", "Department {n} {lang}"))
