"""The projects' open data (JSON and CSV; the columns are the field dictionary): the projects
as their pages show them, their partners, and the yearly totals. Published projects only."""

from django.utils.translation import gettext_lazy as _

from relacions.opendata.datasets import (
    Column,
    Dataset,
    absolute,
    attribute,
    local,
    names,
    only_in_catalan,
    plain,
)

from .models import Partner, Project


def _partners(project, _build_uri) -> list[str]:
    return [
        f"{partner.organisation} ({partner.place.label()})"
        if partner.place
        else partner.organisation
        for partner in project.partners.all()
    ]


def _countries(project, _build_uri) -> list[str]:
    return sorted(
        {str(partner.place.country.code) for partner in project.partners.all() if partner.place}
    )


def _key(name: str):
    return lambda row, _build_uri: row[name]


PROJECTS = Dataset(
    order=60,
    slug="projects",
    title=_("European and international projects"),
    description=_(
        "The projects the city takes part in: programme, grant, the city's role, dates, the "
        "project's and the city's money in euros and the EU's share, partners and themes."
    ),
    queryset=lambda: Project.objects.for_detail().order_by("pk"),
    columns=(
        Column("id", _("Identifier"), attribute("pk")),
        Column("acronym", _("Acronym"), attribute("acronym")),
        Column("title", _("Title"), attribute("title")),
        Column("summary", _("Summary"), attribute("summary")),
        Column("description", _("Description"), lambda project, _b: plain(project.description)),
        Column("programme", _("Programme"), lambda project, _b: project.programme.full_name()),
        Column("call", _("Call or topic"), attribute("call_identifier")),
        Column(
            "grant_agreement_number",
            _("Grant agreement number"),
            attribute("grant_agreement_number"),
        ),
        Column(
            "city_role", _("The city's role"), lambda project, _b: project.get_city_role_display()
        ),
        Column(
            "status", _("Project status"), lambda project, _b: project.get_project_status_display()
        ),
        Column(
            "status_iati",
            _("Project status (IATI ActivityStatus code)"),
            attribute("project_status"),
        ),
        Column("starts_on", _("Start"), attribute("starts_on")),
        Column("ends_on", _("End"), attribute("ends_on")),
        Column("total_cost", _("Total cost (EUR)"), attribute("total_cost")),
        Column("eu_contribution", _("EU contribution (EUR)"), attribute("eu_contribution")),
        Column(
            "co_financing_rate",
            _("EU co-financing rate of the project (%)"),
            lambda project, _b: project.co_financing_rate(),
        ),
        Column("city_budget", _("The city's budget (EUR)"), attribute("city_budget")),
        Column(
            "city_eu_contribution",
            _("The city's EU contribution (EUR)"),
            attribute("city_eu_contribution"),
        ),
        Column(
            "city_co_financing_rate",
            _("EU co-financing rate of the city's budget (%)"),
            lambda project, _b: project.city_co_financing_rate(),
        ),
        Column("partners", _("Partners and their places"), _partners),
        Column("countries", _("Partners' countries (ISO 3166)"), _countries),
        Column("themes", _("Themes"), lambda project, _b: names(project.themes.all())),
        Column(
            "department",
            _("Responsible department"),
            lambda project, _b: str(project.department) if project.department else "",
        ),
        Column("website", _("Project website"), attribute("website")),
        Column("url", _("Address"), absolute(lambda project: project.get_absolute_url())),
        Column("updated_at", _("Last modified"), lambda project, _b: local(project.updated_at)),
        only_in_catalan("title", "summary", "description"),
    ),
)

PARTNERS = Dataset(
    order=61,
    slug="project-partners",
    title=_("Partners of the projects"),
    description=_(
        "One row per organisation taking part in a published project besides the city: its "
        "kind (IATI's organisation types), place, country and role."
    ),
    queryset=lambda: (
        Partner.objects.of_published_projects()
        .select_related("project", "place")
        .order_by("project_id", "order", "pk")
    ),
    columns=(
        Column("project", _("Project identifier"), attribute("project_id")),
        Column(
            "project_acronym", _("Project acronym"), lambda partner, _b: partner.project.acronym
        ),
        Column("organisation", _("Organisation"), attribute("organisation")),
        Column("kind", _("Kind"), lambda partner, _b: partner.get_kind_display()),
        Column("kind_iati", _("Kind (IATI OrganisationType code)"), attribute("kind")),
        Column("role", _("Role"), lambda partner, _b: partner.get_role_display()),
        Column(
            "place", _("Place"), lambda partner, _b: partner.place.name if partner.place else ""
        ),
        Column(
            "country",
            _("Country (ISO 3166)"),
            lambda partner, _b: str(partner.place.country.code) if partner.place else "",
        ),
        Column("participant_code", _("EU participant code (PIC)"), attribute("participant_code")),
    ),
)

YEARLY_TOTALS = Dataset(
    order=62,
    slug="project-totals",
    title=_("Projects' money per year"),
    description=_(
        "Per year in which published projects started: how many started, their total cost and "
        "EU contribution, and the city's budget and EU contribution, in euros."
    ),
    queryset=lambda: Project.objects.yearly_totals(),
    columns=(
        Column("year", _("Year the projects started"), _key("year")),
        Column("projects", _("Projects"), _key("projects")),
        Column("total_cost", _("Total cost (EUR)"), _key("total_cost")),
        Column("eu_contribution", _("EU contribution (EUR)"), _key("eu_contribution")),
        Column("city_budget", _("The city's budget (EUR)"), _key("city_budget")),
        Column(
            "city_eu_contribution",
            _("The city's EU contribution (EUR)"),
            _key("city_eu_contribution"),
        ),
    ),
)
