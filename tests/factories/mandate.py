"""Factories of the mandate app."""

import datetime

import factory

from relacions.mandate.models import Axis, Objective, Plan, ProgressUpdate

from .base import PublishedFactory, translated


class PlanFactory(PublishedFactory):
    class Meta:
        model = Plan

    locals().update(translated("title", "Plan {n} {lang}"))
    locals().update(translated("slug", "plan-{n}-{lang}"))
    locals().update(translated("summary", "Summary of plan {n} in {lang}"))
    start_year = 2023
    end_year = 2027
    is_current = True


class AxisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Axis

    plan = factory.SubFactory(PlanFactory)
    number = factory.Sequence(lambda n: n + 1)
    locals().update(translated("title", "Axis {n} {lang}"))
    locals().update(translated("description", "Description of axis {n} in {lang}"))


class ObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objective

    axis = factory.SubFactory(AxisFactory)
    code = factory.Sequence(lambda n: f"{n // 10 + 1}.{n % 10 + 1}.{n}")
    locals().update(translated("title", "Objective {n} {lang}"))
    locals().update(translated("description", "<p>Description of objective {n} in {lang}</p>"))
    weight = 1


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    objective = factory.SubFactory(ObjectiveFactory)
    date = factory.LazyFunction(lambda: datetime.date(2025, 1, 15))
    status = ProgressUpdate.Status.IN_PROGRESS
    progress = 50
    is_public = True
    locals().update(translated("note", "Note {n} in {lang}"))
