"""Rendered fragments (a card, an article's body) kept in the cache under the versions of what they
show, so that after a change only the fragments of what changed are rendered again.

The page cache (this package) drops every page at each change of content. A page that misses it
is then built again from fragments: a list page is its list query, one query for its cards'
stamps and one multi-get of the cards; a detail page the same for its body. A fragment's key is
made of

- the *release*: a digest of the templates, the project's Python code, the compiled translations,
  the static files' manifest and the settings that change how things are written (languages, the
  translation fallback, the time zone, the static and media addresses): a deployment makes every
  fragment new;
- the fragment's name, the active language and the template's parameters (`heading="h3"`…);
- the object's *stamp*, computed by PostgreSQL for all the objects of a list in one query: the
  object's version (`Publishable.version`, raised on every save, or `updated_at`), the version
  of every object the fragment shows through a foreign key (`related`: its image, a forum's
  network…), and for every relation it shows (`prefetch`) the ids and versions of the related
  objects *that the public may see now*, in the order shown, with the objects their own query
  joins. A related network renamed, unpublished or reaching its `publish_at`, an image whose
  renditions are rebuilt, a news item linked to one more event: a new stamp. The query's SQL is
  compiled once per process (the moment "now" is its parameter) and sent as a statement
  PostgreSQL plans once per connection (`core.prepared.statement_cursor`), so a page pays
  PostgreSQL's work for it, not the ORM's. A detail page's own lookup reads the stamps of its
  object's fragments with the object (`with_stamps`), and then sends no stamp query for them;
- `Fragment.moment(obj)`, for what the text depends on that no version tracks: the clock (an
  event's phase, the day a membership is current on) or values the object's own row query
  computes (an agreement's last activity, a visit's participants, read with the row).

So a fragment is never served stale: any change to what it shows gives it a new key, and the old
entry is left for the cache to evict (Redis runs with `allkeys-lru`; entries live
FRAGMENT_CACHE_SECONDS at most). What changes content without a save — a restored backup (whose
versions go back), a data migration, bulk writes: `relacions.core.signals.content_changed` —
calls `forget()`: entries are stored with the cache's current *epoch*, read in the same multi-get
as the fragments, and `forget()` drops the epoch, so every entry stored before is refused.

Misses are rendered together: their relations are prefetched in one query per relation for all
of them, as the list did before, and stored with one multi-set.

Not used (every fragment rendered, as with FRAGMENT_CACHE off: no stamp query, the relations
prefetched as a list would) for a preview (its rows are rolled back or not public), an object
not saved yet, or when the cache cannot be reached (operations.cache answers a miss).
"""

import datetime
import functools
import hashlib
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection, models
from django.db.models import F, Func, OuterRef, Prefetch, TextField, Value
from django.db.models.functions import MD5, Cast
from django.template.loader import get_template
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from relacions.core.declaration import declarations
from relacions.core.models import Publishable
from relacions.core.prepared import reads_the_clock, statement_cursor

from . import near
from .generation import cache_backend, in_rolled_back, tables_of
from .lifetime import note, remember

KEY = "fragment:{release}:{name}:{language}:{digest}"
EPOCH_KEY = "fragment:epoch"


def enabled() -> bool:
    return getattr(settings, "FRAGMENT_CACHE", False) and not in_rolled_back()


def forget() -> None:
    """Refuse every fragment stored until now (content changed without saves)."""
    cache_backend().delete(EPOCH_KEY)
    near.forget()


def _current_epoch(found: dict) -> str | None:
    """The epoch read with the fragments, or a new one (None if the cache cannot be reached)."""
    epoch = found.pop(EPOCH_KEY, None)
    if epoch is None:
        cache = cache_backend()
        cache.add(EPOCH_KEY, secrets.token_hex(8), timeout=None)
        epoch = cache.get(EPOCH_KEY)
    return epoch


def _read(keys: Sequence[str | None]) -> tuple[dict[str, str], str | None]:
    """The texts of `keys` found (this process's near copies first, then the cache), and the
    cache's epoch when the cache was read (None when everything was near)."""
    wanted = [key for key in keys if key]
    copies = near.copies()
    generation = near.generation(copies) if copies is not None else None
    found: dict[str, str] = {}
    if generation is not None:
        for key in wanted:
            text = copies.get(key, generation)  # type: ignore[union-attr]
            if text is not near.MISSING:
                found[key] = text
        wanted = [key for key in wanted if key not in found]
        if not wanted:
            return found, None
    stored = cache_backend().get_many([EPOCH_KEY, *wanted])
    epoch = _current_epoch(stored)
    read = {key: text for key, (at, text) in stored.items() if at == epoch}
    _keep_near(read, generation)
    return found | read, epoch


