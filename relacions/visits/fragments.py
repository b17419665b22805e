"""The visits' rendered fragments, kept in the cache under what they show
(relacions.operations.pagecache.fragments): a card, and a visit's page below its title."""

from django.db.models import Prefetch

from relacions.agreements.models import Agreement
from relacions.core.structured_data import script_of
from relacions.events.fragments import latest_events
from relacions.mandate.fragments import public_objectives
from relacions.networks.fragments import public_networks
from relacions.operations.pagecache.fragments import Fragment
from relacions.places.models import Place
from relacions.projects.models import Project

from . import structured_data


def places(now=None) -> Prefetch:
    return Prefetch("places", queryset=Place.objects.order_by("name", "pk"))


def public_agreements(now=None) -> Prefetch:
    return Prefetch("agreements", queryset=Agreement.objects.published(now))


def public_projects(now=None) -> Prefetch:
    return Prefetch("projects", queryset=Project.objects.published(now))


def shown_rows(visit) -> str:
    """The participants, gifts and final costs the page's row brings (for_page(): they have no
    version of their own, and the costs that are not final never leave the database). Part of
    the detail's key, as a moment is: any change to them gives the fragment a new key."""
    return repr((visit.participants_shown, visit.gifts_shown, visit.costs_shown))


# A card in the list: direction, dates, purpose and places.
CARD = Fragment("visits/_card.html", prefetch=(places,), name="visit")
# A visit's page below its title: places, purpose, participants, outcome, costs, gifts and what
# it served. Only the related objects the public may see are shown.
DETAIL = Fragment(
    "visits/_detail.html",
    prefetch=(
        places,
        public_networks,
        public_agreements,
        public_projects,
        latest_events,
        public_objectives,
    ),
    name="visit",
    moment=shown_rows,
)


# The page's schema.org data (structured_data.py), for its <head>: its places besides its own
# fields, fetched only when the cache does not have it.
STRUCTURED_DATA = Fragment(
    text=script_of(structured_data.visit_data), prefetch=(places,), name="visit"
)
