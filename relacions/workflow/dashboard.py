"""The admin home's dashboard: drafts, scheduled items, items needing translation, the panels the
apps declare (the `dashboard` part of their content.py: the networks app's renewals), the latest
changes.

A fixed number of queries: a few per content type, none per item.
"""

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from relacions.core.admin_site import registered_admins
from relacions.core.declaration import declared
from relacions.core.models import Publishable

from . import changes, translation_status
from .tracking import text_fields

LIMIT = 5


def _visible_admins(request):
    return [
        (model, model_admin)
        for model, model_admin in registered_admins()
        if model_admin.has_view_or_change_permission(request)
    ]


def _changelist(opts, query: str = "") -> str:
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist") + query


def _entries(model, objects, date_attr: str):
    opts = model._meta
    return [
        {
            "label": str(obj),
            "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=(obj.pk,)),
            "date": getattr(obj, date_attr),
        }
        for obj in objects
    ]


def build(request) -> dict:
    admins = _visible_admins(request)
    publishable = [(m, a) for m, a in admins if issubclass(m, Publishable)]
    drafts, scheduled, translations, panels = [], [], [], []
    for model, _model_admin in publishable:
        opts = model._meta
        objects = model._default_manager
        items = list(objects.filter(model.draft_q()).order_by("-updated_at")[:LIMIT])
        if items:
            drafts.append(
                {
                    "name": opts.verbose_name_plural,
                    "items": _entries(model, items, "updated_at"),
                    "more_url": _changelist(opts, "?status__exact=draft"),
                }
            )
        items = list(objects.filter(model.scheduled_q()).order_by("publish_at")[:LIMIT])
        if items:
            scheduled.append(
                {
                    "name": opts.verbose_name_plural,
                    "items": _entries(model, items, "publish_at"),
                    "more_url": _changelist(opts, "?state=scheduled"),
                }
            )
    for model, _model_admin in admins:
        if not text_fields(model):
            continue
        counts = {
            code: translation_status.needing_translation(model, code).count()
            for code in translation_status.target_languages()
        }
        if any(counts.values()):
            translations.append({"name": model._meta.verbose_name_plural, "counts": counts})
    for panel in declared("dashboard"):
        data = panel(request)
        if data:
            panels.append(data)
    content_types = ContentType.objects.get_for_models(*(model for model, _a in admins)).values()
    latest = list(
        LogEntry.objects.filter(content_type__in=[ct.pk for ct in content_types])
        .select_related("user", "content_type")
        .order_by("-action_time")[:10]
    )
    for entry in latest:
        model = entry.content_type.model_class() if entry.content_type else None
        # Read by the dashboard's template (admin/index.html).
        entry.description = changes.describe(  # type: ignore[attr-defined]
            entry.change_message, model, request
        )
    return {
        "drafts": drafts,
        "scheduled": scheduled,
        "translations": sorted(translations, key=lambda row: str(row["name"])),
        "translation_languages": translation_status.target_languages(),
        "panels": panels,
        "latest": latest,
    }
