"""Admin of the visits: Editors draft them (with their participants, costs and gifts);
only Administrators (permission `visits.publish_costs`) mark the costs final, which publishes
them. The rule is enforced here, on the server: for anyone else the flag is read-only (a forged
POST never reaches the model), and the costs of a visit whose costs are final are read-only too."""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import TranslationTabularInline

from relacions.core.translated import localized_names
from relacions.workflow.publication_admin import PUBLICATION_FIELDSET, PublishableAdmin

from .models import PUBLISH_COSTS_PERMISSION, Cost, Gift, Participant, Visit


def can_publish_costs(request) -> bool:
    return request.user.has_perm(PUBLISH_COSTS_PERMISSION)


class CostsFilter(admin.SimpleListFilter):
    title = _("costs")
    parameter_name = "costs"

    def lookups(self, request, model_admin):
        return (
            (
                "overdue",
                _("Overdue (not final %(days)d days after the end)")
                % {"days": settings.VISITS_COSTS_PUBLIC_WITHIN_DAYS},
            ),
            ("pending", _("Not final")),
            ("final", _("Final")),
        )

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.costs_overdue()
        if self.value() == "pending":
            return queryset.filter(costs_final=False)
        if self.value() == "final":
            return queryset.filter(costs_final=True)
        return queryset


class ParticipantInline(TranslationTabularInline):
    model = Participant
    fields = ("role", "name", "position", "count", "order")
    extra = 0


class CostInline(admin.TabularInline):
    model = Cost
    fields = ("concept", "paid_by", "amount")
    extra = 0

    # Once final the costs are public: only those who may publish them change them.
    def _locked(self, request, obj) -> bool:
        return obj is not None and obj.costs_final and not can_publish_costs(request)

    def has_add_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_delete_permission(request, obj)


class GiftInline(TranslationTabularInline):
    model = Gift
    fields = ("description", "received_by", "estimated_value", "fate")
    extra = 0


@admin.register(Visit)
class VisitAdmin(PublishableAdmin):
    message_subject = pgettext_lazy("admin message subject", "The visit")
    list_display = (
        "title",
        "direction",
        "starts_on",
        "ends_on",
        "purpose_category",
        "costs_final",
        "state_badge",
    )
    list_filter = ("direction", "purpose_category", "status", CostsFilter)
    date_hierarchy = "starts_on"
    search_fields = localized_names("title", "counterpart")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("places", "networks", "agreements", "projects", "events", "objectives")
    inlines = (ParticipantInline, CostInline, GiftInline)
    fieldsets = (
        (
            _("Content"),
            {"fields": ("direction", "title", "slug", ("starts_on", "ends_on"), "places")},
        ),
        (_("Purpose"), {"fields": ("purpose_category", "purpose", "counterpart")}),
        (_("Outcome"), {"fields": ("outcome", "report")}),
        (
            _("Costs"),
            {
                "fields": ("costs_final", "costs_final_on"),
                "description": _(
                    "The costs (below) are published only when an Administrator marks them "
                    "final, after the visit has ended, and within %(days)d days of its end."
                )
                % {"days": settings.VISITS_COSTS_PUBLIC_WITHIN_DAYS},
            },
        ),
        (
            _("What it served"),
            {"fields": ("networks", "agreements", "projects", "events", "objectives")},
        ),
        PUBLICATION_FIELDSET,
        (
            _("History"),
            {"fields": ("created_at", "updated_at", "version"), "classes": ("collapse",)},
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        readonly = (*super().get_readonly_fields(request, obj), "costs_final_on")
        return readonly if can_publish_costs(request) else (*readonly, "costs_final")

    def save_model(self, request, obj, form, change):
        if not can_publish_costs(request):
            # Whatever was posted: the flag keeps its stored value (False for a new visit).
            stored = Visit.objects.filter(pk=obj.pk).values_list("costs_final", flat=True)
            obj.costs_final = bool(change and stored and stored[0])
        super().save_model(request, obj, form, change)

    def get_view_on_site_url(self, obj=None):
        if obj is None or not obj.is_published():
            return None
        return super().get_view_on_site_url(obj)
