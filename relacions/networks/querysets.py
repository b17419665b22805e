"""The networks app's query vocabulary: the pieces its querysets (beside each model, in models/)
and its views share.

Dates: a membership (or position) is "in force" on a day when the day falls between `since` and
`until`, both included; an empty `since` means "from a date not recorded", an empty `until`
"still running".

Related content: news and events stand on this app (they declare relations to Network, Forum,
WorkingGroup and ChallengeArea), so this app never imports them. `related_content_prefetches()`
reads the reverse relations that exist on a model when the query is built and skips the others,
so a page works (and keeps its query count) with or without those apps.
"""

import datetime

from django.db.models import Prefetch, Q
from django.utils import timezone

RELATED_LIMIT = 5
# Reverse accessor (the related_name news and events declare) → the extra queryset method that
# selects what a visitor should see besides `published()`.
RELATED_CONTENT = (("news_items", None), ("events", "upcoming"))


def local_today(today: datetime.date | None = None) -> datetime.date:
    return today or timezone.localdate()


def in_force_q(today: datetime.date, prefix: str = "") -> Q:
    return (Q(**{f"{prefix}since__isnull": True}) | Q(**{f"{prefix}since__lte": today})) & (
        Q(**{f"{prefix}until__isnull": True}) | Q(**{f"{prefix}until__gte": today})
    )


def related_content_prefetches(model, limit: int = RELATED_LIMIT) -> list[Prefetch]:
    """One prefetch per related content type that exists (`related_news_items`, `related_events`
    on each object): published items only, upcoming ones for events, at most `limit` each."""
    relations = {rel.get_accessor_name(): rel for rel in model._meta.related_objects}
    prefetches = []
    for accessor, method in RELATED_CONTENT:
        rel = relations.get(accessor)
        if rel is None:
            continue
        queryset = rel.related_model._default_manager.all()
        if not callable(getattr(queryset, "published", None)):
            continue
        queryset = queryset.published()
        if method and callable(getattr(queryset, method, None)):
            queryset = getattr(queryset, method)()
        prefetches.append(
            Prefetch(accessor, queryset=queryset[:limit], to_attr=f"related_{accessor}")
        )
    return prefetches
