"""Factories of the events app. Dates are relative to now: by default an event starts in a week
and lasts two hours."""

from datetime import timedelta

import factory
from django.utils import timezone

from relacions.events.models import Event

from .base import PublishedFactory, translated


class EventFactory(PublishedFactory):
    class Meta:
        model = Event

    class Params:
        days = 7

    locals().update(translated("title", "Event {n} {lang}"))
    locals().update(translated("slug", "event-{n}-{lang}"))
    locals().update(translated("summary", "Summary of event {n} in {lang}"))
    locals().update(translated("body", "<p>Body of event {n} in {lang}</p>"))
    locals().update(translated("venue", "Venue {n} {lang}"))
    start = factory.LazyAttribute(
        lambda o: timezone.now().replace(microsecond=0) + timedelta(days=o.days)
    )
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))
    city = "Terrassa"
    country = "ES"


class PastEventFactory(EventFactory):
    class Params:
        days = -30
