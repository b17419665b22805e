"""The networks Terrassa belongs to, its membership history and the roles it holds in them.

What the public sees: networks, forums, working groups, challenge areas, positions, and of each
membership only its category, dates and status (bodies.py, memberships.py, positions.py).
"""

from .bodies import ChallengeArea, Forum, Network, WorkingGroup
from .memberships import Membership, MembershipFee, RenewalReminder
from .positions import Position

__all__ = [
    "ChallengeArea",
    "Forum",
    "Membership",
    "MembershipFee",
    "Network",
    "Position",
    "RenewalReminder",
    "WorkingGroup",
]
