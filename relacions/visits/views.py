from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from relacions.core.filtering import FilteredListMixin
from relacions.core.structured_data import to_script
from relacions.workflow.preview import PreviewMixin

from . import structured_data
from .forms import VisitFilterForm
from .models import Cost, Gift, Participant, Visit

RELATED_LIMIT = 20


class VisitListView(FilteredListMixin, ListView):
    """The public visits, newest first, filterable by direction, year, country and purpose, with
    the totals of each year (of the visits the filters select) computed in the database."""

    template_name = "visits/visit_list.html"
    context_object_name = "visits"
    paginate_by = 50

    def get_filter_form(self):
        return VisitFilterForm(
            self.request.GET,
            years=Visit.objects.years(),
            country_codes=Visit.objects.countries(),
        )

    def filter_queryset(self, filters):
        visits = Visit.objects.published()
        if "direction" in filters:
            visits = visits.filter(direction=filters["direction"])
        if "year" in filters:
            visits = visits.in_year(int(filters["year"]))
        if "country" in filters:
            visits = visits.in_country(filters["country"])
        if "purpose" in filters:
            visits = visits.filter(purpose_category=filters["purpose"])
        self.selected = visits
        return visits.with_places().order_by("-starts_on", "pk")

    def get_context_data(self, **kwargs):
        totals = [] if self.filter_form.errors else list(self.selected.totals_by_year())
        return super().get_context_data(totals=totals, **kwargs)


class VisitDetailView(PreviewMixin, DetailView):
    """A public visit: who, where, why, what came of it, the gifts received and, once final,
    its costs. Drafts and unfinished visits are seen only through the admin's preview links."""

    template_name = "visits/visit_detail.html"
    context_object_name = "visit"

    def get_object(self, queryset=None):
        visits = Visit.objects.for_detail().by_slug(self.kwargs["slug"])
        return get_object_or_404(visits[:1])

    def get_preview_object(self, obj):
        return Visit.objects.for_page().get(pk=obj.pk)

    def get_context_data(self, **kwargs):
        visit = self.object
        costs = _costs(visit) if visit.costs_public() else []
        return super().get_context_data(
            **kwargs,
            participants=[
                {**row, "role_label": Participant.Role(row["role"]).label}
                for row in visit.participants_shown
            ],
            gifts=[
                {
                    **row,
                    "estimated_value": _amount(row["estimated_value"]),
                    "fate_label": Gift.Fate(row["fate"]).label,
                }
                for row in visit.gifts_shown
            ],
            costs=costs,
            cost_total=sum((cost["amount"] for cost in costs), start=Decimal(0)),
            networks=list(visit.networks.published()[:RELATED_LIMIT]),
            agreements=list(visit.agreements.published()[:RELATED_LIMIT]),
            projects=list(visit.projects.published()[:RELATED_LIMIT]),
            events=list(visit.events.published().order_by("-start")[:RELATED_LIMIT]),
            objectives=list(visit.objectives.public().select_related("plan")[:RELATED_LIMIT]),
            json_ld=to_script(
                structured_data.visit_data(
                    visit, url=self.request.build_absolute_uri(visit.get_absolute_url())
                )
            ),
        )


def _amount(text: str | None) -> Decimal | None:
    return None if text is None else Decimal(text)


def _costs(visit: Visit) -> list[dict]:
    """The costs annotated by `for_page()` (only final ones ever come from the database)."""
    return [
        {
            "amount": _amount(row["amount"]),
            "concept_label": Cost.Concept(row["concept"]).label,
            "paid_by_label": Cost.Payer(row["paid_by"]).label,
        }
        for row in visit.costs_shown
    ]
