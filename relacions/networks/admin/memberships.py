"""Admin of the memberships: their fees, the change of category, the private document, the CSV
exports, the fee totals and the renewal reminders sent.

A membership's fees, contacts, document and notes need `networks.view_membership_internals`
(Network administrators and Administrators have it): without it they are left out of the form,
the list, the exports and the totals, not merely made read-only.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.admin_messages import GenderedMessagesMixin
from relacions.core.catalan import elide_if_catalan
from relacions.core.listlookups import OfferedLookupsOnly
from relacions.core.money import EuroField, EuroInput, euros
from relacions.core.translated import localized_names
from relacions.workflow.admin.base import WorkflowAdmin

from .. import exports
from ..models import Membership, MembershipFee, RenewalReminder
from ..services import membership_change_category
from .common import RENEWAL_WINDOW_DAYS, can_see_internals
from .forms import ChangeCategoryForm, MembershipFeeForm, PrivateDocumentWidget, add_errors


class RenewalDueFilter(admin.SimpleListFilter):
    title = _("renewal")
    parameter_name = "renewal"

    def lookups(self, request, model_admin):
        return (("due", _("Due within %(days)d days") % {"days": RENEWAL_WINDOW_DAYS}),)

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.renewal_due(within_days=RENEWAL_WINDOW_DAYS)
        return queryset


class MembershipFeeInline(admin.TabularInline):
    model = MembershipFee
    form = MembershipFeeForm
    fields = ("year", "amount", "budget_line", "note")
    extra = 0
    # Amounts written as in the list and the totals (relacions.core.money).
    formfield_overrides = {models.DecimalField: {"form_class": EuroField, "widget": EuroInput}}


def _short_date_column(field: str):
    """A list column showing the date `field` in the short form (04/12/2026 in Catalan)."""

    @admin.display(description=Membership._meta.get_field(field).verbose_name, ordering=field)
    def column(model_admin, obj: Membership) -> str:
        value = getattr(obj, field)
        return date_format(value, "SHORT_DATE_FORMAT") if value else "—"

    return column


@admin.register(Membership)
class MembershipAdmin(WorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The membership")

    # What fits a laptop's 1280 px beside the menu and the filters: the member entity (nearly
    # always the City Council) is in the form and the search, dates are short.
    list_display = (
        "network",
        "category",
        "status",
        "since_column",
        "until_column",
        "renewal_date_column",
        "this_year_fee",
    )
    list_display_links = ("network",)
    list_filter = ("status", RenewalDueFilter, "category", "network")
    list_select_related = ("network",)
    search_fields = (*localized_names("network__name"), "member_entity")
    autocomplete_fields = ("network", "objectives")
    inlines = (MembershipFeeInline,)
    actions = ("export_memberships", "export_fees")
    readonly_fields = ("created_at", "updated_at", "document_link")
    change_list_template = "admin/networks/membership/change_list.html"
    change_form_template = "admin/networks/membership/change_form.html"
    internal_fieldset = (
        _("Internal (never public)"),
        {"fields": ("internal_contact", "political_representative", "document", "notes")},
    )
    fieldsets = (
        (
            None,
            {
                "fields": ("network", "member_entity", "category", "status", "voting_rights"),
                # How to change the category is said beside the button, to those who have it
                # (admin/networks/membership/change_form.html).
            },
        ),
        (_("Dates"), {"fields": ("since", "until", "renewal_date")}),
        (_("Pla de Mandat"), {"fields": ("objectives",)}),
        internal_fieldset,
        (_("History"), {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )

    # Internals are part of the page only for users allowed to see them.

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not can_see_internals(request):
            return [fieldset for fieldset in fieldsets if fieldset[0] != self.internal_fieldset[0]]
        if obj is not None and obj.document and not self.has_change_permission(request, obj):
            # Read-only display would link the file's URL, which does not exist.
            return [
                (name, {**options, "fields": _swap(options["fields"], "document", "document_link")})
                for name, options in fieldsets
            ]
        return fieldsets

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        # A change of category is a new row (see "Change category"), never an overwrite.
        return (*readonly, "category") if obj is not None else readonly

    def get_list_display(self, request):
        display = super().get_list_display(request)
        return (
            display
            if can_see_internals(request)
            else tuple(c for c in display if c != "this_year_fee")
        )

    def get_inlines(self, request, obj):
        return self.inlines if can_see_internals(request) else ()

    def has_export_permission(self, request) -> bool:
        return can_see_internals(request)

    def history_hidden_fields(self, request) -> tuple[str, ...]:
        # Revisions and change messages hold the whole row and its fees: the history, the
        # comparison, the audit log and the dashboard leave them out too (workflow.changes).
        if can_see_internals(request):
            return ()
        # The document's uploaded name is as internal as the document.
        return (*self.internal_fieldset[1]["fields"], "document_name", "fees")

    def get_search_results(self, request, queryset, search_term):
        match = request.resolver_match
        if match and match.url_name == "autocomplete" and not can_see_internals(request):
            # No form of an Editor's picks a membership: the pop-up search is not theirs to ask.
            raise PermissionDenied
        return super().get_search_results(request, queryset, search_term)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        if not can_see_internals(request):
            # A fee's name is its amount: the confirmation names the membership, not its fees.
            fees = str(MembershipFee._meta.verbose_name_plural)
            deleted = _without_fees(deleted)
            counts = {name: count for name, count in counts.items() if str(name) != fees}
        return deleted, counts, perms_needed, protected

    def get_queryset(self, request):
        return super().get_queryset(request).with_fee_for(timezone.localdate().year)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if "document" in form.base_fields and obj is not None:
            widget = PrivateDocumentWidget()
            widget.download_url = reverse("admin:networks_membership_document", args=(obj.pk,))
            widget.document_name = obj.document_download_name()
            form.base_fields["document"].widget = widget
        return form

    since_column = _short_date_column("since")
    until_column = _short_date_column("until")
    renewal_date_column = _short_date_column("renewal_date")

    @admin.display(description=_("this year's fee"), ordering="year_fee")
    def this_year_fee(self, obj: Membership) -> str:
        return euros(obj.year_fee)

    @admin.display(description=_("document"))
    def document_link(self, obj: Membership):
        if not obj.document:
            return "—"
        url = reverse("admin:networks_membership_document", args=(obj.pk,))
        return format_html('<a href="{}">{}</a>', url, _("Download the PDF"))

    # Extra views: change of category, the private document, CSV exports, fee totals.

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/change-category/",
                view(self.change_category_view),
                name="networks_membership_change_category",
            ),
            path(
                "<int:pk>/document/", view(self.document_view), name="networks_membership_document"
            ),
            path(
                "export/memberships.csv",
                view(self.export_memberships_view),
                name="networks_membership_export",
            ),
            path(
                "export/fees.csv",
                view(self.export_fees_view),
                name="networks_membership_export_fees",
            ),
            *super().get_urls(),
        ]

    def change_category_view(self, request, pk: int):
        membership = get_object_or_404(Membership.objects.select_related("network"), pk=pk)
        if not self.has_change_permission(request, membership):
            raise PermissionDenied
        form = ChangeCategoryForm(request.POST or None, initial={"since": timezone.localdate()})
        if request.method == "POST" and form.is_valid():
            try:
                successor = membership_change_category(
                    membership=membership,
                    category=form.cleaned_data["category"],
                    since=form.cleaned_data["since"],
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                self.log_change(request, membership, [{"changed": {"fields": ["until", "status"]}}])
                self.log_addition(request, successor, [{"added": {}}])
                self.message_user(
                    request,
                    _(
                        "The membership continues as “%(category)s” from %(date)s; "
                        "the previous row is kept as history."
                    )
                    % {
                        "category": successor.get_category_display(),
                        "date": date_format(successor.since),
                    },
                    messages.SUCCESS,
                )
                return redirect("admin:networks_membership_change", successor.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": elide_if_catalan(
                _("Change the category of %(membership)s") % {"membership": membership}
            ),
            "opts": self.opts,
            "original": membership,
            "form": form,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/networks/membership/change_category.html", context)

    def document_view(self, request, pk: int):
        membership = get_object_or_404(Membership, pk=pk)
        if not (self.has_view_permission(request, membership) and can_see_internals(request)):
            raise PermissionDenied
        if not membership.document or not membership.document.storage.exists(
            membership.document.name
        ):
            raise Http404
        return FileResponse(
            membership.document.open("rb"),
            as_attachment=True,
            # Sent as RFC 6266 asks (filename*=utf-8'' for names that are not plain ASCII).
            filename=membership.document_download_name(),
            content_type="application/pdf",
        )

    def _filtered(self, request):
        if not (self.has_view_permission(request) and can_see_internals(request)):
            raise PermissionDenied
        return self.get_changelist_instance(request).queryset

    def export_memberships_view(self, request):
        return exports.memberships_csv(self._filtered(request))

    def export_fees_view(self, request):
        return exports.fees_csv(self._filtered(request))

    @admin.action(description=_("Export the selected memberships (CSV)"), permissions=("export",))
    def export_memberships(self, request, queryset):
        return exports.memberships_csv(queryset)

    @admin.action(
        description=_("Export the fees of the selected memberships (CSV)"), permissions=("export",)
    )
    def export_fees(self, request, queryset):
        return exports.fees_csv(queryset)

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if context and "cl" in context and can_see_internals(request):
            memberships = context["cl"].queryset.order_by().values("pk")
            context["fee_totals"] = MembershipFee.objects.filter(
                membership__in=memberships
            ).totals_per_year()
            context["can_export"] = True
        return response


def _without_fees(deleted: list) -> list:
    """The delete confirmation's nested list of "Name: object" entries, without the fees."""
    prefix = f"{capfirst(MembershipFee._meta.verbose_name)}: "
    return [
        _without_fees(item) if isinstance(item, list) else item
        for item in deleted
        if isinstance(item, list) or not str(item).startswith(prefix)
    ]


def _swap(fields, old: str, new: str) -> tuple:
    return tuple(new if field == old else field for field in fields)


@admin.register(RenewalReminder)
class RenewalReminderAdmin(OfferedLookupsOnly, GenderedMessagesMixin, admin.ModelAdmin):
    """What the reminder command has sent: read-only."""

    message_subject = pgettext_lazy("admin message subject", "The renewal reminder")

    list_display = ("membership", "renewal_date", "sent_at", "recipients")
    list_select_related = ("membership__network",)
    date_hierarchy = "sent_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
