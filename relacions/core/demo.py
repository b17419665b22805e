"""Demo content as data: one `demo.yaml` per app (named by the `demo` part of its content.py),
loaded by `manage.py load_demo_content`.

A file is a list of sections, loaded in order; each names a model, the fields that find an object
again (its natural key) and the objects:

    - model: news.NewsItem          # app_label.ModelName
      key: slug                     # one field or a list of fields
      defaults: {status: published} # optional: values every object of the section has
      objects:
        - slug: {ca: una-noticia, es: una-noticia, en: a-news-item}
          title: {ca: Una notícia, es: Una noticia, en: A news item}
          published_on: today-3d
          networks: [eurocities]    # links by the linked model's key

Values:
- A translated field (registered with modeltranslation) is a mapping of languages,
  `{ca: …, es: …, en: …}`, set on `field_ca`, `field_es`, `field_en`. As a key it is matched by
  its value in the default language.
- A foreign key or many-to-many link names the linked object by the key its own section declares
  (in any app's demo.yaml): a plain value for a one-field key, a mapping for a key of several
  fields (`{plan: pla-de-mandat-2023-2027, code: "5.2"}`). A link that finds nothing is an error:
  apps load in INSTALLED_APPS order, so an app links to what an earlier app loaded.
- Dates and date-times are ISO (`2019-10-09`, `2019-10-09 10:00`) or counted from today in
  settings.TIME_ZONE (see `parse_date`): `today`, `today+12d`, `today-2y`, `year-start+1y`
  (1 January of next year), with a time of day for a date-time: `today+12d 10:00`. An integer
  field whose name ends in `year` takes the same notation and keeps the year (`year: today`).
- A file field is a path relative to the YAML file; the file is stored when the object has none.
- `unless_another_has: {is_current: true}` sets those values unless another object of the model
  already has them (the demo plan becomes the current plan only when no real one is).

Loading is idempotent: an object is found by its key and updated, and one whose values are already
those of the file is not saved again, so a second run changes nothing. Each run is one transaction.
"""

import datetime
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from django.apps import AppConfig, apps
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .declaration import demo_files as declared_demo_files

SECTION_FIELDS = {"model", "key", "defaults", "objects"}
UNLESS_ANOTHER_HAS = "unless_another_has"

DATE_PATTERN = re.compile(
    r"^(?P<base>today|year-start)(?P<offsets>(?:\s*[+-]\s*\d+\s*[dwmy])*)"
    r"(?:\s+(?P<time>\d{1,2}:\d{2}))?$"
)
OFFSET_PATTERN = re.compile(r"([+-])\s*(\d+)\s*([dwmy])")


class DemoContentError(Exception):
    """A demo file that cannot be loaded as written; the message names the file and the entry."""


@dataclass
class Counts:
    created: int = 0
    updated: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.created + other.created, self.updated + other.updated)

    def __str__(self):
        return f"{self.created} created, {self.updated} updated"


# --- Finding the files --------------------------------------------------------------------------


def demo_files() -> list[tuple[AppConfig, Path]]:
    """Every app's demo file, as its declaration names it (the `demo` part of content.py), in
    INSTALLED_APPS order."""
    return list(declared_demo_files())


def load_demo_content(*, today: datetime.date | None = None) -> dict[str, Counts]:
    """Load every app's demo.yaml, in INSTALLED_APPS order, in one transaction."""
    with transaction.atomic():
        return {config.label: load_file(path, today=today) for config, path in demo_files()}


def load_apps(*labels: str, today: datetime.date | None = None) -> Counts:
    """Load these apps' demo.yaml, in the order given (what a file links to must be loaded by
    then), in one transaction; for tests that need part of the demo content."""
    counts = Counts()
    with transaction.atomic():
        files = {config.label: path for config, path in demo_files()}
        for label in labels:
            counts += load_file(files[label], today=today)
    return counts


