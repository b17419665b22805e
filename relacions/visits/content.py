"""What the visits give the shared features (relacions.core.declaration)."""

from django.db.models import Q, Sum
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import EUROS, Content, Indicator, PlaceLayer, ReportArea, Timeline
from relacions.core.roles import EDITORS

from . import dashboard, datasets, fragments, search, sitemaps
from .models import Visit


def _describe(row) -> str:
    visit = row.visit
    if visit.direction == Visit.Direction.INCOMING:
        return _("Delegation received in %(year)s") % {"year": visit.starts_on.year}
    return _("Visit in %(year)s") % {"year": visit.starts_on.year}


# The visits' places on the world map and the place pages: public visits only (ended and
# published, Visit.published_q), as every other list of visits.
PLACES = PlaceLayer(
    key="visits",
    label=_("Visits and delegations"),
    queryset=lambda now=None: Visit.places.through.objects.filter(
        Visit.published_q(now, prefix="visit__")
    ).select_related("visit"),
    place="place",
    title=lambda row: str(row.visit),
    date=lambda row: row.visit.starts_on,
    url=lambda row: row.visit.get_absolute_url(),
    describe=_describe,
    order=45,
)


def _list(**filters) -> str:
    """The visits' list in the active language, with `filters`."""
    return f"{reverse('visits:list')}?{urlencode(filters)}"


def _public(year: int):
    """The public visits (published and ended) that started in `year`, as the list's year."""
    return Visit.objects.published().in_year(year)


# The yearly report (relacions.reports). The costs are the final ones only, as the pages show
# them: a visit whose costs are not final adds nothing, and the report's missing-data check
# lists it (`required`: `costs_final_on` is set only once the costs are final).
REPORT = ReportArea(
    key="visits",
    label=_("Visits and delegations"),
    order=45,
    indicators=(
        Indicator(
            key="visits.public",
            label=_("Visits and delegations"),
            records=_public,
            url=lambda year: _list(year=year),
        ),
        Indicator(
            key="visits.outgoing",
            label=_("Visits abroad"),
            records=lambda year: _public(year).filter(direction=Visit.Direction.OUTGOING),
            url=lambda year: _list(year=year, direction=Visit.Direction.OUTGOING),
        ),
        Indicator(
            key="visits.incoming",
            label=_("Delegations received"),
            records=lambda year: _public(year).filter(direction=Visit.Direction.INCOMING),
            url=lambda year: _list(year=year, direction=Visit.Direction.INCOMING),
        ),
        Indicator(
            key="visits.costs",
            label=_("Final costs of the visits and delegations"),
            records=_public,
            measure=lambda: Sum("costs__amount", filter=Q(costs_final=True)),
            unit=EUROS,
            url=lambda year: _list(year=year),
            required=("costs_final_on",),
        ),
    ),
)

content = Content(
    urls=(_("visits/"), "relacions.visits.urls"),
    # Editors draft visits (and their participants, costs and gifts); only Administrators (who
    # have every permission, visits.publish_costs included) mark the costs final.
    roles={
        EDITORS: (
            "visits.add_visit",
            "visits.change_visit",
            "visits.view_visit",
            "visits.add_participant",
            "visits.change_participant",
            "visits.delete_participant",
            "visits.view_participant",
            "visits.add_cost",
            "visits.change_cost",
            "visits.delete_cost",
            "visits.view_cost",
            "visits.add_gift",
            "visits.change_gift",
            "visits.delete_gift",
            "visits.view_gift",
        ),
    },
    search=search.INDEXED,
    sitemaps=sitemaps.SITEMAPS,
    # No `schedule`: a visit becomes public at the local midnight after it ends, and no cached
    # page outlives the next local midnight (relacions.operations.pagecache.lifetime).
    timelines=(Timeline(Visit, pgettext_lazy("objective timeline", "Visits"), date="starts_on"),),
    datasets=(datasets.VISITS, datasets.COSTS),
    fragments={
        "card": fragments.CARD,
        "detail": fragments.DETAIL,
        "structured_data": fragments.STRUCTURED_DATA,
    },
    places=(PLACES,),
    dashboard=(dashboard.overdue_costs,),
    report=REPORT,
    demo="demo.yaml",
)
