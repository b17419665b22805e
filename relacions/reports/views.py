"""The public pages of the yearly reports: the list of published reports, a report (its current
edition, or an earlier one at its own address), its PDF and its figures as JSON and CSV.

Every page reads a published edition's frozen figures (relacions.reports.figures): none computes
a figure, so each costs the same few queries whatever the amount of content."""

from dataclasses import replace

from django.db.models import Count, Max, prefetch_related_objects
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from relacions.core.prepared import Prepared
from relacions.opendata.datasets import Dataset
from relacions.opendata.views import csv_download, json_download

from . import datasets, fragments, pdf
from .context import report_context
from .models import YearReport

# The list's query, compiled once (relacions.core.prepared): it takes no value.
REPORTS = Prepared(
    lambda: YearReport.objects.published().annotate(
        edition_count=Count("editions"), last_published=Max("editions__computed_at")
    )
)


class ReportListView(ListView):
    template_name = "reports/report_list.html"
    context_object_name = "reports"

    def get_queryset(self):
        return REPORTS.fetch()


def _published_report(year: int) -> YearReport:
    return get_object_or_404(YearReport.objects.published(), year=year)


class ReportDetailView(DetailView):
    template_name = "reports/report_detail.html"
    context_object_name = "report"

    def get_object(self, queryset=None):
        report = _published_report(self.kwargs["year"])
        # What the page reads besides its body (its title, the editions' notice) is what its
        # body shows: read once, for both (fragments.BODY then prefetches nothing more).
        prefetch_related_objects([report], *fragments.BODY.lookups())
        return report

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.kwargs.get("edition") is not None and response.context_data["is_current"]:
            # The current edition has one address: the report's.
            return redirect(self.object.get_absolute_url(), permanent=True)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **kwargs, **report_context(self.object, self.kwargs.get("edition"))
        )


@require_safe
def report_pdf(request, year: int):
    report = _published_report(year)
    context = {
        **report_context(report),
        "report_url": request.build_absolute_uri(report.get_absolute_url()),
    }
    body = pdf.render(request, "reports/report_pdf.html", context)
    language = translation.get_language()
    return pdf.response(body, filename=f"{_('annual-report')}-{year}-{language}.pdf")


def _figures_of(year: int) -> Dataset:
    """The open-data dataset of the reports' figures, of one year's report only."""
    _published_report(year)
    return replace(
        datasets.FIGURES, queryset=lambda: datasets.rows(datasets.current_editions(year))
    )


@require_safe
def figures_json(request, year: int):
    return json_download(
        request,
        _figures_of(year),
        year=year,
        title=_("Yearly report %(year)s: figures") % {"year": year},
        source=request.build_absolute_uri(reverse("reports:detail", kwargs={"year": year})),
    )


@require_safe
def figures_csv(request, year: int):
    filename = f"{_('annual-report')}-{year}-{translation.get_language()}.csv"
    return csv_download(request, _figures_of(year), filename=filename)
