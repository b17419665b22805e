"""Per-language change tracking, and the version counter across restores.

Before an object with translated fields is saved, its stored text is read (one query); after the
save, each language whose text changed gets its `TranslationStamp` set to now (one query). A
language stamped earlier than Catalan was translated from an older Catalan text.

A restore (django-reversion) saves the stored copy "raw", with the version number it had then:
the current number is kept instead, so `version` never goes back and an editor who loaded the
object before the restore is still refused (conflicts.py).
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save, pre_save
from django.utils import timezone
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from relacions.core.models import Publishable

from .conflicts import token_field
from .models import TranslationStamp

# Slugs are addresses, not text to translate.
UNTRACKED = frozenset({"slug"})


def languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def text_fields(model) -> tuple[str, ...]:
    """The translated fields of `model` whose text is translated (not slugs), in model order."""
    if model not in translator.get_registered_models(abstract=False):
        return ()
    registered = translator.get_options_for_model(model).all_fields
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if field.name in registered and field.name not in UNTRACKED
    )


def localized(model, language: str) -> list[str]:
    return [build_localized_fieldname(field, language) for field in text_fields(model)]


def _columns(model) -> list[str]:
    columns = [name for language in languages() for name in localized(model, language)]
    # The conflict check's version (conflicts.token_field): a Publishable's counter, or the
    # update time of a model versioned by it.
    if issubclass(model, Publishable):
        columns.append("version")
    elif token_field(model) == "updated_at":
        columns.append("updated_at")
    return columns


def remember_stored(sender, instance, raw=False, **kwargs):
    instance._workflow_stored = None
    if instance.pk is None:
        return
    stored = (
        sender._base_manager.filter(pk=instance.pk).order_by().values(*_columns(sender)).first()
    )
    instance._workflow_stored = stored
    # A restore writes the revision's copy raw: the version the conflict check reads stays the
    # current one (the counter never goes back, the update time is not the revision's), so the
    # restore form, loaded at that version, is not refused as a conflict.
    if raw and stored is not None and "version" in stored:
        instance.version = max(instance.version or 0, stored["version"])
    if raw and stored is not None and "updated_at" in stored:
        instance.updated_at = stored["updated_at"]


def stamp_changed_languages(sender, instance, created=False, **kwargs):
    stored = getattr(instance, "_workflow_stored", None)
    now = timezone.now()
    changed = []
    for language in languages():
        fields = localized(sender, language)
        values = [getattr(instance, name) or "" for name in fields]
        if stored is None:
            if any(values):
                changed.append(language)
        elif any(value != (stored[name] or "") for name, value in zip(fields, values, strict=True)):
            changed.append(language)
    if not changed:
        return
    content_type = ContentType.objects.get_for_model(sender)
    TranslationStamp.objects.bulk_create(
        [
            TranslationStamp(
                content_type=content_type,
                object_id=str(instance.pk),
                language=language,
                changed_at=now,
            )
            for language in changed
        ],
        update_conflicts=True,
        unique_fields=("content_type", "object_id", "language"),
        update_fields=("changed_at",),
    )


def tracked_models() -> list:
    return [
        model for model in apps.get_models() if text_fields(model) or issubclass(model, Publishable)
    ]


def connect() -> None:
    for model in tracked_models():
        uid = f"workflow:{model._meta.label_lower}"
        pre_save.connect(remember_stored, sender=model, dispatch_uid=uid)
        if text_fields(model):
            post_save.connect(stamp_changed_languages, sender=model, dispatch_uid=uid)
