"""How the site search indexes the visits (declared in content.py). A visit's entry opens when it
may be seen (`Visit.public_from()`: its publication or its end, whichever is later), so search
applies the visits' rule at request time as `published()` does; costs are not indexed."""

from django.utils.translation import gettext_lazy as _

from relacions.search.registry import Facet, Indexed, Window

from .models import Visit

VISITS = Facet("visits", _("Visits"), order=38)


def visit_window(visit: Visit) -> Window | None:
    if visit.is_draft():
        return None
    return Window(visit.public_from(), visit.unpublish_at)


INDEXED = (
    Indexed(
        Visit,
        facet=VISITS,
        title="title",
        summary=("purpose", "counterpart"),
        body=("outcome",),
        window=visit_window,
        date=lambda visit: visit.starts_on,
    ),
)
