"""Factories of the places app."""

from decimal import Decimal

import factory

from relacions.places.models import Place

from .base import translated


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    locals().update(translated("name", "Place {n} {lang}"))
    locals().update(translated("slug", "place-{n}-{lang}"))
    country = "FR"
    latitude = Decimal("42.1167")
    longitude = Decimal("1.6100")
