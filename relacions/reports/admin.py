"""Admin of the yearly reports: Editors write the narrative and the press review; the figures
page previews the year's figures as they would be published, lists what the records lack, and
lets an Administrator (permission `reports.publish_yearreport`, checked on the server) publish
them: a new edition, frozen. Editions are never edited: they have no admin of their own."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from relacions.core.declaration import report_areas
from relacions.workflow.admin.base import TranslatedWorkflowAdmin

from . import checks, figures
from .models import PUBLISH_PERMISSION, AreaText, Clipping, YearReport, year_has_ended
from .publishing import CannotPublish, publish


class AreaTextForm(forms.ModelForm):
    area = forms.ChoiceField(label=_("area"), choices=())

    class Meta:
        model = AreaText
        fields = ("area", "text")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [(a.key, a.label) for a in report_areas()]


class AreaTextInline(TranslationStackedInline):
    model = AreaText
    form = AreaTextForm
    extra = 0
    show_change_link = True
    # The report's own "View on site" is enough: one small link per row, not two side by side.
    view_on_site = False


@admin.register(AreaText)
class AreaTextAdmin(TranslatedWorkflowAdmin):
    """One area's text on its own page (the report's inline links to it), with its history; not
    on the admin's index: the texts are found through their report."""

    message_subject = pgettext_lazy("admin message subject", "The text on the area")
    form = AreaTextForm
    fields = ("report", "area", "text")
    readonly_fields = ("report",)

    def has_module_permission(self, request):
        return False

    def has_add_permission(self, request):
        return False


class ClippingInline(admin.TabularInline):
    model = Clipping
    fields = ("published_on", "outlet", "title", "url", "language")
    extra = 0


class PublishForm(forms.Form):
    """Why the figures are published again (required from the second edition on)."""

    def __init__(self, *args, required: bool, **kwargs):
        super().__init__(*args, **kwargs)
        for language, name in settings.LANGUAGES:
            self.fields[f"reason_{language}"] = forms.CharField(
                label=gettext("Reason (%(language)s)") % {"language": gettext(name)},
                max_length=300,
                required=required,
            )

    def reasons(self) -> dict[str, str]:
        return {
            language: self.cleaned_data[f"reason_{language}"]
            for language, _name in settings.LANGUAGES
        }


@admin.register(YearReport)
class YearReportAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The report")
    list_display = ("year", "edition_count", "last_published", "figures_link")
    inlines = (AreaTextInline, ClippingInline)
    fieldsets = (
        (None, {"fields": ("year", "figures_link")}),
        (_("Narrative"), {"fields": ("introduction", "highlights")}),
        (_("Editions"), {"fields": ("editions_table",)}),
    )
    readonly_fields = ("figures_link", "editions_table")

    def get_readonly_fields(self, request, obj=None):
        # A published report's year is what its frozen figures are of.
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None and obj.editions.exists():
            return (*readonly, "year")
        return readonly

    def has_delete_permission(self, request, obj=None):
        # What has been published stays published: its editions are the public record.
        if obj is not None and obj.editions.exists():
            return False
        return super().has_delete_permission(request, obj)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(_editions=Count("editions"), _last=Max("editions__computed_at"))
        )

    @admin.display(description=_("editions"), ordering="_editions")
    def edition_count(self, obj):
        return getattr(obj, "_editions", None) or "—"

    @admin.display(description=_("last published"), ordering="_last")
    def last_published(self, obj):
        last = getattr(obj, "_last", None)
        return date_format(timezone.localtime(last), "SHORT_DATETIME_FORMAT") if last else "—"

    @admin.display(description=_("figures"))
    def figures_link(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        url = reverse("admin:reports_yearreport_figures", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, gettext("Preview, check and publish"))

    @admin.display(description=_("editions"))
    def editions_table(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        editions = list(obj.editions.select_related("published_by"))
        if not editions:
            return gettext("Not published yet.")
        items = format_html_join(
            "",
            "<li>{} · {} · {}{}</li>",
            (
                (
                    edition,
                    date_format(timezone.localtime(edition.computed_at), "DATETIME_FORMAT"),
                    edition.published_by or gettext("the demo content"),
                    format_html(" · {}", edition.reason) if edition.reason else "",
                )
                for edition in editions
            ),
        )
        return format_html("<ul>{}</ul>", items)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/figures/",
                self.admin_site.admin_view(self.figures_view),
                name="reports_yearreport_figures",
            ),
            *super().get_urls(),
        ]

    def figures_view(self, request, object_id):
        report = self.get_object(request, unquote(object_id))
        if report is None:
            raise Http404
        if not self.has_view_or_change_permission(request, report):
            raise PermissionDenied
        may_publish = request.user.has_perm(PUBLISH_PERMISSION)
        current = report.editions.first()
        posted = request.POST if request.method == "POST" else None
        form = PublishForm(posted, required=current is not None)
        if request.method == "POST":
            if not may_publish:
                raise PermissionDenied
            if form.is_valid():
                try:
                    edition = publish(report, user=request.user, reason=form.reasons())
                except CannotPublish as error:
                    messages.error(request, str(error))
                else:
                    messages.success(
                        request,
                        gettext("%(edition)s of the report of %(year)s is published.")
                        % {"edition": edition, "year": report.year},
                    )
                    return HttpResponseRedirect(request.path)
        snapshot = figures.snapshot(report.year)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Figures of the report of %(year)s") % {"year": report.year},
            "subtitle": None,
            "opts": self.opts,
            "original": report,
            "report": report,
            "areas": figures.read(snapshot),
            "years": snapshot["years"],
            "current": current,
            "changes": figures.changes(current.figures, snapshot) if current else [],
            "problems": checks.missing_data(report.year),
            "missing_narrative": checks.missing_narrative(report),
            "may_publish": may_publish,
            "year_has_ended": year_has_ended(report.year),
            "form": form,
        }
        return TemplateResponse(request, "admin/reports/yearreport/figures.html", context)
