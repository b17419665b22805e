"""What the network admins share: the internals permission, the renewal window, the history
fieldset and the search over every language's column."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

INTERNALS_PERMISSION = "networks.view_membership_internals"
RENEWAL_WINDOW_DAYS = 60
HISTORY_FIELDSET = (
    _("History"),
    {"fields": ("created_at", "updated_at", "version"), "classes": ("collapse",)},
)


def _localized(*fields: str) -> tuple[str, ...]:
    return tuple(
        build_localized_fieldname(field, language)
        for field in fields
        for language, _name in settings.LANGUAGES
    )


def can_see_internals(request) -> bool:
    return request.user.has_perm(INTERNALS_PERMISSION)
