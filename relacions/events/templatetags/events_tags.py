"""`{% upcoming_events %}`: the next events as cards, for the home page or any other page.

    {% load events_tags %}
    <h2>{% translate "Upcoming events" %}</h2>
    {% upcoming_events limit=3 %}

Renders `<ul class="cards">` of event cards (their titles as `<h3>`; `heading_level=2` changes
it), or a short note when nothing is planned. Two queries, whatever the limit.
"""

from django import template
from django.urls import reverse

from relacions.operations import pagecache

from ..models import Event

register = template.Library()

MAX_LIMIT = 12


@register.inclusion_tag("events/_upcoming.html")
def upcoming_events(limit: int = 3, heading_level: int = 3):
    limit = max(1, min(int(limit), MAX_LIMIT))
    return {
        "events": list(Event.objects.upcoming().for_listing()[:limit]),
        "heading_level": heading_level,
    }


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
