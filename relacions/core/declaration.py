"""What each app gives the shared features, declared once: its `content.py`.

An app plugs into the site's shared features (search, the sitemap, the page cache, the roles, the
demo content, the admin dashboard, the objective and place timelines, open data, the world map,
the yearly report) by one module,
`relacions/<app>/content.py`, that holds one `Content` named `content`:

    content = Content(
        roles={EDITORS: ("news.add_newsitem", "news.change_newsitem", ...)},
        search=search.INDEXED,
        sitemaps=sitemaps.SITEMAPS,
        timelines=(Timeline(NewsItem, pgettext_lazy("timeline", "News"), date="published_on"),),
        datasets=(datasets.NEWS,),
        demo="demo.yaml",
    )

Each feature reads its part through `declared()`, in INSTALLED_APPS order; none imports a content
app, and adding a content type touches its own app and INSTALLED_APPS only (docs/ARCHITECTURE.md,
"Adding a content type"). The parts whose types belong to a feature above core (search's
`Indexed`, open data's `Dataset`) are typed loosely here and checked by that feature.

Translated fields are declared where django-modeltranslation needs them, in the app's
`translation.py`; the translation status (relacions.workflow) reads them from there.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import Any

from django.apps import AppConfig, apps
from django.core import checks
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import Promise

# The module each app declares its part in.
MODULE = "content"


@dataclass(frozen=True)
class Timeline:
    """How one model's items show on a timeline (an objective's page): what one item is called,
    the field that holds its date, and what the public may see of them at a moment (by default
    `Model.objects.published(now)`; a `queryset` of its own takes the moment too and must apply
    the publication rule at it)."""

    model: type[models.Model]
    label: str | Promise
    date: str
    queryset: Callable[[datetime.datetime | None], models.QuerySet] | None = None

    def public(self, now: datetime.datetime | None = None) -> models.QuerySet:
        """What the public may see at `now` (the clock's moment when None)."""
        if self.queryset is not None:
            return self.queryset(now)
        return self.model._default_manager.published(now)  # type: ignore[attr-defined]

    def date_of(self, item: models.Model) -> datetime.date | None:
        value = getattr(item, self.date)
        if isinstance(value, datetime.datetime):
            return timezone.localdate(value) if timezone.is_aware(value) else value.date()
        return value


@dataclass(frozen=True)
class PlaceLayer:
    """One kind of tie between the city and a place of the register (relacions.places), for the
    world map (a layer of markers, a row of its table, its GeoJSON and CSV) and the place's page
    (an entry of its timeline). An app declares it; the places app reads it and imports no app.

    - `key`: the layer's name in the map's address (?layer=agreements) and in the files.
    - `label`: what the layer is called (the map's checkbox, the table's column).
    - `queryset`: `now=None` → the rows that tie a place, public ones only (at `now`, the
      clock's moment when None), with what `title`, `date`, `describe` and `url` read already
      joined (select_related), so a layer costs one query.
    - `place`: the lookup from a row to its Place ("place", "location", "seat"); a tuple of
      lookups for rows tied to places through others (the news of an event held there), which
      show on the place's page but not as markers (`on_map` is then False).
    - `title`, `date`, `url`: a row's item as its page names it, the date it ties from (a
      signature, an event's day; None when unknown) and its page.
    - `describe`: the tie in a few words for the marker's name ("Twinning since 1990").
    """

    key: str
    label: str | Promise
    queryset: Callable[..., models.QuerySet]  # (now: datetime | None = None) → rows
    place: str | tuple[str, ...]
    title: Callable[[Any], str]
    date: Callable[[Any], datetime.date | None]
    url: Callable[[Any], str]
    describe: Callable[[Any], str]
    on_map: bool = True
    # Where the layer comes on the map and in its form (as the open-data page's order).
    order: int = 0

    @property
    def lookups(self) -> tuple[str, ...]:
        return (self.place,) if isinstance(self.place, str) else self.place

    def place_of(self, row: models.Model):
        """The row's Place (a layer on the map has one lookup, a chain of foreign keys)."""
        for name in self.lookups[0].split("__"):
            row = getattr(row, name)
        return row


# What an indicator's figure is: a number of records, an amount in euros, a percentage.
COUNT, EUROS, PERCENT = "count", "eur", "percent"


@dataclass(frozen=True)
class Indicator:
    """One figure of the yearly report (relacions.reports), computed in the database from the
    public records of one calendar year (1 January to 31 December, the site's time zone).

    - `key`: the figure's stable name ("projects.started"): what a published report keeps, the
      dataset's key. Never reuse one for another meaning.
    - `label`: what the figure counts, in a few words ("Projects started").
    - `records`: year → the public rows the figure is made of (published ones only; nothing
      confidential), which `measure` aggregates in one query.
    - `measure`: the aggregate (`Sum("city_eu_contribution")`); by default the number of rows,
      `Count("pk", distinct=True)`.
    - `unit`: COUNT, EUROS or PERCENT.
    - `url`: year → the public list, filtered, that shows those rows (None when none does).
    - `required`: fields every counted row needs for the figure to be right; the report's
      missing-data check lists the rows that lack one (a visit whose costs are not final).
    """

    key: str
    label: str | Promise
    records: Callable[[int], models.QuerySet]
    measure: Callable[[], Any] | None = None
    unit: str = COUNT
    url: Callable[[int], str | None] | None = None
    required: tuple[str, ...] = ()

    def value(self, year: int) -> int | Decimal:
        """The figure for `year`: one query. Money comes to the cent, percentages to a tenth."""
        measure = self.measure() if self.measure else models.Count("pk", distinct=True)
        value = self.records(year).aggregate(value=measure)["value"] or 0
        if self.unit == EUROS:
            return Decimal(value).quantize(Decimal("0.01"))
        if self.unit == PERCENT:
            return Decimal(value).quantize(Decimal("0.1"))
        return int(value)


@dataclass(frozen=True)
class ReportArea:
    """An app's section of the yearly report: its figures, and the narrative text the office
    writes for it each year (relacions.reports.AreaText, keyed by `key`)."""

    key: str
    label: str | Promise
    indicators: tuple[Indicator, ...]
    # Where the section comes in the report (as the map's layers and the open-data page).
    order: int = 0


def year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    """1 January and 31 December of `year`: an indicator's records are those of these days."""
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


@dataclass(frozen=True)
class Content:
    """One app's declaration. Every part is optional.

    - `urls`: (translated first segment, URLconf module) of the app's public pages, mounted under
      the language prefix (/ca/actualitat/ …); an empty segment (the pages' slugs) goes last.
    - `roles`: role (relacions.core.roles) → the permissions ("app.codename") the role is given.
    - `search`: `relacions.search.registry.Indexed`, one per indexed model.
    - `sitemaps`: section name → `Sitemap` (class or instance) for /sitemap.xml.
    - `page_cache`: whether a change to any of the app's models makes the cached pages stale.
    - `schedule`: model → date or datetime fields, besides `publish_at`/`unpublish_at`, whose
      moments change a page by themselves (an event's end moves it to the archive).
    - `timelines`: how the app's models show on an objective's timeline.
    - `datasets`: `relacions.opendata.datasets.Dataset`s (or `Outputs`) on the open-data page.
    - `places`: `PlaceLayer`s, the app's ties to places (the world map and the place pages).
    - `dashboard`: callables `(request) -> panel dict or None` for the admin home.
    - `report`: the app's `ReportArea` of the yearly report (relacions.reports).
    - `fragments`: name → `relacions.operations.pagecache.fragments.Fragment`, the app's
      rendered fragments kept in the cache under their content's versions (a card, an
      article's body), used in templates as "app_label.name" (`{% fragments %}`).
    - `demo`: the demo content's file, relative to the app (relacions.core.demo).
    """

    urls: tuple[str | Promise, str] | None = None
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    search: tuple[Any, ...] = ()
    sitemaps: Mapping[str, Any] = field(default_factory=dict)
    page_cache: bool = True
    schedule: Mapping[type[models.Model], tuple[str, ...]] = field(default_factory=dict)
    timelines: tuple[Timeline, ...] = ()
    datasets: tuple[Any, ...] = ()
    places: tuple[PlaceLayer, ...] = ()
    dashboard: tuple[Callable[[HttpRequest], dict | None], ...] = ()
    report: ReportArea | None = None
    fragments: Mapping[str, Any] = field(default_factory=dict)
    demo: str | None = None


@functools.cache
def declarations() -> tuple[tuple[AppConfig, Content], ...]:
    """Every project app's declaration, in INSTALLED_APPS order (read once, after start-up)."""
    found = []
    for config in apps.get_app_configs():
        name = f"{config.name}.{MODULE}"
        if not config.name.startswith("relacions.") or find_spec(name) is None:
            continue
        content = getattr(import_module(name), "content", None)
        if not isinstance(content, Content):
            raise ImproperlyConfigured(f"{name} must define `content = Content(...)`.")
        found.append((config, content))
    return tuple(found)


def declared(part: str) -> Iterator[Any]:
    """Every app's items of one tuple part (`declared("search")`), in INSTALLED_APPS order."""
    for _config, content in declarations():
        yield from getattr(content, part)


def public_urls() -> list[tuple[str | Promise, str]]:
    """Every app's (segment, URLconf), in INSTALLED_APPS order, the catch-all ("") last."""
    routes = [content.urls for _config, content in declarations() if content.urls]
    return sorted(routes, key=lambda route: route[0] == "")


def place_layers() -> list[PlaceLayer]:
    """Every app's ties to places, in the order the map lists them."""
    return sorted(declared("places"), key=lambda layer: layer.order)


def report_areas() -> list[ReportArea]:
    """Every app's section of the yearly report, in the report's order."""
    areas = [content.report for _config, content in declarations() if content.report]
    return sorted(areas, key=lambda area: area.order)


def timeline_for(model: type[models.Model]) -> Timeline | None:
    return next((t for t in declared("timelines") if t.model is model), None)


def page_cache_models() -> Iterator[type[models.Model]]:
    """Every model (M2M tables included) whose changes make the cached pages stale."""
    for config, content in declarations():
        if content.page_cache:
            yield from config.get_models(include_auto_created=True)


def schedule_fields(model: type[models.Model]) -> tuple[str, ...]:
    for _config, content in declarations():
        if model in content.schedule:
            return content.schedule[model]
    return ()


def demo_files() -> Iterator[tuple[AppConfig, Path]]:
    for config, content in declarations():
        if content.demo:
            yield config, Path(config.path) / content.demo


@checks.register()
def check_declarations(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """`manage.py check` (and every start) names a declaration that points at nothing: a role
    permission written wrong, a timeline or schedule field the model does not have."""
    errors: list[checks.CheckMessage] = []
    keys = [layer.key for _config, content in declarations() for layer in content.places]
    errors += [
        checks.Error(f"Two place layers are called {key!r}: each needs its own key.")
        for key in sorted({key for key in keys if keys.count(key) > 1})
    ]
    errors += [
        checks.Error(f"The place layer {layer.key!r} is on the map with several lookups.")
        for layer in declared("places")
        if layer.on_map and len(layer.lookups) != 1
    ]
    keys = [i.key for area in report_areas() for i in area.indicators]
    keys += [area.key for area in report_areas()]
    errors += [
        checks.Error(f"Two report areas or indicators are called {key!r}: each needs its own key.")
        for key in sorted({key for key in keys if keys.count(key) > 1})
    ]
    for config, content in declarations():
        where = f"{config.name}.{MODULE}"
        for role, names in content.roles.items():
            errors += [
                checks.Error(f"{where}: {role!r} is given {name!r}, not 'app_label.codename'.")
                for name in names
                if name.count(".") != 1
            ]
        fields = [(t.model, t.date, "timeline date") for t in content.timelines]
        fields += [(m, f, "schedule field") for m, names in content.schedule.items() for f in names]
        for model, name, what in fields:
            try:
                found = model._meta.get_field(name)
            except FieldDoesNotExist:
                found = None
            if not isinstance(found, models.DateField):  # DateTimeField is one too
                errors.append(
                    checks.Error(
                        f"{where}: the {what} {model._meta.label}.{name} is not a date field."
                    )
                )
    return errors
