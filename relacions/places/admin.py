from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from modeltranslation.utils import build_localized_fieldname

from relacions.core.widgets import SearchableSelect
from relacions.workflow.admin.base import TranslatedWorkflowAdmin

from .models import Place


@admin.register(Place)
class PlaceAdmin(TranslatedWorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The place")
    list_display = ("name", "kind", "country", "latitude", "longitude", "wikidata_id")
    list_filter = ("kind", "country")
    search_fields = tuple(
        build_localized_fieldname("name", language) for language, _name in settings.LANGUAGES
    )
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "slug", "kind", "country")}),
        (
            _("Location"),
            {
                "fields": (("latitude", "longitude"), "wikidata_id", "nuts_code"),
                "description": _(
                    "Coordinates in decimal degrees (WGS 84), as Wikidata gives them."
                ),
            },
        ),
        (_("History"), {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Fields with choices skip formfield_overrides, so the country's widget is set here.
        if isinstance(db_field, CountryField):
            kwargs["widget"] = SearchableSelect
        return super().formfield_for_dbfield(db_field, request, **kwargs)
