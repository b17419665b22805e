"""The international work that serves an objective: news, events, memberships, forums and any
other item whose app links it to objectives.

Those apps stand on this one (they declare `objectives = ManyToManyField("mandate.Objective",
related_name=...)`) and say in their `content.py` how their items show on a timeline
(`Timeline`: what one item is called, the field that holds its date, what the public may see), so
mandate never imports them: it follows the reverse relations of `Objective` whose model declares a
timeline. A linked model without one is never shown.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Prefetch

from relacions.core.declaration import Timeline, timeline_for


@dataclass(frozen=True)
class LinkedItem:
    kind: str
    relation: str
    date: datetime.date | None
    title: str
    url: str | None


def available_relations(objective_model: type[models.Model]) -> list[tuple[str, Timeline]]:
    """(accessor name, timeline) of each reverse relation of Objective whose model declares a
    timeline."""
    relations = []
    for rel in objective_model._meta.related_objects:
        timeline = timeline_for(rel.related_model)
        if timeline is not None:
            relations.append((rel.get_accessor_name(), timeline))
    return relations


def linked_prefetches(
    objective_model: type[models.Model], now: datetime.datetime | None = None
) -> list[Prefetch]:
    """What an objective's timeline shows of each linked model, public at `now`."""
    return [
        Prefetch(name, queryset=timeline.public(now), to_attr=f"linked_{name}")
        for name, timeline in available_relations(objective_model)
    ]


def linked_items(objective: models.Model) -> list[LinkedItem]:
    """The published items prefetched on `objective` (`linked_prefetches()`), newest first
    (undated ones last)."""
    entries = []
    for name, timeline in available_relations(type(objective)):
        for item in getattr(objective, f"linked_{name}", ()):
            url = item.get_absolute_url() if hasattr(item, "get_absolute_url") else None
            entries.append(
                LinkedItem(str(timeline.label), name, timeline.date_of(item), str(item), url)
            )
    dated = sorted((e for e in entries if e.date), key=lambda e: e.date, reverse=True)
    return dated + [e for e in entries if not e.date]
