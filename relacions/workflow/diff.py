"""A readable comparison of two stored versions of an object, field by field.

Translated fields are compared language by language (`title [ca]`, `title [es]`, …); rich text is
compared as its text; related objects by their names. Words removed are wrapped in <del>, words
added in <ins>.
"""

import difflib
from dataclasses import dataclass

from django.db import models
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from modeltranslation.translator import translator

from relacions.core.fields import RichTextField

# Bookkeeping, not content: it changes on every save.
SKIPPED = frozenset({"version", "created_at", "updated_at"})


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    diff: SafeString


def _original_translated_fields(model) -> set[str]:
    if model not in translator.get_registered_models(abstract=False):
        return set()
    return set(translator.get_options_for_model(model).all_fields)


def compared_fields(model) -> list[models.Field]:
    """Every field an editor sets, each language of a translated one separately."""
    originals = _original_translated_fields(model)
    fields = [
        field
        for field in (*model._meta.concrete_fields, *model._meta.many_to_many)
        if field.name not in originals
        and field.name not in SKIPPED
        and not field.primary_key
        and (field.editable or field.many_to_many)
    ]
    return fields


def _display(field: models.Field, value, names: dict) -> str:
    if value in (None, ""):
        return ""
    if field.many_to_many:
        return ", ".join(sorted(names.get((field.name, str(pk)), str(pk)) for pk in value))
    if field.is_relation:
        return names.get((field.name, str(value)), str(value))
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return "✓" if value else "✗"
    if isinstance(field, RichTextField) or "<" in str(value):
        return " ".join(strip_tags(str(value)).split())
    return str(value)


def _related_names(fields, dicts) -> dict:
    """{(field name, pk): str(object)} for every related object either version points to: one
    query per relation."""
    names = {}
    for field in fields:
        if not field.is_relation:
            continue
        pks = set()
        for data in dicts:
            value = data.get(field.attname)
            if value in (None, ""):
                continue
            pks.update(value if field.many_to_many else [value])
        if not pks:
            continue
        related = field.related_model._base_manager.filter(pk__in=pks)
        names.update({(field.name, str(obj.pk)): str(obj) for obj in related})
    return names


def word_diff(old: str, new: str) -> SafeString:
    old_words, new_words = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            parts.append(format_html("<del>{}</del>", " ".join(old_words[i1:i2])))
        if j2 > j1:
            parts.append(format_html("<ins>{}</ins>", " ".join(new_words[j1:j2])))
    return mark_safe(" ".join(parts))  # noqa: S308 (every part is escaped above)


def compare(model, old_data: dict, new_data: dict, hidden=()) -> list[FieldChange]:
    """The fields that differ between two `Version.field_dict`s, in the model's order."""
    fields = [field for field in compared_fields(model) if field.name not in hidden]
    names = _related_names(fields, (old_data, new_data))
    changes = []
    for field in fields:
        old = _display(field, old_data.get(field.attname), names)
        new = _display(field, new_data.get(field.attname), names)
        if old != new:
            changes.append(
                FieldChange(
                    label=capfirst(str(field.verbose_name)),
                    old=old,
                    new=new,
                    diff=word_diff(old, new),
                )
            )
    return changes
