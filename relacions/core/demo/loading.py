"""Loading one demo file's sections into the database: find each object by its key, set its
fields (per language, dates, links, files), save what changed."""

import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files.base import ContentFile
from django.db import models
from modeltranslation.settings import AVAILABLE_LANGUAGES, DEFAULT_LANGUAGE
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from .base import Counts, DemoContentError
from .dates import parse_date
from .reading import UNLESS_ANOTHER_HAS, _display, _Mapping, _model


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
