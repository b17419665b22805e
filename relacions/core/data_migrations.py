"""Data migrations that several apps run on their own models."""

from django.db import migrations

from .fields import RichTextField
from .sanitize import has_visible_content
from .signals import content_changed


def empty_blank_rich_text(app_label: str) -> migrations.RunPython:
    """Stores as `""` every rich-text value of `app_label` that shows nothing (`<p>&nbsp;</p>`
    and the like, saved before the sanitiser emptied them), so the Catalan text shows instead."""

    def forwards(apps, schema_editor):
        changed = False
        for model in apps.get_app_config(app_label).get_models():
            for field in model._meta.concrete_fields:
                if isinstance(field, RichTextField):
                    changed |= _empty_blank(model, field.attname)
        if changed:
            # No save signal runs here: the cached pages would show the old text.
            content_changed.send(sender=empty_blank_rich_text)

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)


def _empty_blank(model, name: str) -> bool:
    stored = model._base_manager.exclude(**{f"{name}__isnull": True}).exclude(**{name: ""})
    blank = [pk for pk, value in stored.values_list("pk", name) if not has_visible_content(value)]
    return bool(blank) and bool(model._base_manager.filter(pk__in=blank).update(**{name: ""}))