def _keep_near(texts: dict[str, str], generation: int | None = None) -> None:
    copies = near.copies()
    if copies is None or not texts:
        return
    generation = generation if generation is not None else copies.current()
    if generation is None:
        return
    for key, text in texts.items():
        copies.put(key, generation, text, settings.FRAGMENT_CACHE_SECONDS)


# --- The release -------------------------------------------------------------------------------


@functools.cache
def release() -> str:
    """A digest of everything besides the content that a fragment's text depends on."""
    digest = hashlib.blake2b(digest_size=8)
    base = Path(settings.BASE_DIR)
    sources = [
        *sorted((base / "templates").rglob("*.html")),
        *sorted((base / "relacions").rglob("*.py")),
        *sorted((base / "relacions").rglob("*.html")),
        *sorted((base / "locale").rglob("*.mo")),
        Path(settings.STATIC_ROOT) / "staticfiles.json",
    ]
    for path in sources:
        try:
            digest.update(path.read_bytes())
        except OSError:
            continue  # no manifest in development: static addresses are the files' own
    translation = getattr(settings, "MODELTRANSLATION_FALLBACK_LANGUAGES", ())
    chosen = (settings.LANGUAGES, translation, settings.TIME_ZONE, settings.STATIC_URL,
              settings.MEDIA_URL)  # fmt: skip
    digest.update(repr(chosen).encode())
    return digest.hexdigest()


# --- Stamps, in SQL ----------------------------------------------------------------------------

# The moment the stamp's SQL is compiled with, then replaced by the request's "now" in its
# parameters (and its local date by today's): no page is ever rendered at it.
COMPILED_AT = datetime.datetime(1901, 2, 3, 4, 5, 6, 789012, tzinfo=datetime.UTC)


def kept_for(obj: models.Model, part: str, compute: Callable[[], Any]) -> Any:
    """`compute()`: what a page reads about `obj` besides its own row (a place's timeline, a
    network's positions and working groups), kept with the content generation (`remember`: read
    once per change, never past a scheduled publication or midnight), per object, language and
    release. Only for a public page: a preview reads its own."""
    name = f"{part}:{release()}:{get_language()}:{obj._meta.label_lower}:{obj.pk}"

    def compute_for_obj():
        note(tables_of(obj))  # it may show the object's own fields, read before it
        return compute()

    return remember(name, compute_for_obj)


def version_fields(model: type[models.Model]) -> tuple[str, ...]:
    """The columns that change whenever what a fragment shows of a `model` row changes: its own
    `FRAGMENT_VERSION` (the image: its update time and its renditions), else `version` for
    `Publishable`s, else `updated_at`."""
    declared = getattr(model, "FRAGMENT_VERSION", None)
    if declared:
        return tuple(declared)
    if issubclass(model, Publishable):
        return ("version",)
    if any(f.name == "updated_at" for f in model._meta.concrete_fields):
        return ("updated_at",)
    raise TypeError(f"{model._meta.label} has no version: set FRAGMENT_VERSION on the model.")


def _as_text(expression) -> Cast:
    return Cast(expression, output_field=TextField())


def _versions(model: type[models.Model], path: str = "") -> list:
    """The id and version columns of a row (`path`: across foreign keys, "image__"); a JSON
    column by its digest."""
    parts: list = []
    for column in ("pk", *version_fields(model)):
        value = _as_text(F(f"{path}{column}"))
        is_json = column != "pk" and isinstance(model._meta.get_field(column), models.JSONField)
        parts.append(MD5(value) if is_json else value)
    return parts


def _target(model: type[models.Model], name: str) -> type[models.Model]:
    """The model a relation of `model` leads to."""
    related = model._meta.get_field(name).related_model
    if not isinstance(related, type):
        raise TypeError(f"{model._meta.label}.{name} is not a relation to a model.")
    return related


def _joined(model: type[models.Model], tree: dict | bool, prefix: str = "") -> list:
    """The id and version columns of every object `select_related` joins (`tree`: its dict)."""
    parts: list = []
    if not isinstance(tree, dict):
        return parts
    for name, subtree in sorted(tree.items()):
        target = _target(model, name)
        parts.extend(_versions(target, f"{prefix}{name}__"))
        parts.extend(_joined(target, subtree, f"{prefix}{name}__"))
    return parts


def _array(parts: list) -> Func:
    return Func(*parts, function="ARRAY", template="%(function)s[%(expressions)s]",
                output_field=TextField())  # fmt: skip


