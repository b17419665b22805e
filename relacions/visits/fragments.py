"""The visits' rendered fragments, kept in the cache under what they show
(relacions.operations.pagecache.fragments): a card, and a visit's page below its title."""

from django.db.models import Prefetch

from relacions.agreements.models import Agreement
from relacions.events.models import Event
from relacions.mandate.models import Objective
from relacions.networks.models import Network
from relacions.operations.pagecache.fragments import Fragment
from relacions.places.models import Place
from relacions.projects.models import Project


def places(now=None) -> Prefetch:
    return Prefetch("places", queryset=Place.objects.order_by("name", "pk"))


def public_networks(now=None) -> Prefetch:
    return Prefetch("networks", queryset=Network.objects.published(now))


def public_agreements(now=None) -> Prefetch:
    return Prefetch("agreements", queryset=Agreement.objects.published(now))


def public_projects(now=None) -> Prefetch:
    return Prefetch("projects", queryset=Project.objects.published(now))


def public_events(now=None) -> Prefetch:
    return Prefetch("events", queryset=Event.objects.published(now).order_by("-start", "-pk"))


def public_objectives(now=None) -> Prefetch:
    # An objective's address names its plan.
    return Prefetch("objectives", queryset=Objective.objects.public(now).select_related("plan"))


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
        public_events,
        public_objectives,
    ),
    name="visit",
    moment=shown_rows,
)
