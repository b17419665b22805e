from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from relacions.workflow.admin import TranslatedWorkflowAdmin
from relacions.workflow.publication_admin import PUBLICATION_FIELDSET, PublishableAdmin

from .models import Axis, Objective, Plan, ProgressUpdate


class AxisInline(TranslationTabularInline):
    model = Axis
    fields = ("number", "title", "order")
    extra = 0
    show_change_link = True


@admin.register(Plan)
class PlanAdmin(PublishableAdmin):
    message_subject = pgettext_lazy("admin message subject", "The plan")
    list_display = ("title", "period", "is_current", "state_badge", "updated_at")
    list_filter = ("status", "is_current")
    search_fields = ("title_ca", "title_es", "title_en")
    prepopulated_fields = {"slug": ("title",)}
    inlines = (AxisInline,)
    fieldsets = (
        (_("Content"), {"fields": ("title", "slug", "summary")}),
        (
            _("The plan"),
            {"fields": ("start_year", "end_year", "approved_on", "document_url", "is_current")},
        ),
        PUBLICATION_FIELDSET,
        (
            _("History"),
            {"fields": ("created_at", "updated_at", "version"), "classes": ("collapse",)},
        ),
    )

    @admin.display(description=_("period"), ordering="start_year")
    def period(self, obj: Plan) -> str:
        return obj.period


class ObjectiveInlineFormSet(BaseInlineFormSet):
    """Codes are unique per plan; the model's clean() sees only the database, so two new rows of
    this form with the same code are caught here instead of by the constraint (a 500)."""

    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            code = form.cleaned_data.get("code")
            if code in seen:
                form.add_error("code", _("Another objective of this plan already uses this code."))
                raise ValidationError(_("Each objective of a plan needs its own code."))
            if code:
                seen.add(code)


class ObjectiveInline(TranslationTabularInline):
    model = Objective
    formset = ObjectiveInlineFormSet
    fields = ("code", "title", "weight", "target_date", "order")
    extra = 0
    show_change_link = True


@admin.register(Axis)
class AxisAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The axis")
    list_display = ("__str__", "plan", "order")
    list_filter = ("plan",)
    list_select_related = ("plan",)
    search_fields = ("title_ca", "title_es", "title_en")
    fields = ("plan", "number", "title", "description", "order")
    inlines = (ObjectiveInline,)

    def get_readonly_fields(self, request, obj=None):
        # Moving an axis to another plan could clash with that plan's objective codes.
        return ("plan",) if obj is not None else ()


class ProgressUpdateInline(TranslationStackedInline):
    model = ProgressUpdate
    fields = (("date", "status", "progress", "is_public"), "note")
    ordering = ("-date", "-pk")
    extra = 1


@admin.register(Objective)
class ObjectiveAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The objective")
    list_display = ("code", "title", "axis", "weight", "status", "progress")
    list_display_links = ("code", "title")
    list_filter = ("plan", "axis")
    list_select_related = ("axis", "plan")
    search_fields = ("code", "title_ca", "title_es", "title_en")
    fields = ("axis", "code", "title", "description", "weight", "target_date", "order")
    inlines = (ProgressUpdateInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).with_progress()

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "axis":
            # Axes of different plans share numbers: name the plan too.
            field.queryset = field.queryset.select_related("plan")
            field.label_from_instance = lambda axis: f"{axis.plan} · {axis}"
        return field

    @admin.display(description=_("status"), ordering="current_status")
    def status(self, obj: Objective) -> str:
        return obj.status_label

    @admin.display(description=_("progress (%)"), ordering="current_progress")
    def progress(self, obj: Objective) -> int:
        return obj.current_progress
