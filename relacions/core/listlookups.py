"""Admin lists answer only the lookups they offer.

Django's `ModelAdmin.lookup_allowed` accepts a URL lookup on any local field
(`?notes__startswith=a`), so a list answers "one row or none" about a field its reader is never
shown, one character at a time. `OfferedLookupsOnly` accepts only the parameters of the list's own
filters and date hierarchy (what the filter sidebar and the date links produce); anything else is
refused with Django's 400, whatever its value, so the refusal says nothing about the data.

Sorting needs no rule of its own: the `o` parameter only picks among the list's columns
(`get_list_display`), so a column left out for a reader cannot be sorted on either.
"""

from typing import TYPE_CHECKING

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.widgets import url_params_from_lookup_dict
from django.db.models.constants import LOOKUP_SEP

# What Django's field filters put in the URL after the field's path (filters.py): choices and
# booleans `__exact`, all values the bare path, dates `__gte` / `__lt`, empty values `__isempty`,
# and `__isnull` for the "none" choice of each.
FIELD_FILTER_SUFFIXES = ("", "__exact", "__isnull", "__gte", "__lt", "__isempty")
DATE_HIERARCHY_PARTS = ("year", "month", "day")


def _field_filter_parameters(model, field_path: str) -> set[str]:
    parameters = {field_path + suffix for suffix in FIELD_FILTER_SUFFIXES}
    field = get_fields_from_path(model, field_path)[-1]
    target = getattr(field, "target_field", None)
    if field.is_relation and target is not None:
        # RelatedFieldListFilter: `network__id__exact`.
        parameters.add(LOOKUP_SEP.join((field_path, target.name, "exact")))
    return parameters


def offered_lookups(model_admin: admin.ModelAdmin, request) -> set[str]:
    """The URL parameters the list's filters and date hierarchy use."""
    offered: set[str] = set()
    if model_admin.date_hierarchy:
        offered.update(
            LOOKUP_SEP.join((model_admin.date_hierarchy, part)) for part in DATE_HIERARCHY_PARTS
        )
    for item in model_admin.get_list_filter(request):
        if isinstance(item, type) and issubclass(item, admin.SimpleListFilter):
            if item.parameter_name:  # Django refuses a filter without one
                offered.add(item.parameter_name)
            continue
        path = item[0] if isinstance(item, (list, tuple)) else item
        if isinstance(path, str):
            offered |= _field_filter_parameters(model_admin.model, path)
    return offered


def _raw_id_lookup(model, lookup: str, value) -> bool:
    """Django's own exception: the pop-up list of a raw-id widget filters by the foreign key's
    `limit_choices_to`."""
    for fk_lookup in model._meta.related_fkey_lookups:
        if callable(fk_lookup):
            fk_lookup = fk_lookup()
        if (lookup, value) in url_params_from_lookup_dict(fk_lookup).items():
            return True
    return False


# A mixin's methods use its ModelAdmin's: the type checker is told its base, Python is not.
if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin
else:
    _ModelAdmin = object


class OfferedLookupsOnly(_ModelAdmin):
    """ModelAdmin mixin: URL lookups limited to the list's filters (see the module's docstring)."""

    def lookup_allowed(self, lookup, value, request):
        return lookup in offered_lookups(self, request) or _raw_id_lookup(self.model, lookup, value)


def restrict_lookups_everywhere(site: admin.AdminSite) -> None:
    """Give every admin registered on `site` the rule, those of Django and of third-party apps
    (users, groups, log-in attempts, devices) too. Called once the admins are registered."""
    for model, model_admin in list(site._registry.items()):
        if isinstance(model_admin, OfferedLookupsOnly):
            continue
        cls = type(model_admin)
        restricted = type(cls.__name__, (OfferedLookupsOnly, cls), {"__module__": cls.__module__})
        site.unregister(model)
        site.register(model, restricted)
