"""The downloadable datasets: each is one list of columns that both the JSON and the CSV file are
written from, so the two formats always carry the same fields.

Only published items, read through the apps' named querysets; only what their public pages show
(no membership fees, contacts or notes). Text comes in the language of the address, falling back
to Catalan as on the pages, and each item names the fields that did (`only_in_catalan`); dates
and times are ISO 8601, times in the site's time zone.
"""

from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from relacions.core.fallback import fallback_fields
from relacions.events.models import Event
from relacions.networks.models import Network
from relacions.news.models import NewsItem

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
class Dataset:
    slug: str
    title: Promise
    description: Promise
    queryset: Callable[[], QuerySet]
    columns: tuple[Column, ...]

    def records(self, *, build_uri: BuildUri) -> list[dict]:
        """One dict per item, keyed by the columns' keys (the JSON file's items)."""
        return [
            {column.key: column.value(item, build_uri) for column in self.columns}
            for item in self.queryset()
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


NEWS = Dataset(
    slug="news",
    title=_("News"),
    description=_("Every published news item of the service, newest first."),
    queryset=lambda: NewsItem.objects.for_feed(),
    columns=(
        Column("id", _("Identifier"), attribute("pk")),
        Column("title", _("Title"), attribute("title")),
        Column("date", _("Date"), attribute("published_on")),
        Column("summary", _("Summary"), attribute("summary")),
        Column("networks", _("Networks"), lambda item, _b: names(item.networks.all())),
        Column("url", _("Address"), absolute(lambda item: item.get_absolute_url())),
        Column("updated_at", _("Last modified"), lambda item, _b: local(item.updated_at)),
        only_in_catalan("title", "summary"),
    ),
)

EVENTS = Dataset(
    slug="events",
    title=_("Events"),
    description=_(
        "Every published event of the agenda, past and upcoming, in the order they start."
    ),
    queryset=lambda: Event.objects.for_detail().published().order_by("start", "pk"),
    columns=(
        Column("id", _("Identifier"), lambda event, _b: str(event.uid)),
        Column("title", _("Title"), attribute("title")),
        Column("summary", _("Summary"), attribute("summary")),
        Column("start", _("Start"), lambda event, _b: local(event.start)),
        Column("end", _("End"), lambda event, _b: local(event.end)),
        Column("all_day", _("All day"), attribute("all_day")),
        Column("status", _("Status"), lambda event, _b: event.get_event_status_display()),
        Column("format", _("Format"), lambda event, _b: event.get_format_display()),
        Column("venue", _("Venue"), attribute("venue")),
        Column("city", _("City"), attribute("city")),
        Column("country", _("Country (ISO 3166)"), lambda event, _b: event.country.code),
        Column("online_url", _("Online link"), attribute("online_url")),
        Column("registration_url", _("Registration link"), attribute("registration_url")),
        Column(
            "terrassa_role",
            _("Terrassa's role"),
            lambda event, _b: event.get_terrassa_role_display(),
        ),
        Column("networks", _("Networks"), lambda event, _b: names(event.networks.all())),
        Column("forum", _("Forum"), lambda event, _b: str(event.forum) if event.forum else ""),
        Column("url", _("Address"), absolute(lambda event: event.get_absolute_url())),
        Column(
            "calendar_url", _("Calendar file"), absolute(lambda event: event.get_calendar_url())
        ),
        Column("updated_at", _("Last modified"), lambda event, _b: local(event.updated_at)),
        only_in_catalan("title", "summary", "venue"),
    ),
)


def current_category(network: Network, _build_uri: BuildUri) -> str:
    membership = network.current_membership()
    return membership.get_category_display() if membership else ""


NETWORKS = Dataset(
    slug="networks",
    title=_("Networks and twin cities"),
    description=_(
        "The city networks and organisations Terrassa belongs to and its twinnings, with its "
        "current membership."
    ),
    queryset=lambda: Network.objects.for_detail(),
    columns=(
        Column("id", _("Identifier"), attribute("pk")),
        Column("name", _("Name"), attribute("name")),
        Column("acronym", _("Acronym"), attribute("acronym")),
        Column("kind", _("Kind"), lambda network, _b: network.get_kind_display()),
        Column("headquarters", _("Headquarters"), attribute("headquarters")),
        Column("website", _("Website"), attribute("website")),
        Column("description", _("Description"), lambda network, _b: plain(network.description)),
        Column("membership_category", _("Current membership category"), current_category),
        Column("member_since", _("Member since"), lambda network, _b: network.member_since()),
        Column("forums", _("Forums"), lambda network, _b: names(network.public_forums)),
        Column("url", _("Address"), absolute(lambda network: network.get_absolute_url())),
        Column("updated_at", _("Last modified"), lambda network, _b: local(network.updated_at)),
        only_in_catalan("name", "acronym", "headquarters", "description"),
    ),
)

DATASETS = {dataset.slug: dataset for dataset in (NEWS, EVENTS, NETWORKS)}