def load_file(path: Path, *, today: datetime.date | None = None) -> Counts:
    path = Path(path)
    sections = _read(path)
    keys = declared_keys() | _keys_of(path, sections)
    loader = _Loader(path, keys, today or local_today())
    with transaction.atomic():
        for section in sections:
            loader.load_section(section)
    return loader.counts


# --- Reading ------------------------------------------------------------------------------------


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


def declared_keys() -> dict[type[models.Model], tuple[str, ...]]:
    """The natural key of every model that some installed app's demo.yaml declares."""
    return dict(_declared_keys(tuple(path for _config, path in demo_files())))


# --- Dates --------------------------------------------------------------------------------------


def local_today() -> datetime.date:
    return datetime.datetime.now(ZoneInfo(settings.TIME_ZONE)).date()


def _shift(day: datetime.date, sign: str, amount: int, unit: str) -> datetime.date:
    amount = amount if sign == "+" else -amount
    if unit in "dw":
        return day + datetime.timedelta(days=amount * (7 if unit == "w" else 1))
    months = day.year * 12 + day.month - 1 + amount * (12 if unit == "y" else 1)
    year, month = divmod(months, 12)
    month += 1
    # The last day of a shorter month (31 January + 1 month is 28 or 29 February).
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return datetime.date(year, month, min(day.day, (following - datetime.timedelta(days=1)).day))


def parse_date(text: str, *, today: datetime.date) -> tuple[datetime.date, datetime.time | None]:
    """`today`, `year-start` (1 January of this year), each followed by offsets in days, weeks,
    months or years (`+12d`, `-2y`, `+1m+3d`) and optionally a time (`today+12d 10:00`); or ISO,
    `2019-10-09` or `2019-10-09 10:00`. Returns the day and the time (None if not given)."""
    text = " ".join(str(text).split())
    refused = ValueError(
        f"{text!r} is not a date: write 2019-10-09, '2019-10-09 10:00', today, today+12d, "
        "today-2y, year-start+1y or 'today+12d 10:00'"
    )
    match = DATE_PATTERN.match(text)
    if match is None:
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            raise refused from None
        return moment.date(), (moment.time() if ":" in text else None)
    day = today if match["base"] == "today" else today.replace(month=1, day=1)
    for sign, amount, unit in OFFSET_PATTERN.findall(match["offsets"]):
        day = _shift(day, sign, int(amount), unit)
    clock = None
    if match["time"]:
        hours, minutes = match["time"].split(":")
        try:
            clock = datetime.time(int(hours), int(minutes))
        except ValueError:
            raise refused from None
    return day, clock


# --- Loading ------------------------------------------------------------------------------------


def _translated_fields(model) -> set[str]:
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


