"""Admin of the projects: Editors write projects, their partners and results; Administrators
manage the code lists (programmes, themes, departments), which Editors only read.

The projects' list has an import and an export of the whole register as one spreadsheet
(imports.py): a preview with each row's errors first, and nothing saved unless every row
validates."""

import reversion
from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import F
from django.db.models.functions import Coalesce
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin
from import_export.forms import ExportForm
from import_export.results import RowResult
from modeltranslation.admin import TranslationTabularInline

from relacions.core.translated import localized_names
from relacions.workflow.admin.base import TranslatedWorkflowAdmin
from relacions.workflow.publication_admin import PUBLICATION_FIELDSET, PublishableAdmin

from .imports import FORMATS, ImportFileStorage, ProjectResource
from .models import Department, Partner, Programme, Project, Result, Theme, check_coordination


def _percent(rate) -> str:
    return "—" if rate is None else f"{number_format(rate, 2)} %"


class ProgrammeFilter(admin.RelatedFieldListFilter):
    """The programmes by their full names, strands after their programme, in one query."""

    def field_choices(self, field, request, model_admin):
        ordering = self.field_admin_ordering(field, request, model_admin)
        programmes = Programme.objects.select_related("parent").order_by(*ordering)
        return [(programme.pk, programme.full_name()) for programme in programmes]


class PartnerFormSet(forms.BaseInlineFormSet):
    """One coordinator per project, the city or a partner (models.check_coordination). The
    city's role is the main form's: Django has put the posted value on `self.instance` before it
    builds the inlines, so the error shows above the partners and nothing is saved."""

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        roles = [
            form.cleaned_data["role"]
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("role")
            and (form.instance.pk or form.has_changed())
        ]
        errors = check_coordination(self.instance.city_role, roles)
        if errors:
            raise ValidationError(errors)


class PartnerInline(admin.TabularInline):
    model = Partner
    formset = PartnerFormSet
    fields = ("organisation", "kind", "place", "role", "participant_code", "order")
    autocomplete_fields = ("place",)
    extra = 0


class ResultInline(TranslationTabularInline):
    model = Result
    fields = ("title", "date", "file", "url", "order")
    extra = 0


