from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from relacions.core.admin import PUBLICATION_FIELDSET, PublishableAdmin
from relacions.workflow.admin import TranslatedWorkflowAdmin

from .models import Page, SiteSettings


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = ("title", "key", "state_badge", "show_in_menu", "menu_order", "updated_at")
    list_filter = ("status", "show_in_menu", "key")
    list_select_related = ("parent",)
    search_fields = ("title", "summary")
    prepopulated_fields = {"slug": ("title",)}
    fieldsets = (
        (_("Content"), {"fields": ("title", "slug", "summary", "body")}),
        PUBLICATION_FIELDSET,
        (_("Place on the site"), {"fields": ("key", "parent", "show_in_menu", "menu_order")}),
        (_("History"), {"fields": ("created_at", "updated_at", "version"), "classes": ("collapse",)}),
    )


@admin.register(SiteSettings)
class SiteSettingsAdmin(TranslatedWorkflowAdmin):
    fieldsets = (
        (_("Office"), {"fields": ("office_name", "mission_intro")}),
        (_("Contact"), {"fields": ("address", "email", "phone", "website")}),
        (_("Social networks"), {"fields": ("x_url", "facebook_url", "instagram_url", "linkedin_url", "youtube_url")}),
    )

    def has_add_permission(self, request):
        return not SiteSettings.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False
