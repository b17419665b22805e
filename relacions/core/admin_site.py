"""The ModelAdmins registered on an admin site, read through its public API (`is_registered()`,
`get_model_admin()`), never through its private `_registry`."""

from typing import Any

from django.apps import apps
from django.contrib import admin
from django.db import models


def registered_admins(
    site: admin.AdminSite = admin.site,
) -> list[tuple[type[models.Model], admin.ModelAdmin[Any]]]:
    """Each installed model registered on `site`, with its ModelAdmin, in INSTALLED_APPS order
    (the order the dashboard lists content types in)."""
    return [
        (model, site.get_model_admin(model))
        for model in apps.get_models()
        if site.is_registered(model)
    ]


def model_admin_or_none(
    model: type[models.Model], site: admin.AdminSite = admin.site
) -> admin.ModelAdmin[Any] | None:
    return site.get_model_admin(model) if site.is_registered(model) else None
