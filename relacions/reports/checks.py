"""Before publishing: the records of the year that the report counts but that lack something it
needs — a field an indicator requires (a visit whose costs are not final) or a translation (the
figures link to lists that readers see in three languages) — and the report's own narrative
missing a language."""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator

from relacions.core.declaration import report_areas
from relacions.workflow.translation_status import needing_translation, target_languages

from .models import YearReport

# Records listed per indicator and problem: the check shows what to mend, not a register.
LIMIT = 20


@dataclass
class Problem:
    record: str
    url: str | None
    what: list[str] = field(default_factory=list)
    # The figures the record counts in.
    figures: list[str] = field(default_factory=list)


def _lacking(model, names: tuple[str, ...]) -> Q:
    conditions = []
    for name in names:
        found = model._meta.get_field(name)
        if isinstance(found, models.BooleanField):
            conditions.append(Q(**{name: False}))
        elif isinstance(found, models.CharField | models.TextField):
            conditions.append(Q(**{f"{name}__isnull": True}) | Q(**{name: ""}))
        else:
            conditions.append(Q(**{f"{name}__isnull": True}))
    return reduce(or_, conditions)


def _admin_url(obj) -> str | None:
    opts = obj._meta
    if not admin.site.is_registered(obj.__class__):
        return None
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return None


def _is_translated(model) -> bool:
    try:
        translator.get_options_for_model(model)
    except NotRegistered:
        return False
    return True


def missing_data(year: int) -> list[Problem]:
    """Every record of `year` that some figure counts and that lacks what the report needs, once
    each, with what it lacks and the figures it counts in."""
    found: dict[tuple[str, object], Problem] = {}

    def note(obj, what: str, figure: str) -> None:
        key = (obj._meta.label, obj.pk)
        problem = found.setdefault(key, Problem(record=str(obj), url=_admin_url(obj)))
        if what not in problem.what:
            problem.what.append(what)
        if figure not in problem.figures:
            problem.figures.append(figure)

    languages = dict(settings.LANGUAGES)
    for area in report_areas():
        for indicator in area.indicators:
            records = indicator.records(year)
            model = records.model
            label = str(indicator.label)
            if indicator.required:
                lacking = records.filter(_lacking(model, indicator.required)).order_by("pk")
                names = ", ".join(
                    str(model._meta.get_field(n).verbose_name) for n in indicator.required
                )
                for obj in lacking[:LIMIT]:
                    note(obj, _("Lacks: %(fields)s") % {"fields": names}, label)
            if _is_translated(model):
                for language in target_languages():
                    needing = needing_translation(model, language).values("pk")
                    for obj in records.filter(pk__in=needing).order_by("pk")[:LIMIT]:
                        note(
                            obj,
                            _("Translation missing or outdated: %(language)s")
                            % {"language": _(languages[language])},
                            label,
                        )
    return list(found.values())


def missing_narrative(report: YearReport) -> list[str]:
    """The languages the report's narrative lacks (its introduction, an area's text)."""
    missing = []
    for language in target_languages():
        name = _(dict(settings.LANGUAGES)[language])
        for field_name in ("introduction", "highlights"):
            source = getattr(report, f"{field_name}_{settings.LANGUAGE_CODE}")
            if source and not getattr(report, f"{field_name}_{language}"):
                verbose = report._meta.get_field(field_name).verbose_name
                missing.append(_("%(field)s (%(language)s)") % {"field": verbose, "language": name})
        for text in report.area_texts.all():
            if getattr(text, f"text_{settings.LANGUAGE_CODE}") and not getattr(
                text, f"text_{language}"
            ):
                missing.append(
                    _("The text on %(area)s (%(language)s)")
                    % {"area": text.area_label, "language": name}
                )
    return missing
