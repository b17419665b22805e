"""Keeping the index in step with the content: one object at a time (on save and delete, through
`signals.py`) or everything at once (`rebuild_search_index`). Both write entries with
`entries_for()`, so a rebuild and the incremental updates agree row for row."""

import datetime
from collections.abc import Callable, Iterable
from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models, transaction
from django.utils import timezone, translation
from modeltranslation.utils import build_localized_fieldname

from relacions.core.fields import RichTextField

from .models import SearchEntry
from .registry import Indexed, Window, languages, registry, resolve, search_config
from .text import clean_text, html_to_text

BATCH_SIZE = 500
# The columns written as they are; the first three identify an entry.
STORED_FIELDS = (
    "content_type", "object_id", "language", "facet", "title", "text", "url", "date",
    "is_fallback", "text_is_fallback", "publish_at", "unpublish_at",
)  # fmt: skip


@cache
def _field_kind(model: type[models.Model], name: str) -> tuple[bool, bool]:
    """(translated, rich text) for an attribute of `model`."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False, False
    try:
        model._meta.get_field(build_localized_fieldname(name, settings.LANGUAGE_CODE))
        translated = True
    except FieldDoesNotExist:
        translated = False
    return translated, isinstance(field, RichTextField)


def read_text(obj: models.Model, path: str, language: str) -> tuple[str, bool]:
    """The text at `path` in `language` and whether it is the fallback language's."""
    head, _dot, name = path.rpartition(".")
    target: models.Model | None = resolve(obj, head) if head else obj
    if target is None:
        return "", False
    translated, rich = _field_kind(type(target), name)
    fallback = False
    if translated:
        value = getattr(target, build_localized_fieldname(name, language))
        if not value and language != settings.LANGUAGE_CODE:
            value = getattr(target, build_localized_fieldname(name, settings.LANGUAGE_CODE))
            fallback = bool(value)
    else:
        value = getattr(target, name)
    value = str(value or "")
    return (html_to_text(value) if rich else clean_text(value)), fallback


def _read_all(obj, paths: Iterable[str], language: str) -> tuple[str, bool, bool]:
    """The texts at `paths` joined, whether any was in `language` and whether any fell back."""
    texts, own, fallback = [], False, False
    for path in paths:
        text, is_fallback = read_text(obj, path, language)
        if text:
            texts.append(text)
            fallback |= is_fallback
            own |= not is_fallback
    return "\n".join(texts), own, fallback


def _local_date(value: datetime.date | datetime.datetime | None) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return timezone.localdate(value) if timezone.is_aware(value) else value.date()
    return value


def entries_for(obj: models.Model, indexed: Indexed, window: Window) -> list[dict]:
    """The entries of one public object, one per language, as rows for `_write()`."""
    content_type = ContentType.objects.get_for_model(obj)
    date = _local_date(indexed.date(obj)) if indexed.date else None
    rows = []
    for language in languages():
        title, _own, title_fallback = _read_all(obj, (indexed.title,), language)
        summary, summary_own, summary_fallback = _read_all(obj, indexed.summary, language)
        body, body_own, body_fallback = _read_all(obj, indexed.body, language)
        with translation.override(language):
            url = indexed.get_url(obj)
        rows.append(
            {
                "content_type_id": content_type.pk,
                "object_id": obj.pk,
                "language": language,
                "facet": indexed.facet.key,
                "title": title,
                "text": "\n".join(part for part in (summary, body) if part),
                "url": url,
                "date": date,
                "is_fallback": title_fallback,
                # The snippet is marked as Catalan only when none of it is in the language.
                "text_is_fallback": (summary_fallback or body_fallback)
                and not (summary_own or body_own),
                "publish_at": window.publish_at,
                "unpublish_at": window.unpublish_at,
                "config": search_config(language),
                "summary": summary,
                "body": body,
            }
        )
    return rows


def _column(name: str) -> str:
    field = SearchEntry._meta.get_field(name)
    assert isinstance(field, models.Field) and field.column, f"{name} is not a stored field"
    return field.column


