"""Which objects need translating: a language is *missing* where a text field has Catalan text
but none in that language, and *outdated* where its text last changed before the Catalan text
did (`TranslationStamp`, kept by tracking.py). One query per content type and language."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import TranslationStamp
from .tracking import text_fields

MISSING = "missing"
OUTDATED = "outdated"
REASONS = {
    MISSING: _("Not translated"),
    OUTDATED: _("Older than the Catalan text"),
}


@dataclass
class Row:
    obj: object
    language: str
    reason: str
    fields: list[str]
    # The Catalan text of the first field (str(obj) may need queries: Position names its body).
    label: str

    @property
    def reason_label(self) -> str | Promise:
        return REASONS[self.reason]


def target_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def _stamp(content_type, language: str):
    return Subquery(
        TranslationStamp.objects.filter(
            content_type=content_type,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            language=language,
        ).values("changed_at")[:1]
    )


def _filled(name: str) -> Q:
    return Q(**{f"{name}__isnull": False}) & ~Q(**{name: ""})


def _missing_q(fields, language: str) -> Q:
    query = Q(pk__in=[])
    for name in fields:
        query |= _filled(f"{name}_{settings.LANGUAGE_CODE}") & ~_filled(f"{name}_{language}")
    return query


def needing_translation(model, language: str):
    """Objects of `model` whose `language` is missing or outdated, annotated with the time each
    language last changed (`source_changed_at`, `target_changed_at`)."""
    fields = text_fields(model)
    content_type = ContentType.objects.get_for_model(model)
    outdated = Q(source_changed_at__isnull=False) & (
        Q(target_changed_at__isnull=True) | Q(target_changed_at__lt=F("source_changed_at"))
    )
    return (
        model._default_manager.annotate(
            source_changed_at=_stamp(content_type, settings.LANGUAGE_CODE),
            target_changed_at=_stamp(content_type, language),
        )
        .filter(_missing_q(fields, language) | outdated)
        .order_by("-source_changed_at", "pk")
    )


def rows(model, language: str, limit: int | None = None) -> list[Row]:
    fields = text_fields(model)
    source = settings.LANGUAGE_CODE
    queryset = needing_translation(model, language)
    if limit is not None:
        queryset = queryset[:limit]
    result = []
    for obj in queryset:
        missing = [
            str(model._meta.get_field(f"{name}_{language}").verbose_name)
            for name in fields
            if getattr(obj, f"{name}_{source}") and not getattr(obj, f"{name}_{language}")
        ]
        reason = MISSING if missing else OUTDATED
        label = getattr(obj, f"{fields[0]}_{source}") or str(obj.pk)
        result.append(Row(obj=obj, language=language, reason=reason, fields=missing, label=label))
    return result
