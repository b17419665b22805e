"""The projects' rendered fragments, kept in the cache under what they show
(relacions.operations.pagecache.fragments): a card, and a project's page below its header."""

from django.db.models import Prefetch

from relacions.agreements.models import Agreement
from relacions.core.structured_data import script_of
from relacions.events.fragments import latest_events
from relacions.mandate.models import Objective
from relacions.networks.fragments import public_networks
from relacions.news.fragments import newest_news
from relacions.operations.pagecache.fragments import Fragment

from . import structured_data
from .models import Partner, Result, Theme


def partners(now=None) -> Prefetch:
    # A partner's place: its name, country and address.
    return Prefetch("partners", queryset=Partner.objects.select_related("place"))


def results(now=None) -> Prefetch:
    return Prefetch("results", queryset=Result.objects.all())


def themes(now=None) -> Prefetch:
    return Prefetch("themes", queryset=Theme.objects.all())


def public_agreements(now=None) -> Prefetch:
    return Prefetch("agreements", queryset=Agreement.objects.published(now).order_by("title", "pk"))


def public_objectives(now=None) -> Prefetch:
    # An objective's address names its plan.
    objectives = Objective.objects.public(now).select_related("plan").order_by("plan_id", "code")
    return Prefetch("objectives", queryset=objectives)


def programme_parent(project) -> str:
    """The version of the programme's parent, whose name its full name shows ("Interreg ›
    Interreg Europe"): a stamp's `related` is one foreign key deep, so the parent (selected
    with the row by the view's queryset) is in the key this way."""
    parent = project.programme.parent if project.programme.parent_id else None
    return parent.updated_at.isoformat() if parent else ""


# A card in the list: programme, status, years, role and summary.
CARD = Fragment(
    "projects/_card.html", related=("programme",), name="project", moment=programme_parent
)
# A project's page below its header: funding, description, facts, money, partners, results,
# timeline and what it is tied to. Only the related objects the public may see are shown.
DETAIL = Fragment(
    "projects/_detail.html",
    prefetch=(
        partners,
        results,
        themes,
        public_networks,
        public_agreements,
        public_objectives,
        newest_news,
        latest_events,
    ),
    related=("programme", "department"),
    name="project",
    moment=programme_parent,
)


# The page's schema.org data (structured_data.py), for its <head>: its partners and their places,
# its themes and its programme besides its own fields, fetched only when the cache does not
# have it.
STRUCTURED_DATA = Fragment(
    text=script_of(structured_data.project_data),
    prefetch=(partners, themes),
    related=("programme",),
    name="project",
    moment=programme_parent,
)
