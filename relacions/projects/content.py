"""What the projects give the shared features (relacions.core.declaration)."""

from django.db.models import Sum
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.declaration import EUROS, Content, Indicator, PlaceLayer, ReportArea, Timeline
from relacions.core.models import Publishable
from relacions.core.roles import EDITORS

from . import datasets, fragments, search, sitemaps
from .models import Partner, Project

# The partners' places on the world map and the place pages.
PARTNERS = PlaceLayer(
    key="projects",
    label=_("Project partners"),
    queryset=lambda now=None: Partner.objects.filter(
        Publishable.published_q(now, prefix="project__"), place__isnull=False
    ).select_related("project"),
    place="place",
    title=lambda partner: str(partner.project),
    date=lambda partner: partner.project.starts_on,
    url=lambda partner: partner.project.get_absolute_url(),
    describe=lambda partner: (
        _("Partner in %(project)s since %(year)s")
        % {
            "project": partner.project.acronym or partner.project.title,
            "year": partner.project.starts_on.year,
        }
    ),
    order=30,
)


def _list(**filters) -> str:
    """The projects' list in the active language, with `filters`."""
    return f"{reverse('projects:list')}?{urlencode(filters)}"


def _public():
    return Project.objects.published()


# The yearly report (relacions.reports): the published projects of a calendar year. Money is the
# city's EU contribution, counted in the year a project starts (relacions/projects/totals.py).
REPORT = ReportArea(
    key="projects",
    label=_("European and international projects"),
    order=30,
    indicators=(
        Indicator(
            key="projects.started",
            label=_("Projects started"),
            records=lambda year: _public().started_in(year),
            url=lambda year: _list(started=year),
        ),
        Indicator(
            key="projects.active",
            label=_("Projects running"),
            records=lambda year: _public().running_in(year),
            url=lambda year: _list(year=year),
        ),
        Indicator(
            key="projects.ended",
            label=_("Projects ended"),
            records=lambda year: _public().ended_in(year),
            url=lambda year: _list(ended=year),
        ),
        Indicator(
            key="projects.eu_money_started",
            label=_("EU money to the city from the projects started"),
            records=lambda year: _public().started_in(year),
            measure=lambda: Sum("city_eu_contribution"),
            unit=EUROS,
            url=lambda year: _list(started=year),
            required=("city_eu_contribution",),
        ),
        Indicator(
            key="projects.eu_money_running",
            label=_(
                "EU money to the city from the projects running (each project's whole "
                "contribution, whatever the year it is spent)"
            ),
            records=lambda year: _public().running_in(year),
            measure=lambda: Sum("city_eu_contribution"),
            unit=EUROS,
            url=lambda year: _list(year=year),
            required=("city_eu_contribution",),
        ),
    ),
)

content = Content(
    # /ca/projectes/, /es/proyectos/, /en/projects/ (the segment is translated in locale/).
    urls=(_("projects/"), "relacions.projects.urls"),
    # Editors write projects, their partners and results (and import the register); the code
    # lists are the Administrators' (who have every permission): Editors read them.
    roles={
        EDITORS: (
            "projects.add_project",
            "projects.change_project",
            "projects.delete_project",
            "projects.view_project",
            "projects.add_partner",
            "projects.change_partner",
            "projects.delete_partner",
            "projects.view_partner",
            "projects.add_result",
            "projects.change_result",
            "projects.delete_result",
            "projects.view_result",
            "projects.view_programme",
            "projects.view_theme",
            "projects.view_department",
        ),
    },
    search=search.INDEXED,
    sitemaps=sitemaps.SITEMAPS,
    timelines=(
        Timeline(Project, pgettext_lazy("objective timeline", "Projects"), date="starts_on"),
    ),
    datasets=(datasets.PROJECTS, datasets.PARTNERS, datasets.YEARLY_TOTALS),
    fragments={
        "card": fragments.CARD,
        "detail": fragments.DETAIL,
        "structured_data": fragments.STRUCTURED_DATA,
    },
    places=(PARTNERS,),
    report=REPORT,
    demo="demo.yaml",
)
