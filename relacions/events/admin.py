from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from relacions.core.widgets import SearchableSelect
from relacions.images.admin import _img as image_tag
from relacions.workflow.publication_admin import PUBLICATION_FIELDSET, PublishableAdmin

from .models import Event

PREVIEW_WIDTH = 320


class StartYearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates("start", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(start__year=int(value))
        return queryset


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    message_subject = pgettext_lazy("admin message subject", "The event")
    list_display = ("title", "start", "city", "event_status", "state_badge")
    list_filter = (
        "event_status",
        "format",
        "terrassa_role",
        "status",
        StartYearFilter,
    )
    search_fields = (
        "title_ca",
        "title_es",
        "title_en",
        "summary_ca",
        "summary_es",
        "summary_en",
        "venue_ca",
        "city",
    )
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ("title",)}
    autocomplete_fields = (
        "image",
        "networks",
        "forum",
        "working_group",
        "challenge_areas",
        "objectives",
        "location",
    )
    list_select_related = ("image",)
    # The city is derived from the place (Event.save), never typed; the country is chosen from
    # the list, and follows the place when one is chosen.
    readonly_fields = (*PublishableAdmin.readonly_fields, "image_preview", "city")
    fieldsets = (
        (_("Content"), {"fields": ("title", "slug", "summary", "body", "image", "image_preview")}),
        (
            _("When and where"),
            {
                "fields": (
                    ("start", "end"),
                    "all_day",
                    "event_status",
                    "format",
                    "venue",
                    "location",
                    ("city", "country"),
                    "online_url",
                ),
                "description": _("Dates and times are in the Europe/Madrid time zone."),
            },
        ),
        (_("Registration"), {"fields": ("registration_url", "registration_deadline")}),
        (_("Terrassa's part"), {"fields": ("terrassa_role", "outcomes")}),
        (
            _("Relations"),
            {"fields": ("networks", "forum", "working_group", "challenge_areas", "objectives")},
        ),
        PUBLICATION_FIELDSET,
        (
            _("History"),
            {"fields": ("created_at", "updated_at", "version"), "classes": ("collapse",)},
        ),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Fields with choices skip formfield_overrides, so the country's widget is set here.
        if isinstance(db_field, CountryField):
            kwargs["widget"] = SearchableSelect
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("image")

    def get_view_on_site_url(self, obj=None):
        # Only a published event has a public page; a draft has its preview links instead.
        if obj is None or not obj.is_published():
            return None
        return super().get_view_on_site_url(obj)

    @admin.display(description=_("image preview"))
    def image_preview(self, obj: Event):
        if obj.image is None:
            return "—"
        return image_tag(obj.image, PREVIEW_WIDTH, alt=obj.image.alt)