@admin.register(Project)
class ProjectAdmin(ImportExportMixin, PublishableAdmin):
    message_subject = pgettext_lazy("admin message subject", "The project")
    list_display = (
        "acronym",
        "title",
        "programme",
        "city_role",
        "project_status",
        "starts_on",
        "ends_on",
        "state_badge",
    )
    list_display_links = ("acronym", "title")
    list_filter = (
        "project_status",
        "city_role",
        ("programme", ProgrammeFilter),
        "themes",
        "status",
    )
    list_select_related = ("programme__parent",)
    search_fields = ("acronym", "grant_agreement_number", *localized_names("title"))
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("objectives", "networks", "agreements", "news_items", "events")
    filter_horizontal = ("themes",)
    inlines = (PartnerInline, ResultInline)
    readonly_fields = (*PublishableAdmin.readonly_fields, "co_financing", "city_co_financing")
    fieldsets = (
        (_("Content"), {"fields": ("acronym", "title", "slug", "summary", "description")}),
        (
            _("Programme and grant"),
            {
                "fields": (
                    "programme",
                    ("call_identifier", "grant_agreement_number"),
                    ("city_role", "project_status"),
                    ("starts_on", "ends_on"),
                )
            },
        ),
        (
            _("Money (euros)"),
            {
                "fields": (
                    ("total_cost", "eu_contribution", "co_financing"),
                    ("city_budget", "city_eu_contribution", "city_co_financing"),
                ),
                "description": _("The co-financing rates are computed when the project is saved."),
            },
        ),
        (_("Themes and responsibility"), {"fields": ("themes", "department", "website")}),
        (
            _("Relations"),
            {"fields": ("objectives", "networks", "agreements", "news_items", "events")},
        ),
        PUBLICATION_FIELDSET,
        (
            _("History"),
            {"fields": ("created_at", "updated_at", "version"), "classes": ("collapse",)},
        ),
    )

    # Import and export (imports.py).
    resource_classes = (ProjectResource,)
    import_formats = FORMATS
    export_formats = FORMATS
    export_form_class = ExportForm  # every column, always: the file must import back whole
    tmp_storage_class = ImportFileStorage
    import_template_name = "admin/projects/project/import.html"
    import_error_display = ("message",)

    @admin.display(description=_("EU co-financing rate"))
    def co_financing(self, project: Project) -> str:
        return _percent(project.co_financing_rate())

    @admin.display(description=_("EU co-financing rate of the city's budget"))
    def city_co_financing(self, project: Project) -> str:
        return _percent(project.city_co_financing_rate())

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "programme":
            # Named "Interreg › Interreg Europe": each choice reads its programme.
            ordering = self.admin_site.get_model_admin(Programme).get_ordering(request)
            kwargs["queryset"] = Programme.objects.select_related("parent").order_by(*ordering)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_view_on_site_url(self, obj=None):
        if obj is None or not obj.is_published():
            return None
        return super().get_view_on_site_url(obj)

    def get_export_queryset(self, request):
        # The list's filters and search, with what each row reads.
        return ProjectResource.for_export(super().get_export_queryset(request))

    def has_import_permission(self, request):
        # An import adds and changes projects.
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_or_change_permission(request)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs.pop("request", None)
        # One invalid row and the whole file is rolled back, at the preview and at the import.
        return {**kwargs, "rollback_on_validation_errors": True}

    def process_import(self, request, **kwargs):
        try:
            return super().process_import(request, **kwargs)
        except ValueError as error:
            # The file is gone (or the form was forged): ImportFileStorage says so.
            messages.error(request, str(error))
            return HttpResponseRedirect(reverse("admin:projects_project_import"))

    def process_dataset(self, dataset, form, request, **kwargs):
        """The confirmed import, as one revision by the user; if a row fails now (the data
        changed since the preview), nothing is saved and no revision written."""
        try:
            with reversion.create_revision():
                reversion.set_user(request.user)
                reversion.set_comment(self._import_note(form))
                result = super().process_dataset(dataset, form, request, **kwargs)
                if result.has_errors() or result.has_validation_errors():
                    raise _ImportRefused(result)
        except _ImportRefused as refused:
            return refused.result
        return result

    def _import_note(self, form) -> str:
        name = form.cleaned_data.get("original_file_name", "")
        return gettext("Imported from the file %(file)s.") % {"file": name}

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            messages.error(
                request,
                gettext(
                    "Nothing was imported: the data changed since the preview. Upload the file "
                    "again to see what is wrong."
                ),
            )
            return HttpResponseRedirect(reverse("admin:projects_project_import"))
        return super().process_result(result, request)

    def generate_log_entries(self, result, request):
        # The audit log, as a save in the admin writes it (the library writes English text).
        for row in result.rows:
            if row.import_type == RowResult.IMPORT_TYPE_NEW:
                self.log_addition(request, row.instance, [{"added": {}}])
            elif row.import_type == RowResult.IMPORT_TYPE_UPDATE:
                self.log_change(request, row.instance, [{"changed": {"fields": []}}])

    def add_success_message(self, result, request):
        totals = result.totals
        messages.success(
            request,
            gettext("Import finished: %(new)d added, %(updated)d updated, %(skipped)d unchanged.")
            % {
                "new": totals[RowResult.IMPORT_TYPE_NEW],
                "updated": totals[RowResult.IMPORT_TYPE_UPDATE],
                "skipped": totals[RowResult.IMPORT_TYPE_SKIP],
            },
        )


class _ImportRefused(Exception):
    def __init__(self, result):
        super().__init__("import refused")
        self.result = result


# The code lists: Administrators edit them (every permission); Editors read them.


@admin.register(Programme)
class ProgrammeAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The programme")
    list_display = ("full_name_column", "eu_funded", "current", "order")
    list_filter = ("current", "eu_funded")
    list_select_related = ("parent",)
    search_fields = localized_names("name")
    autocomplete_fields = ("parent",)

    def get_ordering(self, request):
        # Each strand right after its programme: the programme's order and id, the programme
        # itself, then its strands. Also the order of the project form's list of programmes.
        return (
            Coalesce("parent__order", "order"),
            Coalesce("parent_id", "id"),
            F("parent_id").asc(nulls_first=True),
            "order",
            "pk",
        )

    @admin.display(description=_("name"))
    def full_name_column(self, programme: Programme) -> str:
        return programme.full_name()


@admin.register(Theme)
class ThemeAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The theme")
    list_display = ("name", "order")
    search_fields = localized_names("name")


@admin.register(Department)
class DepartmentAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The department")
    list_display = ("name",)
    search_fields = localized_names("name")
