"""What a change was, as one reader may read it: the audit log's and the history's change
messages written out in the reader's language, with the model's own field labels, without the
form's bookkeeping fields and without anything the reader may not see.

Django stores a change message as JSON (`[{"changed": {"fields": [...]}}, {"added": {"name":
"membership fee", "object": "2026: 900.00 EUR"}}]`) with each field's label in English, and
`LogEntry.get_change_message()` translates the labels through the catalogue, which misses them
(a label is `capfirst(verbose_name)`, the catalogue holds `verbose_name`), and shows every field
and inline object to everyone. Here each label is looked up on the model instead, and an admin's
`history_hidden_fields(request)` (field names, and the names of related objects such as a
membership's `fees`) decides what this reader is told.

Free text (a comment typed with a revision, an older message written out in the language of its
day, a restore note) can name anything: a reader with hidden fields on the model is not shown it.
"""

import json
from functools import cache
from typing import Any

from django.contrib import admin
from django.utils import translation
from django.utils.text import capfirst, get_text_list
from django.utils.translation import gettext

from .conflicts import FIELD as LOADED_VERSION_FIELD
from .forms import COMMENT_FIELD, COMMENT_LABEL


def _english(text) -> str:
    with translation.override(None):
        return str(text)


# Fields of the admin form that are not the object's (by name and by the label Django stores):
# never worth a mention.
BOOKKEEPING = frozenset(
    {
        LOADED_VERSION_FIELD,
        COMMENT_FIELD,
        _english(COMMENT_LABEL),
        _english(capfirst(COMMENT_LABEL)),
    }
)


def hidden_fields(model, request) -> frozenset[str]:
    """What `request.user` may not see of `model`, as its admin declares."""
    model_admin = admin.site._registry.get(model)
    hook = getattr(model_admin, "history_hidden_fields", None)
    return frozenset(hook(request)) if callable(hook) else frozenset()


def hides_anything(request) -> bool:
    """Whether any admin hides something from this reader (the audit log's search then leaves the
    change messages out)."""
    return any(hidden_fields(model, request) for model in admin.site._registry)


@cache
def _fields(model) -> dict[str, Any]:
    """The model's own fields by name and by the English label Django stores."""
    found = {}
    for field in model._meta.get_fields():
        if field.auto_created and not field.concrete:
            continue  # a reverse relation: named through _related()
        found[field.name] = field
        found[_english(capfirst(field.verbose_name))] = field
    for name in BOOKKEEPING:
        found.pop(name, None)
    return found


@cache
def _related(model) -> dict[str, tuple[frozenset[str], object]]:
    """The models related to `model` (inlines are among them), by their English verbose name:
    ({names of the relation}, related model)."""
    found = {}
    for field in model._meta.get_fields():
        related = field.related_model if field.is_relation else None
        if related is None:
            continue
        names = {field.name}
        if hasattr(field, "get_accessor_name"):
            names.add(field.get_accessor_name())
        found[_english(related._meta.verbose_name)] = (frozenset(names), related)
    return found


def _is_hidden(field, hidden: frozenset[str]) -> bool:
    original = getattr(field, "translated_field", None)  # modeltranslation's title_ca → title
    return field.name in hidden or (original is not None and original.name in hidden)


def _labels(model, stored: list, hidden: frozenset[str]) -> list[str]:
    fields = _fields(model)
    labels = []
    for label in stored:
        field = fields.get(label)
        if label in BOOKKEEPING or (field is not None and _is_hidden(field, hidden)):
            continue
        labels.append(capfirst(str(field.verbose_name)) if field is not None else gettext(label))
    return labels


def _related_model(model, name: str, hidden: frozenset[str]):
    """(model, visible?) of an inline object's sub-message."""
    names, related = _related(model).get(name, (frozenset(), None))
    if related is None:
        # Not a relation of the model any more: shown only to those who see everything.
        return None, not hidden
    return related, not (names & hidden)


def _sub_message(model, kind: str, data: dict, hidden: frozenset[str]) -> str:
    if "name" in data:
        related, visible = _related_model(model, data["name"], hidden)
        if not visible:
            return ""
        values = {
            "name": str(related._meta.verbose_name) if related else gettext(data["name"]),
            "object": data.get("object", ""),
        }
        if kind == "added":
            return gettext("Added {name} “{object}”.").format(**values)
        if kind == "deleted":
            return gettext("Deleted {name} “{object}”.").format(**values)
        labels = _labels(related or model, data.get("fields", []), frozenset())
        if not labels:
            return ""
        values["fields"] = get_text_list(labels, gettext("and"))
        return gettext("Changed {fields} for {name} “{object}”.").format(**values)
    if kind == "added":
        return gettext("Added.")
    if kind == "changed":
        labels = _labels(model, data.get("fields", []), hidden)
        if labels:
            return gettext("Changed {fields}.").format(fields=get_text_list(labels, gettext("and")))
    return ""


def without_bookkeeping(message: list) -> list:
    """A change message as Django builds it, without the form's bookkeeping fields (and without
    a "changed" part that named only those)."""
    kept = []
    for sub_message in message:
        changed = sub_message.get("changed") if isinstance(sub_message, dict) else None
        if isinstance(changed, dict) and "name" not in changed:
            fields = [field for field in changed.get("fields", []) if field not in BOOKKEEPING]
            if not fields:
                continue
            sub_message = {"changed": {**changed, "fields": fields}}
        kept.append(sub_message)
    return kept


def _parsed(raw: str):
    if not raw or not raw.lstrip().startswith("["):
        return None
    try:
        parsed = json.loads(raw)
    except ValueError:
        return None
    return parsed if isinstance(parsed, list) else None


def describe(raw: str, model, request) -> str:
    """`raw` (a LogEntry's change_message or a revision's comment) as `request.user` may read
    it, in the active language."""
    hidden = hidden_fields(model, request) if model is not None else frozenset()
    parsed = _parsed(raw)
    if parsed is None:
        return "" if hidden else (raw or "")
    parts = []
    for sub_message in parsed:
        if not isinstance(sub_message, dict):
            continue
        for kind in ("added", "changed", "deleted"):
            if isinstance(sub_message.get(kind), dict):
                parts.append(_sub_message(model, kind, sub_message[kind], hidden))
    text = " ".join(part for part in parts if part)
    if text:
        return text
    # The same words whether or not a hidden field changed.
    return gettext("Nothing you may see has changed.") if hidden else gettext("No fields changed.")
