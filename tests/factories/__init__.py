"""factory_boy factories, one module per app; every translated field is filled in every language."""

from .base import PublishedFactory, translated
from .events import EventFactory, PastEventFactory
from .mandate import AxisFactory, ObjectiveFactory, PlanFactory, ProgressUpdateFactory
from .networks import (
    ChallengeAreaFactory,
    ForumFactory,
    MembershipFactory,
    MembershipFeeFactory,
    NetworkFactory,
    PositionFactory,
    WorkingGroupFactory,
)
from .news import NewsItemFactory
from .pages import PageFactory, SiteSettingsFactory

__all__ = [
    "AxisFactory",
    "ChallengeAreaFactory",
    "EventFactory",
    "ForumFactory",
    "MembershipFactory",
    "MembershipFeeFactory",
    "NetworkFactory",
    "NewsItemFactory",
    "ObjectiveFactory",
    "PageFactory",
    "PastEventFactory",
    "PlanFactory",
    "PositionFactory",
    "ProgressUpdateFactory",
    "PublishedFactory",
    "SiteSettingsFactory",
    "WorkingGroupFactory",
    "translated",
]
