"""The networks app's query vocabulary: the pieces its querysets (beside each model, in models/)
and its views share.

Dates: a membership (or position) is "in force" on a day when the day falls between `since` and
`until`, both included; an empty `since` means "from a date not recorded", an empty `until`
"still running".

Related content: news and events stand on this app (they declare relations to Network, Forum,
WorkingGroup and ChallengeArea), so this app never imports them: `related_content()` reads their
models from the reverse relations (`news_items`, `events`) when the query is built.
"""

import datetime

from django.db.models import Prefetch, Q
from django.utils import timezone

RELATED_LIMIT = 5


def local_today(today: datetime.date | None = None) -> datetime.date:
    return today or timezone.localdate()


def in_force_q(today: datetime.date, prefix: str = "") -> Q:
    return (Q(**{f"{prefix}since__isnull": True}) | Q(**{f"{prefix}since__lte": today})) & (
        Q(**{f"{prefix}until__isnull": True}) | Q(**{f"{prefix}until__gte": today})
    )


def related_content(accessor: str, method: str | None, now=None, limit: int = RELATED_LIMIT):
    """The prefetch of a network's or a forum's related content of one kind (`related_news_items`,
    `related_events`): published at `now` (upcoming too, for events), at most `limit`, in the
    order of the kind's own model."""
    from .models import Network  # the querysets are built before the models

    model = Network._meta.get_field(accessor).related_model
    queryset = model._default_manager.published(now)
    if method:
        queryset = getattr(queryset, method)(now)
    else:
        queryset = queryset.order_by(*model._meta.ordering)
    return Prefetch(accessor, queryset=queryset[:limit], to_attr=f"related_{accessor}")
