"""Factories of the networks app."""

import datetime

import factory

from relacions.networks.models import (
    ChallengeArea,
    Forum,
    Membership,
    MembershipFee,
    Network,
    Position,
    WorkingGroup,
)

from .base import PublishedFactory, translated


class NetworkFactory(PublishedFactory):
    class Meta:
        model = Network

    locals().update(translated("name", "Network {n} {lang}"))
    locals().update(translated("slug", "network-{n}-{lang}"))
    locals().update(translated("description", "<p>About network {n} in {lang}</p>"))
    locals().update(translated("headquarters", "City {n} {lang}"))
    kind = Network.Kind.CITY_NETWORK


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    network = factory.SubFactory(NetworkFactory)
    category = Membership.Category.FULL
    status = Membership.Status.ACTIVE
    since = datetime.date(2009, 1, 1)


class MembershipFeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MembershipFee

    membership = factory.SubFactory(MembershipFactory)
    year = factory.Sequence(lambda n: 2000 + n)
    amount = "1000.00"


class ForumFactory(PublishedFactory):
    class Meta:
        model = Forum

    network = factory.SubFactory(NetworkFactory)
    locals().update(translated("name", "Forum {n} {lang}"))
    locals().update(translated("slug", "forum-{n}-{lang}"))
    locals().update(translated("description", "<p>About forum {n} in {lang}</p>"))


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup
        skip_postgeneration_save = True

    network = factory.SubFactory(NetworkFactory)
    locals().update(translated("name", "Working group {n} {lang}"))
    locals().update(translated("mandate", "Mandate of group {n} in {lang}"))

    @factory.post_generation
    def forums(self, create, extracted, **kwargs):
        if create and extracted:
            self.forums.set(extracted)


class ChallengeAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChallengeArea

    forum = factory.SubFactory(ForumFactory)
    locals().update(translated("name", "Challenge {n} {lang}"))
    order = factory.Sequence(int)


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    network = factory.SubFactory(NetworkFactory)
    locals().update(translated("title", "Position {n} {lang}"))
    start = datetime.date(2017, 1, 1)
