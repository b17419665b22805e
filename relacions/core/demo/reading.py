"""Reading a demo file: its YAML (with line numbers for errors), its sections and their keys."""

from functools import cache
from pathlib import Path

import yaml
from django.apps import apps
from django.conf import settings
from django.db import models

from .base import DemoContentError

SECTION_FIELDS = {"model", "key", "defaults", "objects"}
UNLESS_ANOTHER_HAS = "unless_another_has"


class _Mapping(dict):
    """A YAML mapping that remembers its line, for error messages."""

    line: int | None = None


class _Reader(yaml.SafeLoader):
    pass


def _construct_mapping(reader, node):
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    yield mapping
    mapping.update(reader.construct_mapping(node))


_Reader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path(settings.BASE_DIR).resolve()))
    except ValueError:
        return str(path)


def _read(path: Path) -> list:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Reader)
    except yaml.YAMLError as error:
        raise DemoContentError(f"{_display(path)}: not valid YAML: {error}") from error
    if data is None:
        return []
    if not isinstance(data, list):
        raise DemoContentError(f"{_display(path)}: the file must be a list of sections")
    for index, section in enumerate(data, start=1):
        where = f"{_display(path)}, section {index}"
        if not isinstance(section, _Mapping):
            raise DemoContentError(f"{where}: a section is a mapping (model, key, objects)")
        where = f"{_display(path)}, line {section.line}"
        unknown = set(section) - SECTION_FIELDS
        if unknown:
            raise DemoContentError(
                f"{where}: unknown section setting {', '.join(sorted(unknown))} "
                f"(a section has {', '.join(sorted(SECTION_FIELDS))})"
            )
        for required in ("model", "key", "objects"):
            if required not in section:
                raise DemoContentError(f"{where}: the section has no {required!r}")
        if not isinstance(section["objects"], list):
            raise DemoContentError(f"{where}: 'objects' must be a list")
    return data


def _model(label, where: str) -> type[models.Model]:
    try:
        return apps.get_model(str(label))
    except (LookupError, ValueError) as error:
        raise DemoContentError(
            f"{where}: unknown model {label!r} (write app_label.Model)"
        ) from error


def _key_fields(section, where: str) -> tuple[str, ...]:
    key = section["key"]
    fields = (key,) if isinstance(key, str) else key
    if (
        not fields
        or not isinstance(fields, list | tuple)
        or not all(isinstance(f, str) for f in fields)
    ):
        raise DemoContentError(f"{where}: 'key' is a field name or a list of field names")
    return tuple(fields)


def _keys_of(path: Path, sections: list) -> dict[type[models.Model], tuple[str, ...]]:
    keys: dict[type[models.Model], tuple[str, ...]] = {}
    for section in sections:
        where = f"{_display(path)}, line {section.line}"
        model = _model(section["model"], where)
        fields = _key_fields(section, where)
        if keys.setdefault(model, fields) != fields:
            raise DemoContentError(
                f"{where}: {model._meta.label} already has the key {list(keys[model])}"
            )
    return keys


@cache
def _declared_keys(files: tuple[Path, ...]) -> dict:
    keys: dict = {}
    for path in files:
        for model, fields in _keys_of(path, _read(path)).items():
            if keys.setdefault(model, fields) != fields:
                raise DemoContentError(
                    f"{_display(path)}: {model._meta.label} has the key {list(fields)} here and "
                    f"{list(keys[model])} in another demo file"
                )
    return keys
