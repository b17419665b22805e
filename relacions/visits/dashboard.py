"""The admin home's warning about visits whose costs are overdue (declared in content.py)."""

from django.conf import settings
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from relacions.core.catalan import elide_if_catalan

from .models import Visit

LIMIT = 10


def overdue_costs(request) -> dict | None:
    """Visits whose costs are still not final VISITS_COSTS_PUBLIC_WITHIN_DAYS after they ended:
    the office publishes what each visit cost within that time (Barcelona: three months)."""
    if not request.user.has_perm("visits.view_visit"):
        return None
    overdue = list(Visit.objects.costs_overdue().order_by("ends_on", "pk")[:LIMIT])
    changelist = reverse("admin:visits_visit_changelist")
    return {
        "title": _("Visits whose costs are overdue"),
        "items": [
            {
                "label": str(visit),
                "url": reverse("admin:visits_visit_change", args=(visit.pk,)),
                "note": elide_if_catalan(
                    _("due on %(date)s") % {"date": date_format(visit.costs_due_on())}
                ),
            }
            for visit in overdue
        ],
        "empty": _("Every visit that ended over %(days)d days ago has its costs published.")
        % {"days": settings.VISITS_COSTS_PUBLIC_WITHIN_DAYS},
        "more_url": f"{changelist}?costs=overdue",
        "more_label": _("All visits with overdue costs"),
    }
