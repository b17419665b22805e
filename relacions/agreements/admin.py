"""Admin of the agreements: for Administrators (they are legal records); Editors read them.

Partners, amendments, documents and the yearly reviews are edited on the agreement's page.
Amendments are added, never changed or removed, so the history stays whole."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.admin import TranslationTabularInline

from relacions.core.translated import localized_names
from relacions.workflow.admin.base import TranslatedWorkflowAdmin
from relacions.workflow.publication_admin import PUBLICATION_FIELDSET, PublishableAdmin

from .models import Agreement, Amendment, CooperationArea, Document, Partner, Review
from .querysets import RENEWAL_WINDOW_DAYS


class EndingSoonFilter(admin.SimpleListFilter):
    title = _("end or renewal")
    parameter_name = "ending"

    def lookups(self, request, model_admin):
        return (("soon", _("Within %(days)d days") % {"days": RENEWAL_WINDOW_DAYS}),)

    def queryset(self, request, queryset):
        if self.value() == "soon":
            return queryset.ending_within(RENEWAL_WINDOW_DAYS)
        return queryset


class PartnerInline(TranslationTabularInline):
    model = Partner
    fields = ("organisation", "place", "order")
    autocomplete_fields = ("place",)
    extra = 0


class AmendmentFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.forms:
            if form.instance.pk and form.has_changed():
                raise ValidationError(
                    _(
                        "An amendment that has been saved is never changed: add a new one "
                        "that records the correction."
                    ),
                    code="amendment_changed",
                )


class AmendmentInline(TranslationTabularInline):
    model = Amendment
    formset = AmendmentFormSet
    fields = ("date", "kind", "description", "new_end_date")
    extra = 0
    can_delete = False


class DocumentInline(TranslationTabularInline):
    model = Document
    fields = ("kind", "title", "file", "url", "order")
    extra = 0


class ReviewInline(admin.StackedInline):
    model = Review
    fields = (
        "year",
        "objectives_met",
        "activities",
        "citizen_involvement",
        "results",
        "difficulties",
        "next_steps",
        "continue_link",
    )
    extra = 0
    classes = ("collapse",)
    verbose_name_plural = _("yearly reviews (internal; the questions of CEMR's twinning handbook)")


@admin.register(Agreement)
class AgreementAdmin(PublishableAdmin):
    message_subject = pgettext_lazy("admin message subject", "The agreement")
    list_display = (
        "title",
        "kind",
        "agreement_status",
        "signed_on",
        "ends_on",
        "state_badge",
    )
    list_filter = ("kind", "agreement_status", "status", EndingSoonFilter)
    search_fields = localized_names("title")
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = ("areas", "news_items", "events", "networks", "objectives")
    inlines = (PartnerInline, AmendmentInline, DocumentInline, ReviewInline)
    fieldsets = (
        (_("Content"), {"fields": ("kind", "title", "slug", "object")}),
        (
            _("Dates and term"),
            {"fields": (("approved_on", "signed_on"), ("in_force_on", "ends_on"), "term")},
        ),
        (
            _("Obligations"),
            {
                "fields": (
                    "signatories",
                    "rights_and_obligations",
                    "economic_obligations",
                    ("amount", "paid_by"),
                )
            },
        ),
        (
            _("Status"),
            {"fields": ("agreement_status", "status_changed_on", "status_reason", "gazette_url")},
        ),
        (_("Relations"), {"fields": ("areas", "news_items", "events", "networks", "objectives")}),
        PUBLICATION_FIELDSET,
        (
            _("History"),
            {"fields": ("created_at", "updated_at", "version"), "classes": ("collapse",)},
        ),
    )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # An extension moves the agreement's end: the page and the renewal filter follow it.
        agreement = form.instance
        end = agreement.extended_end()
        if end and end != agreement.ends_on:
            agreement.ends_on = end
            agreement.save(update_fields=["ends_on", "version", "updated_at"])

    def get_view_on_site_url(self, obj=None):
        if obj is None or not obj.is_published():
            return None
        return super().get_view_on_site_url(obj)


@admin.register(CooperationArea)
class CooperationAreaAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The area of cooperation")
    list_display = ("name", "order")
    search_fields = localized_names("name")