def _relation(model: type[models.Model], lookup: Prefetch) -> ArraySubquery:
    """The related rows a prefetch would fetch for one object, as an array of their versions."""
    if "__" in lookup.prefetch_through:
        raise TypeError(f"{lookup.prefetch_through}: a fragment's prefetch is one relation deep.")
    relation: Any = model._meta.get_field(lookup.prefetch_through)
    queryset = lookup.queryset
    if queryset is None:
        queryset = _target(model, lookup.prefetch_through)._default_manager.all()
    if getattr(queryset, "_prefetch_related_lookups", ()):
        # What it would prefetch in turn is not in the stamp: declare it as a fragment of its own.
        raise TypeError(f"{lookup.prefetch_through}: a fragment's prefetch prefetches nothing.")
    # A prefetch of the first few (`queryset[:5]`): the stamp holds the same few, in its order.
    low, high = queryset.query.low_mark, queryset.query.high_mark
    queryset = queryset.all()
    queryset.query.clear_limits()
    if relation.auto_created:  # a reverse relation: the other model's foreign key or M2M
        rows = queryset.filter(**{relation.field.name: OuterRef("pk")})
    elif relation.many_to_many:  # this model's ManyToManyField
        rows = queryset.filter(**{relation.related_query_name(): OuterRef("pk")})
    else:  # this model's foreign key
        rows = queryset.filter(pk=OuterRef(relation.attname))
    rows = rows[low:high]
    row = _array([*_versions(rows.model), *_joined(rows.model, rows.query.select_related)])
    # annotate() then values(): modeltranslation's values() with an expression adds every field.
    return ArraySubquery(rows.annotate(fragment_row=row).values("fragment_row"))


def _stamp(fragment: "Fragment", model: type[models.Model], now: datetime.datetime) -> Cast:
    """A `model` row's stamp for `fragment` at `now`, as text."""
    own = [*_versions(model)]
    for name in fragment.related:
        own.extend(_versions(_target(model, name), f"{name}__"))
    relations = [_relation(model, lookup) for lookup in fragment.lookups(now)]
    stamp = Func(_array(own), *relations, function="jsonb_build_array", output_field=TextField())
    return _as_text(stamp)


@functools.cache
def _stamp_sql(fragment: "Fragment", model: type[models.Model]) -> tuple[str, tuple]:
    """`SELECT id, stamp FROM <model's table> WHERE id = ANY(%s)`, compiled once."""
    # One column (the ORM may order several as it likes): the row's id, a space, its stamp.
    row = Func(_as_text(F("pk")), Value(" "), _stamp(fragment, model, COMPILED_AT),
               function="concat", output_field=TextField())  # fmt: skip
    rows = model._base_manager.order_by().annotate(fragment_stamp=row).values("fragment_stamp")
    sql, params = rows.query.sql_with_params()
    if any(reads_the_clock(value) for value in params):  # COMPILED_AT is in 1901: not "now"
        # A prefetch that reads the clock itself rather than the `now` it is given: its moment
        # would be kept in the SQL compiled once, and the stamp would stop following the clock.
        raise TypeError(f"{fragment.template}: a prefetch reads the clock; use the `now` given.")
    quote = connection.ops.quote_name
    pk = f"{quote(model._meta.db_table)}.{quote(str(model._meta.pk.column))}"
    return f"{sql} WHERE {pk} = ANY(%s)", params


