"""The downloadable datasets: each is one list of columns that both the JSON and the CSV file are
written from, so the two formats always carry the same fields. The content apps define theirs (in
their `datasets.py`) and declare them in their `content.py`; this app imports none of them.

Only published items, read through the apps' named querysets; only what their public pages show
(no membership fees, contacts or notes). Text comes in the language of the address, falling back
to Catalan as on the pages, and each item names the fields that did (`only_in_catalan`); dates
and times are ISO 8601, times in the site's time zone.
"""

from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from relacions.core.declaration import declared
from relacions.core.fallback import fallback_fields

# The licence of everything the open-data page lists (images excepted: they carry their own).
LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
PUBLISHER = "Ajuntament de Terrassa"

BuildUri = Callable[[str], str]


@dataclass(frozen=True)
class Column:
    key: str
    label: Promise
    value: Callable[[Any, BuildUri], Any]


@dataclass(frozen=True)
class Feed:
    """Another machine-readable output of the same data (a feed, a calendar, the app's own file),
    listed beside the dataset on the open-data page: a format's name and a URL name."""

    label: str
    url_name: str


@dataclass(frozen=True)
class Dataset:
    """What the open-data page lists for one kind of data: the JSON and CSV files written from
    `columns` (at /<lang>/open-data/<slug>.json and .csv), and any other `feeds`. A dataset with
    no columns has no files here (the Pla de Mandat writes its own)."""

    slug: str
    title: Promise
    description: Promise
    queryset: Callable[[], QuerySet] | None = None
    columns: tuple[Column, ...] = ()
    feeds: tuple[Feed, ...] = ()
    # Where the page lists it (news 10, agenda 20, networks 30, plan 40: as the search's facets).
    order: int = 0

    @property
    def has_files(self) -> bool:
        return bool(self.columns)

    def records(self, *, build_uri: BuildUri) -> list[dict]:
        """One dict per item, keyed by the columns' keys (the JSON file's items)."""
        return [
            {column.key: column.value(item, build_uri) for column in self.columns}
            for item in (self.queryset() if self.queryset else ())
        ]

    def headers(self) -> list[str]:
        return [str(column.label) for column in self.columns]

    def table(self, *, build_uri: BuildUri) -> list[list]:
        """One row per item (the CSV file's rows); lists become "a; b"."""
        return [
            [_flat(value) for value in record.values()]
            for record in self.records(build_uri=build_uri)
        ]


def _flat(value):
    return "; ".join(str(part) for part in value) if isinstance(value, list) else value


def plain(html: str) -> str:
    """Rich text as plain text, one line."""
    return " ".join(unescape(strip_tags(html or "")).split())


def local(moment):
    """In the site's time zone, to the second (as the pages show it)."""
    return timezone.localtime(moment).replace(microsecond=0) if moment else None


def names(objects) -> list[str]:
    return [str(obj) for obj in objects]


def absolute(path_of: Callable[[Any], str]) -> Callable[[Any, BuildUri], str]:
    return lambda item, build_uri: build_uri(path_of(item))


def attribute(name: str) -> Callable[[Any, BuildUri], Any]:
    return lambda item, _build_uri: getattr(item, name)


def only_in_catalan(*fields: str) -> Column:
    """The column that lists which of `fields` (translated, and columns of the same key) show
    the Catalan text because the language asked for has none."""
    return Column(
        "only_in_catalan",
        _("Only in Catalan"),
        lambda item, _build_uri: fallback_fields(item, fields),
    )


def datasets() -> dict[str, Dataset]:
    """Every app's datasets (the `datasets` part of its content.py), in INSTALLED_APPS order."""
    found = {}
    for dataset in declared("datasets"):
        if not isinstance(dataset, Dataset):
            raise ImproperlyConfigured(f"{dataset!r} is not an opendata.datasets.Dataset.")
        found[dataset.slug] = dataset
    return dict(sorted(found.items(), key=lambda item: (item[1].order, item[0])))


def downloadable() -> dict[str, Dataset]:
    """The datasets this app writes as JSON and CSV files (those with columns)."""
    return {slug: dataset for slug, dataset in datasets().items() if dataset.has_files}
