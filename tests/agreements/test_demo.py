"""The demo content's files parse, in the shape relacions.core.demo reads (per-language fields as
{ca:, es:, en:}, links by Catalan slug), and every link names something the demo has."""

from pathlib import Path

import yaml
from django.conf import settings

from relacions.agreements.models import Agreement
from relacions.places.models import Place

ROOT = Path(settings.BASE_DIR) / "relacions"


def _load(app: str) -> dict:
    return yaml.safe_load((ROOT / app / "demo.yaml").read_text(encoding="utf-8"))


def test_the_places_parse_with_valid_countries_and_coordinates():
    places = _load("places")["places.Place"]
    assert len({place["slug"]["ca"] for place in places}) == len(places)
    for spec in places:
        place = Place(
            name=spec["name"]["ca"],
            slug=spec["slug"]["ca"],
            country=spec["country"],
            latitude=spec.get("latitude"),
            longitude=spec.get("longitude"),
            nuts_code=spec.get("nuts_code", ""),
        )
        place.clean_fields(exclude={"name_es", "name_en", "slug_es", "slug_en"})
        place.clean()


def test_the_agreements_parse_and_link_to_demo_places():
    places = {place["slug"]["ca"] for place in _load("places")["places.Place"]}
    agreements = _load("agreements")["agreements.Agreement"]
    twinnings = [a for a in agreements if a["kind"] == Agreement.Kind.TWINNING]
    assert sorted(a["slug"]["ca"] for a in twinnings) == [
        "granada-nicaragua",
        "pamiers",
        "tecoluca",
        "tetuan",
    ]
    for spec in agreements:
        assert set(spec["title"]) == {"ca", "es", "en"}
        assert all("exemple" in spec["object"]["ca"] for _ in [0])
        for partner in spec["partners"]:
            assert partner["place"] in places
    urban = next(a for a in agreements if a["kind"] == Agreement.Kind.COLLABORATION)
    assert len(urban["partners"]) == 10 and urban["networks"] == ["eurocities"]
