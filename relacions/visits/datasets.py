"""The visits' open-data downloads (JSON and CSV; the columns are their field dictionary): the
public visits only (published and ended), and their costs only once they are final."""

from django.utils.translation import gettext_lazy as _

from relacions.opendata.datasets import (
    Column,
    Dataset,
    absolute,
    attribute,
    local,
    only_in_catalan,
    plain,
)

from .models import Cost, Visit


def _places(visit, _build_uri) -> list[str]:
    return [place.label() for place in visit.places.all()]


def _countries(visit, _build_uri) -> list[str]:
    return sorted({str(place.country.code) for place in visit.places.all()})


def _participants(visit, _build_uri) -> list[str]:
    return [
        f"{participant} · {participant.get_role_display()}"
        + (f" ×{participant.count}" if participant.count > 1 else "")
        for participant in visit.participants.all()
    ]


def _gifts(visit, _build_uri) -> list[str]:
    return [
        f"{gift.description} ({gift.estimated_value} EUR): {gift.get_fate_display()}"
        if gift.estimated_value is not None
        else f"{gift.description}: {gift.get_fate_display()}"
        for gift in visit.gifts.all()
    ]


def _total(paid_by=None):
    def total(visit, _build_uri):
        if not visit.costs_public():
            return None
        return sum(
            (c.amount for c in visit.costs.all() if paid_by is None or c.paid_by == paid_by),
            start=0,
        )

    return total


def _paid_by_others(visit, build_uri):
    total = _total()(visit, build_uri)
    return None if total is None else total - _total(Cost.Payer.CITY)(visit, build_uri)


VISITS = Dataset(
    order=37,
    slug="visits",
    title=_("Visits and delegations"),
    description=_(
        "The trips abroad of the city's elected officials and staff and the delegations the city "
        "received, once they have ended: places, purpose, participants, outcome, gifts and, once "
        "final, the total cost (the costs dataset breaks it down)."
    ),
    queryset=lambda: Visit.objects.for_data().order_by("starts_on", "pk"),
    columns=(
        Column("id", _("Identifier"), attribute("pk")),
        Column("title", _("Title"), attribute("title")),
        Column("direction", _("Direction"), lambda visit, _b: visit.get_direction_display()),
        Column("starts_on", _("Start"), attribute("starts_on")),
        Column("ends_on", _("End"), attribute("ends_on")),
        Column("places", _("Places"), _places),
        Column("countries", _("Countries (ISO 3166)"), _countries),
        Column("counterpart", _("Host or visiting organisation"), attribute("counterpart")),
        Column(
            "purpose_category",
            _("Purpose category"),
            lambda visit, _b: visit.get_purpose_category_display(),
        ),
        Column("purpose", _("Purpose"), attribute("purpose")),
        Column("participants", _("Participants (elected officials by name)"), _participants),
        Column("outcome", _("Outcome"), lambda visit, _b: plain(visit.outcome)),
        Column(
            "report_url",
            _("Report (PDF)"),
            lambda visit, build_uri: build_uri(visit.report.url) if visit.report else "",
        ),
        Column("gifts", _("Gifts received"), _gifts),
        Column("costs_final", _("Costs final"), attribute("costs_final")),
        Column("costs_final_on", _("Costs final since"), attribute("costs_final_on")),
        Column("cost_total", _("Total cost (EUR; empty until final)"), _total()),
        Column(
            "cost_paid_by_city",
            _("Paid by the City Council (EUR; empty until final)"),
            _total(Cost.Payer.CITY),
        ),
        Column(
            "cost_paid_by_others",
            _("Paid by others (EUR; empty until final)"),
            _paid_by_others,
        ),
        Column("url", _("Address"), absolute(lambda visit: visit.get_absolute_url())),
        Column("updated_at", _("Last modified"), lambda visit, _b: local(visit.updated_at)),
        only_in_catalan("title", "counterpart", "purpose", "outcome"),
    ),
)

COSTS = Dataset(
    order=38,
    slug="visit-costs",
    title=_("Costs of visits"),
    description=_(
        "Each cost of the public visits whose costs are final: concept, who paid it and how much, "
        "in euros."
    ),
    queryset=lambda: (
        Cost.objects.filter(Visit.published_q(prefix="visit__"), visit__costs_final=True)
        .select_related("visit")
        .order_by("visit__starts_on", "visit__pk", "concept", "paid_by", "pk")
    ),
    columns=(
        Column("visit_id", _("Visit"), attribute("visit_id")),
        Column("visit_title", _("Title of the visit"), lambda cost, _b: cost.visit.title),
        Column("starts_on", _("Start"), lambda cost, _b: cost.visit.starts_on),
        Column("concept", _("Concept"), lambda cost, _b: cost.get_concept_display()),
        Column("paid_by", _("Paid by"), lambda cost, _b: cost.get_paid_by_display()),
        Column("amount", _("Amount (EUR)"), attribute("amount")),
        Column("costs_final_on", _("Costs final since"), lambda c, _b: c.visit.costs_final_on),
        Column("url", _("Address"), absolute(lambda cost: cost.visit.get_absolute_url())),
    ),
)
