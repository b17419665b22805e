"""`{% upcoming_events %}`: the next events as cards, for the home page or any other page.

    {% load events_tags %}
    <h2>{% translate "Upcoming events" %}</h2>
    {% upcoming_events limit=3 %}

Renders `<ul class="cards">` of event cards (their titles as `<h3>`; `heading_level=2` changes
it), or a short note when nothing is planned. One query, whatever the limit: compiled once per
limit (relacions.core.prepared), with the stamps of the cards it shows.
"""

import datetime
import functools

from django import template
from django.urls import reverse
from django.utils import timezone

from relacions.core.prepared import Prepared
from relacions.operations import pagecache
from relacions.operations.pagecache.fragments import with_stamps

from ..models import Event

register = template.Library()

MAX_LIMIT = 12


@functools.cache
def _upcoming(limit: int) -> Prepared:
    return Prepared(
        lambda now: with_stamps(Event.objects.upcoming(now).for_listing(), now, "events.card")[
            :limit
        ],
        now=datetime.datetime,
    )


@register.inclusion_tag("events/_upcoming.html")
def upcoming_events(limit: int = 3, heading_level: int = 3):
    limit = max(1, min(int(limit), MAX_LIMIT))
    return {"events": _upcoming(limit).fetch(now=timezone.now()), "heading_level": heading_level}


@register.simple_tag(takes_context=True)
def past_events_url(context) -> str:
    """The latest year of the past events' archive: `events:past` without a year only
    redirects there, and links should point at the final address. The archive's own view has
    read the years already; elsewhere they come from the same memo (one query at most)."""
    years = getattr(context.get("view"), "years", None)
    if years is None:
        years = pagecache.remember("events:past-years", Event.objects.past_years)
    if not years:
        return reverse("events:past")
    return reverse("events:past", kwargs={"year": years[0]})
