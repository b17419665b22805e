"""The yearly reports' rendered fragments, kept in the cache under what they show
(relacions.operations.pagecache.fragments): a report's body. An edition's figures are frozen when
it is published, so the body changes only with the office's texts, the press review and the
editions (a new one, a reason), whatever else the site publishes."""

from django.db.models import Prefetch
from django.template.loader import render_to_string

from relacions.operations.pagecache.fragments import Fragment

from .context import report_context
from .models import AreaText, Clipping, Edition


def area_texts(now=None) -> Prefetch:
    return Prefetch("area_texts", queryset=AreaText.objects.all())


def clippings(now=None) -> Prefetch:
    return Prefetch("clippings", queryset=Clipping.objects.all())


def editions(now=None) -> Prefetch:
    return Prefetch("editions", queryset=Edition.objects.all())


def body(report, *, edition: int) -> str:
    """The report's body in its `edition` (templates/reports/_report.html, as its page shows it)."""
    return render_to_string("reports/_report.html", report_context(report, edition))


# A report's page below its breadcrumbs: its texts, each area's figures, charts and table, the
# press review and the editions.
BODY = Fragment(text=body, prefetch=(area_texts, clippings, editions), name="report")
