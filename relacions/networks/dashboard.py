"""What the networks app adds to the admin home (the `dashboard` part of content.py)."""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from relacions.core.catalan import elide_if_catalan

from .admin.common import RENEWAL_WINDOW_DAYS
from .models import Membership


def renewals_due(request) -> dict | None:
    """Memberships due for renewal, for whoever may see memberships in the admin."""
    user = request.user
    if not any(user.has_perm(f"networks.{action}_membership") for action in ("view", "change")):
        return None
    due = (
        Membership.objects.renewal_due(within_days=RENEWAL_WINDOW_DAYS)
        .for_admin()
        .order_by("renewal_date", "pk")
    )
    changelist = reverse("admin:networks_membership_changelist")
    return {
        "title": _("Memberships due for renewal"),
        "items": [
            {
                "label": str(membership),
                "url": reverse("admin:networks_membership_change", args=(membership.pk,)),
                "note": elide_if_catalan(
                    _("renewal on %(date)s") % {"date": date_format(membership.renewal_date)}
                ),
            }
            for membership in due[:10]
        ],
        "empty": _("No renewal in the next %(days)d days.") % {"days": RENEWAL_WINDOW_DAYS},
        "more_url": f"{changelist}?renewal=due",
        "more_label": _("All memberships due for renewal"),
    }
