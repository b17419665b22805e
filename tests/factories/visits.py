"""Factories of the visits app. A VisitFactory visit is public: published, and it ended a week
ago (a visit becomes public only once it has ended)."""

import datetime
from decimal import Decimal

import factory

from relacions.visits.models import Cost, Gift, Participant, Visit, local_today

from .base import PublishedFactory, translated
from .places import PlaceFactory


def days_ago(days: int) -> datetime.date:
    return local_today() - datetime.timedelta(days=days)


class VisitFactory(PublishedFactory):
    class Meta:
        model = Visit
        skip_postgeneration_save = True

    direction = Visit.Direction.OUTGOING
    locals().update(translated("title", "Visit {n} {lang}"))
    locals().update(translated("slug", "visit-{n}-{lang}"))
    locals().update(translated("purpose", "Purpose of visit {n} in {lang}"))
    locals().update(translated("counterpart", "Host {n} {lang}"))
    locals().update(translated("outcome", "<p>Outcome of visit {n} in {lang}</p>"))
    purpose_category = Visit.Purpose.NETWORK
    starts_on = factory.LazyFunction(lambda: days_ago(9))
    ends_on = factory.LazyFunction(lambda: days_ago(7))

    @factory.post_generation
    def places(self, create, extracted, **kwargs):
        if create:
            self.places.add(*(extracted if extracted is not None else [PlaceFactory()]))


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    visit = factory.SubFactory(VisitFactory)
    role = Participant.Role.STAFF
    locals().update(translated("position", "Officer {n} {lang}"))


class CostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cost

    visit = factory.SubFactory(VisitFactory)
    concept = Cost.Concept.TRANSPORT
    paid_by = Cost.Payer.CITY
    amount = Decimal("100.00")


class GiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gift

    visit = factory.SubFactory(VisitFactory)
    locals().update(translated("description", "Gift {n} {lang}"))
    estimated_value = Decimal("25.00")
