"""What the network admins share: the internals permission, the renewal window, the history
fieldset and the search over every language's column."""

from django.utils.translation import gettext_lazy as _

INTERNALS_PERMISSION = "networks.view_membership_internals"
RENEWAL_WINDOW_DAYS = 60
HISTORY_FIELDSET = (
    _("History"),
    {"fields": ("created_at", "updated_at", "version"), "classes": ("collapse",)},
)


def can_see_internals(request) -> bool:
    return request.user.has_perm(INTERNALS_PERMISSION)
