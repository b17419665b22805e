"""Admin for Network administrators (who manage everything here) and Editors (who may read what is
public: networks, forums, working groups, challenge areas, positions and memberships without
their internal fields).

A membership's fees, contacts, document and notes need `networks.view_membership_internals`
(Network administrators and Administrators have it): without it they are left out of the form,
the list, the exports and the totals, not merely made read-only.

One module per concern: `bodies` (networks, forums, working groups, challenge areas, positions),
`memberships` (memberships, their fees, the change of category, renewal reminders) and `forms`
(the forms and widgets they use). Importing them here runs their `@admin.register`.
"""

from .bodies import (
    ChallengeAreaAdmin,
    ChallengeAreaInline,
    ForumAdmin,
    ForumInline,
    NetworkAdmin,
    PositionAdmin,
    WorkingGroupAdmin,
)
from .common import HISTORY_FIELDSET, INTERNALS_PERMISSION, RENEWAL_WINDOW_DAYS, can_see_internals
from .forms import (
    ChangeCategoryForm,
    DocumentLink,
    MembershipFeeForm,
    PrivateDocumentWidget,
    WorkingGroupForm,
)
from .memberships import (
    MembershipAdmin,
    MembershipFeeInline,
    RenewalDueFilter,
    RenewalReminderAdmin,
)

__all__ = [
    "HISTORY_FIELDSET",
    "INTERNALS_PERMISSION",
    "RENEWAL_WINDOW_DAYS",
    "ChallengeAreaAdmin",
    "ChallengeAreaInline",
    "ChangeCategoryForm",
    "DocumentLink",
    "ForumAdmin",
    "ForumInline",
    "MembershipAdmin",
    "MembershipFeeForm",
    "MembershipFeeInline",
    "NetworkAdmin",
    "PositionAdmin",
    "PrivateDocumentWidget",
    "RenewalDueFilter",
    "RenewalReminderAdmin",
    "WorkingGroupAdmin",
    "WorkingGroupForm",
    "can_see_internals",
]
