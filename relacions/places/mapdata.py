"""The world map's outlines (built by `manage.py build_map_data`), read once per process."""

import functools
import json
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "world-110m.json"


@functools.cache
def world() -> dict:
    return json.loads(DATA_FILE.read_text())