# --- Fragments ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fragment:
    """A template rendered for one object, cached under the object's stamp.

    - `template`: rendered with the object as `name` and the tag's parameters;
    - `text`, instead of a template, for a fragment that is not markup (a page's schema.org
      data): a function (object, **parameters) → its text;
    - `prefetch`: the relations the template shows, as callables `now → Prefetch` (or a lookup,
      or a list of them) whose querysets read that moment (`Network.objects.published(now)`):
      fetched for the misses only, and part of the stamp;
    - `related`: the foreign keys the template shows (the view `select_related()`s them): their
      versions are part of the stamp;
    - `moment`: object → a short text that changes whenever the fragment's text changes for a
      reason no version tracks (the clock; values computed with the object's row).
    """

    template: str = ""
    text: Callable[..., str] | None = None
    prefetch: tuple[Callable[[datetime.datetime | None], Prefetch | str | list], ...] = ()
    related: tuple[str, ...] = ()
    name: str = "object"
    moment: Callable[[Any], str] | None = None
    key: str = field(default="", compare=False)  # "app_label.name", set by `declared()`

    def lookups(self, now: datetime.datetime | None = None) -> list[Prefetch]:
        made = [make(now) for make in self.prefetch]
        flat = [
            one for lookup in made for one in (lookup if isinstance(lookup, list) else [lookup])
        ]
        return [lookup if isinstance(lookup, Prefetch) else Prefetch(lookup) for lookup in flat]

    @property
    def column(self) -> str:
        """The name of the stamp a page's own query reads with its objects (`with_stamps`)."""
        return "fragment_stamp_" + re.sub(r"\W", "_", self.key)

    def stamps(self, objects: Sequence[models.Model]) -> dict[Any, str]:
        """pk → stamp of each object: read with the objects (`with_stamps`), else in one query."""
        if not objects:
            return {}
        read = {obj.pk: getattr(obj, self.column, None) for obj in objects}
        if None not in read.values():
            return cast(dict[Any, str], read)
        sql, params = _stamp_sql(self, type(objects[0]))
        now = timezone.now()
        today, compiled_day = timezone.localdate(now), timezone.localdate(COMPILED_AT)
        values = [
            now if value == COMPILED_AT else today if value == compiled_day else value
            for value in params
        ]
        with statement_cursor(connection) as cursor:
            cursor.execute(sql, [*values, [obj.pk for obj in objects]])
            rows = [row.split(" ", 1) for (row,) in cursor.fetchall()]
        pk = type(objects[0])._meta.pk
        return {pk.to_python(value): stamp for value, stamp in rows}

    def render_many(
        self, objects: Sequence, each: Sequence[dict] = (), **params
    ) -> list[SafeString]:
        """Each object's fragment, in order: from the cache, the misses rendered together.
        `params` go to every object's template; `each[i]`, if given, to the i-th's only."""
        objects = list(objects)
        variants = [{**params, **(each[i] if i < len(each) else {})} for i in range(len(objects))]
        keys: list[str | None] = [None] * len(objects)
        found: dict[str, str] = {}
        epoch = None
        if enabled() and objects:
            stamps = self.stamps([obj for obj in objects if obj.pk is not None])
            keys = [self._key(obj, stamps.get(obj.pk), variant)
                    for obj, variant in zip(objects, variants, strict=True)]  # fmt: skip
            found, epoch = _read(keys)
        missing = [obj for obj, key in zip(objects, keys, strict=True) if key not in found]
        if missing and self.prefetch:
            models.prefetch_related_objects(missing, *self.lookups())
        write = self._writer() if missing else None
        rendered, store = [], {}
        for obj, key, variant in zip(objects, keys, variants, strict=True):
            if key in found:
                rendered.append(mark_safe(found[key]))
                continue
            text = write(obj, variant)  # type: ignore[misc]
            rendered.append(mark_safe(text))
            if key and epoch:
                store[key] = (epoch, text)
        if store:
            cache_backend().set_many(store, timeout=settings.FRAGMENT_CACHE_SECONDS)
            _keep_near({key: text for key, (_epoch, text) in store.items()})
        return rendered

    def render(self, obj, **params) -> SafeString:
        return self.render_many([obj], **params)[0]

    def render_uncached(self, obj, **params) -> SafeString:
        """For a preview: nothing read from the cache or stored in it."""
        lookups = self.lookups()
        if lookups:
            models.prefetch_related_objects([obj], *lookups)
        return mark_safe(self._writer()(obj, params))

    def _writer(self) -> Callable[[Any, dict], str]:
        """(object, parameters) → the fragment's text, by its function or its template."""
        if self.text is not None:
            text = self.text
            return lambda obj, params: str(text(obj, **params))
        template = get_template(self.template)
        return lambda obj, params: template.render({**params, self.name: obj})

    def _key(self, obj, stamp: str | None, params: dict) -> str | None:
        if stamp is None:
            return None  # not saved, or gone since the page's query: rendered, not kept
        moment = self.moment(obj) if self.moment else ""
        text = repr((stamp, moment, sorted(params.items())))
        digest = hashlib.blake2b(text.encode(), digest_size=16).hexdigest()
        return KEY.format(release=release(), name=self.key, language=get_language(),
                          digest=digest)  # fmt: skip


def with_stamps(queryset: models.QuerySet, now: datetime.datetime, *names: str) -> models.QuerySet:
    """`queryset` reading, with each object, its stamps for the fragments `names` at `now`: a
    page's own lookup then spares each fragment's stamp query (one round trip each). The moment
    must be the one the page's query reads (a `Prepared` lookup's `now`, filled per request)."""
    for name in names:
        fragment = declared(name)
        queryset = queryset.annotate(**{fragment.column: _stamp(fragment, queryset.model, now)})
    return queryset


def declared(name: str) -> Fragment:
    """The fragment an app declares (content.py, `fragments`) as "app_label.name"."""
    return _registry()[name]


@functools.cache
def _registry() -> dict[str, Fragment]:
    found = {}
    for config, content in declarations():
        for name, fragment in content.fragments.items():
            key = f"{config.label}.{name}"
            found[key] = Fragment(**{**fragment.__dict__, "key": key})
    return found
