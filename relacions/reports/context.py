"""What a yearly report's page and its PDF show (views.py; its body is kept as a fragment,
fragments.BODY)."""

from django.http import Http404

from relacions.core.fallback import fallback_fields

from . import figures
from .models import YearReport


def report_context(report: YearReport, edition_number: int | None = None) -> dict:
    """What the page and the PDF show: the chosen edition's figures (the current one by default),
    grouped by area with the office's text on each, the press review and the editions."""
    editions = list(report.editions.all())
    if edition_number is None:
        edition = editions[0]
    else:
        edition = next((e for e in editions if e.number == edition_number), None)
        if edition is None:
            raise Http404("No such edition.")
    texts = {text.area: text for text in report.area_texts.all()}
    areas = figures.read(edition.figures)
    shown_in_catalan = (
        fallback_fields(report, ("introduction", "highlights"))
        or any(fallback_fields(text, ("text",)) for text in texts.values())
        or any(fallback_fields(other, ("reason",)) for other in editions)
    )
    return {
        "shown_in_catalan": bool(shown_in_catalan),
        "report": report,
        "edition": edition,
        "editions": editions,
        "is_current": edition is editions[0],
        "current_edition": editions[0],
        "years": edition.figures["years"],
        "from_reports": edition.figures.get("from_reports", []),
        "sections": [(area, texts.get(area.key)) for area in areas],
        "clippings": list(report.clippings.all()),
    }
