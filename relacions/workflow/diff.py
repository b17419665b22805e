"""A readable comparison of two stored versions of an object, field by field.

Each language of a translated field is compared on its own; rich text and long text are compared
paragraph by paragraph (a paragraph, heading or list item of the stored HTML, a line of plain
text), and inside a changed paragraph word by word. Removed words are wrapped in <del>, added ones
in <ins>, each with a visually hidden "removed:" / "added:" so a screen reader says it too (the
strike-through, underline and colour are for the eye). Long runs of unchanged paragraphs are
summed up as a count. Related objects are compared by their names.
"""

import dataclasses
import difflib
import re
from dataclasses import dataclass
from html import unescape

from django.conf import settings
from django.db import models
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from modeltranslation.translator import translator

from relacions.core.fields import RichTextField

# Bookkeeping, not content: it changes on every save.
SKIPPED = frozenset({"version", "created_at", "updated_at"})
# Where a paragraph of stored HTML ends, and where a list item starts.
BLOCK_END = re.compile(
    r"</(?:p|h[1-6]|li|blockquote|pre|div|figure|figcaption|tr|ul|ol|table)\s*>|<br\s*/?>", re.I
)
LIST_ITEM = re.compile(r"<li(?:\s[^>]*)?>", re.I)
# Two paragraphs less alike than this are shown as one removed and one added, not word by word.
SIMILAR = 0.4
# Unchanged paragraphs shown around a change; longer runs are summed up as a count.
CONTEXT = 1


@dataclass
class Paragraph:
    kind: str  # "same", "changed", "removed", "added" or "skipped" (then `count` says how many)
    html: str = ""  # safe HTML
    count: int = 0


@dataclass
class FieldChange:
    label: str
    old: str
    new: str
    paragraphs: list[Paragraph] = dataclasses.field(default_factory=list)
    language: str = ""  # the language's name, for one language of a translated field
    language_code: str = ""


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


def _display(field: models.Field, value, names: dict) -> list[str]:
    """The value as the paragraphs a reader compares."""
    if value in (None, ""):
        return []
    if field.many_to_many:
        return [", ".join(sorted(names.get((field.name, str(pk)), str(pk)) for pk in value))]
    if field.is_relation:
        return [names.get((field.name, str(value)), str(value))]
    if field.choices:
        return [str(dict(field.flatchoices).get(value, value))]
    if isinstance(field, models.BooleanField):
        return ["✓" if value else "✗"]
    if isinstance(field, RichTextField) or "<" in str(value):
        return html_paragraphs(str(value))
    return [" ".join(line.split()) for line in str(value).splitlines() if line.strip()]


def html_paragraphs(html: str) -> list[str]:
    """The text of each paragraph, heading and list item (marked "• ") of stored HTML."""
    text = unescape(strip_tags(BLOCK_END.sub("\n", LIST_ITEM.sub("\n• ", html))))
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _related_names(fields, dicts) -> dict:
    """{(field name, pk): str(object)} for every related object either version points to: one
    query per relation."""
    names = {}
    for field in fields:
        if not field.is_relation:
            continue
        pks: set = set()
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


def _marked(tag: str, words: list[str]) -> SafeString:
    said = gettext("removed:") if tag == "del" else gettext("added:")
    # The hidden word is in the admin's language, whatever the language of the text around it.
    return format_html(
        '<{tag}><span class="visually-hidden" lang="{language}">{said} </span>{words}</{tag}>',
        tag=tag,
        language=get_language(),
        said=said,
        words=" ".join(words),
    )


def word_diff(old: str, new: str) -> SafeString:
    old_words, new_words = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(old_words[i1:i2])))
            continue
        if i2 > i1:
            parts.append(_marked("del", old_words[i1:i2]))
        if j2 > j1:
            parts.append(_marked("ins", new_words[j1:j2]))
    return mark_safe(" ".join(parts))  # noqa: S308 (every part is escaped above)


def _replaced(old: list[str], new: list[str]) -> list[Paragraph]:
    """Paragraphs replaced by others: paired in order, word by word when they are alike."""
    paragraphs = []
    for index in range(max(len(old), len(new))):
        before = old[index] if index < len(old) else None
        after = new[index] if index < len(new) else None
        if (
            before is not None
            and after is not None
            and difflib.SequenceMatcher(a=before.split(), b=after.split()).ratio() >= SIMILAR
        ):
            paragraphs.append(Paragraph("changed", word_diff(before, after)))
            continue
        if before is not None:
            paragraphs.append(Paragraph("removed", _marked("del", before.split())))
        if after is not None:
            paragraphs.append(Paragraph("added", _marked("ins", after.split())))
    return paragraphs


def _unchanged(paragraphs: list[str], *, first: bool, last: bool) -> list[Paragraph]:
    """A run of unchanged paragraphs: the ones next to a change, and how many others."""
    before = 0 if first else CONTEXT
    after = 0 if last else CONTEXT
    if len(paragraphs) <= before + after + 1:
        return [Paragraph("same", escape(text)) for text in paragraphs]
    shown_after = paragraphs[len(paragraphs) - after :] if after else []
    return [
        *(Paragraph("same", escape(text)) for text in paragraphs[:before]),
        Paragraph("skipped", count=len(paragraphs) - before - after),
        *(Paragraph("same", escape(text)) for text in shown_after),
    ]


def paragraph_diff(old: list[str], new: list[str]) -> list[Paragraph]:
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    opcodes = matcher.get_opcodes()
    paragraphs = []
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            paragraphs += _unchanged(old[i1:i2], first=index == 0, last=index == len(opcodes) - 1)
        else:
            paragraphs += _replaced(old[i1:i2], new[j1:j2])
    return paragraphs


def _label(field: models.Field) -> tuple[str, str, str]:
    """(label, language name, language code) of a field, one language of a translated one."""
    original = getattr(field, "translated_field", None)
    code = getattr(field, "language", "") if original is not None else ""
    if original is None or not code:
        return capfirst(str(field.verbose_name)), "", ""
    return capfirst(str(original.verbose_name)), str(dict(settings.LANGUAGES)[code]), code


def compare(model, old_data: dict, new_data: dict, hidden=()) -> list[FieldChange]:
    """The fields that differ between two `Version.field_dict`s, in the model's order."""
    fields = [field for field in compared_fields(model) if field.name not in hidden]
    names = _related_names(fields, (old_data, new_data))
    changes = []
    for field in fields:
        old = _display(field, old_data.get(field.attname), names)
        new = _display(field, new_data.get(field.attname), names)
        if old != new:
            label, language, code = _label(field)
            changes.append(
                FieldChange(
                    label=label,
                    old="\n".join(old),
                    new="\n".join(new),
                    paragraphs=paragraph_diff(old, new),
                    language=language,
                    language_code=code,
                )
            )
    return changes