def _upsert_sql() -> str:
    """One entry, inserted or updated in place. The document is computed by PostgreSQL: title
    (A), summary (B) and body (C), each stemmed twice (migrations/0002)."""
    table = SearchEntry._meta.db_table
    columns = [_column(name) for name in STORED_FIELDS]
    values = [f"%({column})s" for column in columns]
    vector = " || ".join(
        f"setweight(to_tsvector(%(config)s::regconfig, relacions_stem_text("
        f"%(config)s::regconfig, %({part})s)), '{weight}')"
        for part, weight in (("title", "A"), ("summary", "B"), ("body", "C"))
    )
    unique = ", ".join(_column(name) for name in ("content_type", "object_id", "language"))
    updated = [*columns[3:], "document", "indexed_at"]
    return (
        f"INSERT INTO {table} ({', '.join(columns)}, document, indexed_at) "
        f"VALUES ({', '.join(values)}, {vector}, now()) "
        f"ON CONFLICT ({unique}) DO UPDATE SET "
        + ", ".join(f"{column} = EXCLUDED.{column}" for column in updated)
    )


def _write(rows: list[dict]) -> None:
    # Raw SQL run with executemany (pipelined by psycopg): building the same statements through
    # the ORM's expressions cost three times as long as PostgreSQL's own work in a rebuild.
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(_upsert_sql(), rows)


def _entries_of(model: type[models.Model], pks: Iterable) -> models.QuerySet:
    content_type = ContentType.objects.get_for_model(model)
    return SearchEntry.objects.filter(content_type=content_type, object_id__in=list(pks))


def index_object(*, obj: models.Model) -> int:
    """Bring the entries of `obj` up to date: written while it may be public (now or on a future
    date), removed as soon as it may not. Returns the number of entries written."""
    indexed = registry.get(type(obj))
    if indexed is None:
        return 0
    window = indexed.window(obj)
    if window is None:
        _entries_of(type(obj), [obj.pk]).delete()
        return 0
    entries = entries_for(obj, indexed, window)
    _write(entries)
    return len(entries)


def remove_object(*, model: type[models.Model], pk) -> None:
    _entries_of(model, [pk]).delete()


def index_dependents(*, parent: models.Model) -> int:
    """Re-index the objects whose window, text or address follow `parent` (a network's forums,
    a plan's objectives), in one write and one delete per model however many there are."""
    written = 0
    parent_model = type(parent)._meta.concrete_model or type(parent)
    for indexed in registry.dependents(parent_model):
        children = indexed.get_queryset().filter(indexed.depends_on[parent_model](parent))
        rows, hidden = [], []
        for child in children:
            window = indexed.window(child)
            if window is None:
                hidden.append(child.pk)
            else:
                rows.extend(entries_for(child, indexed, window))
        if hidden:
            _entries_of(indexed.model, hidden).delete()
        _write(rows)
        written += len(rows)
    return written


def rebuild_index(*, progress: Callable[[Indexed, int, int], None] | None = None) -> dict[str, int]:
    """Rebuild every entry from the content, in one transaction (searches meanwhile see the old
    index). Returns {"app_label.model": entries written}."""
    written: dict[str, int] = {}
    with transaction.atomic():
        # Whatever was there goes, models no longer registered included.
        SearchEntry.objects.all().delete()
        for indexed in registry:
            label = indexed.model._meta.label_lower
            queryset = indexed.get_queryset()
            total = queryset.count()
            done = count = 0
            batch: list[dict] = []
            for obj in queryset.iterator(chunk_size=BATCH_SIZE):
                window = indexed.window(obj)
                if window is not None:
                    batch.extend(entries_for(obj, indexed, window))
                done += 1
                if len(batch) >= BATCH_SIZE:
                    _write(batch)
                    count += len(batch)
                    batch = []
                if progress:
                    progress(indexed, done, total)
            if batch:
                _write(batch)
                count += len(batch)
            if progress and total == 0:
                progress(indexed, 0, 0)
            written[label] = count
    return written
