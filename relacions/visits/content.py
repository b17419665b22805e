"""What the visits give the shared features (relacions.core.declaration)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import Content, PlaceLayer, Timeline
from relacions.core.roles import EDITORS

from . import dashboard, datasets, search, sitemaps
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
    queryset=lambda: Visit.places.through.objects.filter(
        Visit.published_q(prefix="visit__")
    ).select_related("visit"),
    place="place",
    title=lambda row: str(row.visit),
    date=lambda row: row.visit.starts_on,
    url=lambda row: row.visit.get_absolute_url(),
    describe=_describe,
    order=45,
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
    places=(PLACES,),
    dashboard=(dashboard.overdue_costs,),
    demo="demo.yaml",
)
