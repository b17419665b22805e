"""The international work that serves an objective: news, events, memberships and forums.

Those apps stand on this one (they declare `objectives = ManyToManyField("mandate.Objective",
related_name=...)`), so mandate never imports them: it reads the reverse relations that exist on
`Objective`, and skips the ones whose app is not installed.

What the public may see of a linked model, in order of preference:
1. its queryset's `for_objective_timeline()` (which must apply the publication rule itself and may
   add `select_related` for what the timeline shows);
2. its queryset's `published()`;
3. the `Publishable` rule (`Model.published_q()`) if the model is Publishable.
A model with none of these is never shown. An entry's date is the item's `timeline_date` if it
has one, otherwise the first of DATE_ATTRIBUTES it has.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from relacions.core.models import Publishable

# related_name on Objective → what one item of it is called on the page.
RELATIONS = {
    "news_items": pgettext_lazy("objective timeline", "News"),
    "events": pgettext_lazy("objective timeline", "Event"),
    "memberships": pgettext_lazy("objective timeline", "Network membership"),
    "forums": pgettext_lazy("objective timeline", "Forum"),
}
DATE_ATTRIBUTES = (
    "timeline_date",
    "published_on",
    "published_at",
    "date",
    "start",
    "starts_at",
    "start_date",
    "since",
    "participating_since",
    "publish_at",
    "created_at",
)


@dataclass(frozen=True)
class LinkedItem:
    kind: str
    relation: str
    date: datetime.date | None
    title: str
    url: str | None


def available_relations() -> list:
    """The reverse relations of Objective named in RELATIONS whose app is installed."""
    from .models import Objective

    return [rel for rel in Objective._meta.related_objects if rel.get_accessor_name() in RELATIONS]


def public_queryset(model):
    qs = model._default_manager.all()
    for method in ("for_objective_timeline", "published"):
        if callable(getattr(qs, method, None)):
            return getattr(qs, method)()
    if issubclass(model, Publishable):
        return qs.filter(model.published_q())
    return None


def linked_prefetches() -> list[Prefetch]:
    prefetches = []
    for rel in available_relations():
        queryset = public_queryset(rel.related_model)
        if queryset is not None:
            name = rel.get_accessor_name()
            prefetches.append(Prefetch(name, queryset=queryset, to_attr=f"linked_{name}"))
    return prefetches


def item_date(item) -> datetime.date | None:
    for attribute in DATE_ATTRIBUTES:
        value = getattr(item, attribute, None)
        if isinstance(value, datetime.datetime):
            return timezone.localdate(value) if timezone.is_aware(value) else value.date()
        if isinstance(value, datetime.date):
            return value
    return None


def linked_items(objective) -> list[LinkedItem]:
    """The published items prefetched on `objective` by `with_linked_items()`, newest first
    (undated ones last)."""
    entries = []
    for name, kind in RELATIONS.items():
        for item in getattr(objective, f"linked_{name}", ()):
            url = item.get_absolute_url() if hasattr(item, "get_absolute_url") else None
            entries.append(LinkedItem(str(kind), name, item_date(item), str(item), url))
    dated = sorted((e for e in entries if e.date), key=lambda e: e.date, reverse=True)
    return dated + [e for e in entries if not e.date]
