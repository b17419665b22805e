"""The admin home's warning about dormant twinnings (declared in content.py)."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from relacions.core.catalan import elide_if_catalan

from .models import Agreement
from .querysets import DORMANT_AFTER_DAYS

LIMIT = 10


def dormant_twinnings(request) -> dict | None:
    """Active twinnings with no activity (signature, amendment, published news or event) for a
    year: CEMR's twinning handbook asks cities to evaluate such links (the yearly review)."""
    if not request.user.has_perm("agreements.view_agreement"):
        return None
    dormant = list(Agreement.objects.dormant().order_by("last_activity", "pk")[:LIMIT])
    changelist = reverse("admin:agreements_agreement_changelist")
    return {
        "title": _("Twinnings with no activity for a year"),
        "items": [
            {
                "label": str(agreement),
                "url": reverse("admin:agreements_agreement_change", args=(agreement.pk,)),
                "note": elide_if_catalan(
                    _("last activity on %(date)s") % {"date": date_format(agreement.last_activity)}
                )
                if agreement.last_activity
                else _("no activity recorded"),
            }
            for agreement in dormant
        ],
        "empty": _("Every active twinning has had some activity in the last %(days)d days.")
        % {"days": DORMANT_AFTER_DAYS},
        "more_url": f"{changelist}?kind__exact=twinning&agreement_status__exact=active",
        "more_label": _("All active twinnings"),
    }
