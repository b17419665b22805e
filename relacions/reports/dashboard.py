"""The admin home's reminder of last year's report (declared in content.py)."""

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import YearReport


def last_year(request) -> dict | None:
    """Last year's report: to write, to publish, or published (with a link to its figures)."""
    if not request.user.has_perm("reports.view_yearreport"):
        return None
    year = timezone.localdate().year - 1
    report = (
        YearReport.objects.filter(year=year).annotate(last_edition=Max("editions__number")).first()
    )
    title = _("The report of %(year)s") % {"year": year}
    if report is None:
        return {
            "title": title,
            "items": [],
            "empty": _("Not started: its figures are ready to preview once it is created."),
            "more_url": f"{reverse('admin:reports_yearreport_add')}?year={year}",
            "more_label": _("Start the report of %(year)s") % {"year": year},
        }
    figures = reverse("admin:reports_yearreport_figures", args=[report.pk])
    return {
        "title": title,
        "items": [
            {
                "label": (
                    _("Edition %(number)s") % {"number": report.last_edition}
                    if report.last_edition
                    else _("Not published yet.")
                ),
                "url": figures,
                "note": _("figures, check and publication"),
            }
        ],
        "empty": "",
        "more_url": reverse("admin:reports_yearreport_change", args=[report.pk]),
        "more_label": _("Its narrative and press review"),
    }