class _Loader:
    def __init__(self, path: Path, keys: dict, today: datetime.date):
        self.path = path
        self.keys = keys
        self.today = today
        self.time_zone = ZoneInfo(settings.TIME_ZONE)
        self.counts = Counts()

    # Sections and entries

    def load_section(self, section) -> None:
        where = f"{_display(self.path)}, line {section.line}"
        model = _model(section["model"], where)
        key = self.keys[model]
        defaults = section.get("defaults") or {}
        if not isinstance(defaults, dict):
            raise DemoContentError(f"{where}: 'defaults' must be a mapping")
        for entry in section["objects"]:
            if not isinstance(entry, dict):
                raise DemoContentError(f"{where}: each object of {model._meta.label} is a mapping")
            line = entry.line if isinstance(entry, _Mapping) else section.line
            entry = {**defaults, **entry}
            described = self._describe(key, entry)
            try:
                self.load_entry(model, key, entry)
            except DemoContentError as error:
                raise DemoContentError(
                    f"{_display(self.path)}, line {line} ({model._meta.label} {described}): {error}"
                ) from error
            except ValidationError as error:
                raise DemoContentError(
                    f"{_display(self.path)}, line {line} ({model._meta.label} {described}): "
                    f"{_messages(error)}"
                ) from error

    def _describe(self, key, entry) -> str:
        parts = []
        for name in key:
            value = entry.get(name)
            if isinstance(value, dict) and DEFAULT_LANGUAGE in value:
                value = value[DEFAULT_LANGUAGE]
            parts.append(str(value))
        return "«" + ", ".join(parts) + "»"

    def load_entry(self, model, key: tuple[str, ...], entry: dict) -> None:
        for name in key:
            if name not in entry:
                raise DemoContentError(f"the key field {name!r} is missing")
        claimed = entry.pop(UNLESS_ANOTHER_HAS, None) or {}
        if not isinstance(claimed, dict):
            raise DemoContentError(f"{UNLESS_ANOTHER_HAS!r} must be a mapping")
        values, links, files = self.convert(model, entry)
        claims, _links, _files = self.convert(model, claimed)
        obj = self.find(model, key, entry)
        created = obj is None
        if created:
            obj = model()
        before = None if created else _stored_values(obj)
        _assign(obj, values)
        for name, value in claims.items():
            others = model._base_manager.filter(**{name: value})
            if obj.pk is not None:
                others = others.exclude(pk=obj.pk)
            if not others.exists():
                _assign(obj, {name: value})
        for name, source in files.items():
            if not getattr(obj, name):
                # Uncommitted, as an upload is: the model's save() stores it as it stores one.
                setattr(obj, name, ContentFile(source.read_bytes(), name=source.name))
        # Validated before comparing: clean() may normalise a value (an all-day event ends at
        # 23:59:59.999999), and an object already as the file says is not saved again.
        obj.full_clean()
        changed = created or _stored_values(obj) != before
        if changed:
            obj.save()
        for name, targets in links.items():
            manager = getattr(obj, name)
            if created or set(manager.values_list("pk", flat=True)) != {t.pk for t in targets}:
                manager.set(targets)
                changed = True
        if created:
            self.counts.created += 1
        elif changed:
            self.counts.updated += 1

    def find(self, model, key, entry):
        lookup = {}
        for name in key:
            lookup.update(self.key_lookup(model, name, entry[name]))
        found = list(model._base_manager.filter(**lookup)[:2])
        if len(found) > 1:
            raise DemoContentError(f"its key finds more than one {model._meta.label}: {lookup}")
        return found[0] if found else None

    # Values

    def field(self, model, name: str):
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            raise DemoContentError(f"{model._meta.label} has no field {name!r}") from None
        if not (field.concrete or field.many_to_many) or _automatic(field):
            raise DemoContentError(f"{model._meta.label}.{name} cannot be set from a demo file")
        return field

    def convert(self, model, entry: dict) -> tuple[dict, dict, dict]:
        """The entry as concrete field values, many-to-many targets and files to store."""
        values, links, files = {}, {}, {}
        translated = _translated_fields(model)
        for name, value in entry.items():
            if name == "pk":
                values["pk"] = value
                continue
            if name in translated:
                values.update(self.translations(model, name, value))
                continue
            field = self.field(model, name)
            try:
                if field.many_to_many:
                    if not isinstance(value, list):
                        raise DemoContentError(f"{name}: a many-to-many link is a list")
                    links[name] = [self.link(field.related_model, item) for item in value]
                elif field.many_to_one or field.one_to_one:
                    values[field.attname] = (
                        None if value is None else self.link(field.related_model, value).pk
                    )
                elif isinstance(field, models.FileField):
                    files[name] = self.file(value)
                else:
                    values[field.attname] = self.scalar(field, value)
            except DemoContentError as error:
                raise DemoContentError(f"{name}: {error}") from error
        return values, links, files

    def translations(self, model, name: str, value) -> dict:
        if not isinstance(value, dict):
            languages = ", ".join(f"{code}: …" for code in AVAILABLE_LANGUAGES)
            raise DemoContentError(f"{name} is translated: write {{{languages}}}")
        unknown = set(value) - set(AVAILABLE_LANGUAGES)
        if unknown:
            raise DemoContentError(
                f"{name}: unknown language {', '.join(sorted(map(str, unknown)))}"
            )
        field = model._meta.get_field(name)
        return {
            build_localized_fieldname(name, language): field.to_python(text)
            for language, text in value.items()
        }

    def scalar(self, field, value):
        if value is None:
            return None
        if isinstance(field, models.DateTimeField):
            return self.moment(value)
        if isinstance(field, models.DateField):
            return self.day(value)
        if isinstance(field, models.IntegerField) and field.name.endswith("year"):
            if isinstance(value, str | datetime.date):
                return self.day(value).year
        try:
            return field.to_python(value)
        except ValidationError as error:
            raise DemoContentError(_messages(error)) from error

    def day(self, value) -> datetime.date:
        if isinstance(value, datetime.datetime):
            raise DemoContentError(f"{value} has a time: this field is a date")
        if isinstance(value, datetime.date):
            return value
        try:
            day, clock = parse_date(value, today=self.today)
        except ValueError as error:
            raise DemoContentError(str(error)) from None
        if clock is not None:
            raise DemoContentError(f"{value!r} has a time: this field is a date")
        return day

    def moment(self, value) -> datetime.datetime:
        if isinstance(value, datetime.datetime):
            moment = value
        elif isinstance(value, datetime.date):
            raise DemoContentError(f"{value} needs a time of day ('{value} 10:00')")
        else:
            try:
                day, clock = parse_date(value, today=self.today)
            except ValueError as error:
                raise DemoContentError(str(error)) from None
            if clock is None:
                raise DemoContentError(f"{value!r} needs a time of day ('{value} 10:00')")
            moment = datetime.datetime.combine(day, clock)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.time_zone)
        return moment

    def file(self, value) -> Path:
        source = (self.path.parent / str(value)).resolve()
        if not source.is_file():
            raise DemoContentError(f"no file {value!r} beside {_display(self.path)}")
        return source

    # Links

    def key_lookup(self, model, name: str, value) -> dict:
        """The queryset lookup matching one key field's value."""
        if name == "pk":
            return {"pk": value}
        if name in _translated_fields(model):
            if isinstance(value, dict):
                if DEFAULT_LANGUAGE not in value:
                    raise DemoContentError(f"{name} has no {DEFAULT_LANGUAGE!r} value")
                value = value[DEFAULT_LANGUAGE]
            return {build_localized_fieldname(name, DEFAULT_LANGUAGE): value}
        field = self.field(model, name)
        if field.many_to_one or field.one_to_one:
            return {
                field.attname: None if value is None else self.link(field.related_model, value).pk
            }
        return {field.attname: self.scalar(field, value)}

    def link(self, model, value):
        key = self.keys.get(model)
        if key is None:
            raise DemoContentError(
                f"no demo file declares a key for {model._meta.label}, so it cannot be linked"
            )
        if len(key) == 1 and not isinstance(value, dict):
            value = {key[0]: value}
        if not isinstance(value, dict) or set(value) != set(key):
            raise DemoContentError(
                f"a link to {model._meta.label} names its key: "
                + (key[0] if len(key) == 1 else "{" + ", ".join(f"{k}: …" for k in key) + "}")
                + f", not {value!r}"
            )
        found = self.find(model, key, value)
        if found is None:
            raise DemoContentError(
                f"no {model._meta.label} with {_plain(value)} (is it in a demo file loaded before?)"
            )
        return found


def _plain(value) -> str:
    return ", ".join(f"{name} {item!r}" for name, item in value.items())


def _assign(obj, values: dict) -> None:
    for attname, value in values.items():
        setattr(obj, attname, value)


def _stored_values(obj) -> dict:
    """What saving obj would store (a rich text field stores its sanitised HTML), files aside."""
    values = {"pk": obj.pk}
    for field in obj._meta.concrete_fields:
        if isinstance(field, models.FileField):
            values[field.attname] = field.value_from_object(obj).name or ""
        elif not _automatic(field):
            values[field.attname] = field.pre_save(obj, add=False)
    return values


def _automatic(field) -> bool:
    """A date the model stamps itself (created_at, updated_at)."""
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(message for message in messages)}"
            for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
