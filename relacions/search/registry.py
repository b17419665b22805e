"""What the search index holds, declared by the content apps.

`search` never imports a content app (docs/ARCHITECTURE.md): each app describes its own models in
its `search.py` and lists them in its declaration (`content.py`, relacions.core.declaration); the
search app's `ready()` registers them and connects the signals that keep the index in step:

    NEWS = Facet("news", _("News"), order=10)
    INDEXED = (Indexed(NewsItem, facet=NEWS, title="title", summary=("summary",),
                       body=("body",), date=lambda item: item.published_on),)

Fields are named as on the model (`title`, `body`), or as a path through a relation
(`network.name`); translated fields are read per language, untranslated ones as they are.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.functional import Promise

from relacions.core.models import Publishable

# One text-search configuration per language, created by migrations/0002: the language's stemmer
# behind `unaccent`, so "accio" finds "acció".
TEXT_SEARCH_CONFIGS = {"ca": "relacions_ca", "es": "relacions_es", "en": "relacions_en"}


def search_config(language: str) -> str:
    return TEXT_SEARCH_CONFIGS.get(language, "simple")


@dataclass(frozen=True)
class Facet:
    """A kind of result visitors can filter by (news, events…): a key for the address, a label."""

    key: str
    label: str | Promise
    order: int = 0


@dataclass(frozen=True)
class Window:
    """When an object may be seen: from `publish_at` (None: already) until `unpublish_at` (None:
    for ever). Stored on each entry so search applies it at request time, as `published()` does."""

    publish_at: datetime.datetime | None = None
    unpublish_at: datetime.datetime | None = None

    def __and__(self, other: Window) -> Window:
        """The time both windows are open (an object inside a parent that has its own window)."""
        starts = [moment for moment in (self.publish_at, other.publish_at) if moment]
        ends = [moment for moment in (self.unpublish_at, other.unpublish_at) if moment]
        return Window(max(starts, default=None), min(ends, default=None))


def publishable_window(obj: Publishable) -> Window | None:
    """A Publishable's window; None for a draft, which the index must not hold at all."""
    if obj.is_draft():
        return None
    return Window(obj.publish_at, obj.unpublish_at)


def window_within(*parents: str) -> Callable[[models.Model], Window | None]:
    """The object's own window intersected with its Publishable parents' (`"network"`)."""

    def window(obj):
        result = publishable_window(obj)
        for path in parents:
            parent = resolve(obj, path)
            parent_window = publishable_window(parent) if parent is not None else None
            if result is None or parent_window is None:
                return None
            result &= parent_window
        return result

    return window


def parent_window(path: str) -> Callable[[models.Model], Window | None]:
    """For an object with no status of its own, public exactly when its parent (`"plan"`) is."""

    def window(obj):
        parent = resolve(obj, path)
        return publishable_window(parent) if parent is not None else None

    return window


def resolve(obj, path: str):
    """Follow a dotted path of attributes (`"network.name"`); None when a link is empty."""
    for name in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


@dataclass(frozen=True)
class Indexed:
    """How one model is indexed.

    - `title` (weight A), `summary` (B) and `body` (C): field names or dotted paths.
    - `window`: when an object is public; None means never (the index drops it).
    - `queryset`: every object to index, with what the fields, window and address need joined.
    - `date`: shown beside the result and used to order equally relevant results.
    - `url`: the object's address (called in each language); `get_absolute_url()` by default.
    - `depends_on`: parent model → a Q selecting the objects of this model to re-index when a
      parent is saved (a forum's window and address follow its network's).
    """

    model: type[models.Model]
    facet: Facet
    title: str
    summary: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    # Any: each model's own window function takes that model (Publishable for the default).
    window: Callable[[Any], Window | None] = publishable_window
    queryset: Callable[[], models.QuerySet] | None = None
    date: Callable[[models.Model], datetime.date | datetime.datetime | None] | None = None
    url: Callable[[models.Model], str] | None = None
    depends_on: Mapping[type[models.Model], Callable[[models.Model], models.Q]] = field(
        default_factory=dict
    )

    def get_url(self, obj: models.Model) -> str:
        # Every indexed model without a `url` has get_absolute_url(), which Model does not declare.
        return self.url(obj) if self.url else obj.get_absolute_url()  # type: ignore[attr-defined]

    def get_queryset(self) -> models.QuerySet:
        if self.queryset is not None:
            return self.queryset()
        return self.model._default_manager.all()


class Registry:
    def __init__(self):
        self._by_model: dict[type[models.Model], Indexed] = {}
        self._facets: dict[str, Facet] = {}

    def register(self, indexed: Indexed) -> None:
        facet = self._facets.setdefault(indexed.facet.key, indexed.facet)
        if facet != indexed.facet:
            raise ValueError(f"Facet {facet.key!r} is registered twice with different labels.")
        self._by_model[indexed.model] = indexed

    def get(self, model: type[models.Model]) -> Indexed | None:
        return self._by_model.get(model._meta.concrete_model or model)

    def __iter__(self):
        return iter(self._by_model.values())

    def dependents(self, parent_model: type[models.Model]) -> list[Indexed]:
        """The indexed models that must be re-indexed when a `parent_model` object changes."""
        return [indexed for indexed in self if parent_model in indexed.depends_on]

    def facets(self) -> list[Facet]:
        return sorted(self._facets.values(), key=lambda facet: (facet.order, facet.key))

    def facet(self, key: str) -> Facet | None:
        return self._facets.get(key)


registry = Registry()


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]
