"""The world map's data: the file kept in git is what the converter makes of npm's world-atlas,
and the projection puts places where they are."""

import json
import os

import pytest
from django.core.management import call_command

from relacions.places.management.commands.build_map_data import SOURCE
from relacions.places.mapdata import DATA_FILE, world
from relacions.places.projection import WIDTH, to_frame


def test_the_kept_file_is_what_the_converter_makes(tmp_path, monkeypatch):
    if not SOURCE.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true and no node_modules/world-atlas: run npm ci.")
        pytest.skip("npm's world-atlas is not installed")
    from relacions.places.management.commands import build_map_data

    monkeypatch.setattr(build_map_data, "OUTLINE_FILE", tmp_path / "world.svg")
    call_command(
        "build_map_data", output=str(tmp_path / "world.json"), stdout=open(os.devnull, "w")
    )
    assert json.loads((tmp_path / "world.json").read_text()) == json.loads(DATA_FILE.read_text())


def test_the_data_is_small_and_names_its_source():
    data = world()
    assert DATA_FILE.stat().st_size < 100 * 1024
    assert "Natural Earth" in data["source"] and "Public domain" in data["licence"]
    names = {country["name"] for country in data["countries"]}
    assert {"France", "Nicaragua", "Morocco", "Spain", "Fiji"} <= names
    assert "Antarctica" not in names


def test_the_projection_keeps_east_west_and_north_south():
    assert to_frame(-180, 0)[0] == 0 and to_frame(180, 0)[0] == WIDTH
    assert to_frame(0, 90) == (WIDTH / 2, 0)
    terrassa, pamiers, granada = (
        to_frame(2.009, 41.563),
        to_frame(1.61, 43.12),
        to_frame(-85.96, 11.93),
    )
    assert pamiers[1] < terrassa[1] < granada[1]  # north is up
    assert granada[0] < pamiers[0] < terrassa[0]  # west is left
