"""Terrassa in the world as open data: one row per tie between the city and a place (the map's
table), in JSON and CSV; the same places as GeoJSON (the map's own view, a feed here)."""

from django.utils.translation import gettext_lazy as _

from relacions.opendata.datasets import Column, Dataset, Feed

from .world import map_layers, map_ties


def _place(name):
    return lambda tie, _build_uri: getattr(tie.place, name)


def _coordinate(name):
    return lambda tie, _build_uri: float(getattr(tie.place, name))


def _ties():
    return map_ties(map_layers())


WORLD = Dataset(
    order=70,
    slug="world",
    title=_("Terrassa in the world"),
    description=_(
        "Every place the city is tied to and what ties it: the networks' seats, the agreements' "
        "and the projects' partners, the events abroad; one row per tie, with the place's "
        "coordinates (WGS 84) and the date it ties from."
    ),
    queryset=_ties,
    columns=(
        Column("place", _("Place"), _place("name")),
        Column("country", _("Country code"), lambda tie, _b: tie.place.country.code),
        Column("country_name", _("Country"), lambda tie, _b: str(tie.place.country.name)),
        Column("latitude", _("Latitude"), _coordinate("latitude")),
        Column("longitude", _("Longitude"), _coordinate("longitude")),
        Column("wikidata", _("Wikidata identifier"), _place("wikidata_id")),
        Column("layer", _("Layer"), lambda tie, _b: tie.layer.key),
        Column("tie", _("What ties it"), lambda tie, _b: str(tie.layer.label)),
        Column("title", _("Title"), lambda tie, _b: tie.title),
        Column("description", _("Description"), lambda tie, _b: str(tie.description)),
        Column("date", _("Since"), lambda tie, _b: tie.date.isoformat() if tie.date else None),
        Column("url", _("Address"), lambda tie, build_uri: build_uri(tie.url) if tie.url else ""),
        Column(
            "place_url",
            _("Place's page"),
            lambda tie, build_uri: build_uri(tie.place.get_absolute_url()),
        ),
    ),
    feeds=(Feed("GeoJSON", "places:geojson"),),
)
