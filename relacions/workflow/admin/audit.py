"""The audit log: who changed what and when, read-only."""

from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.urls import NoReverseMatch
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from relacions.core.listlookups import OfferedLookupsOnly

from .. import changes


@admin.register(LogEntry)
class LogEntryAdmin(OfferedLookupsOnly, admin.ModelAdmin):
    """Who changed what and when: every admin save, action, restore and deletion. Read-only."""

    # The last column, the change itself, is the reader's own: get_list_display().
    list_display = ("action_time", "user", "content_type", "object_link", "action")
    list_filter = (
        "action_flag",
        "user",
        "content_type",
        ("action_time", admin.DateFieldListFilter),
    )
    list_select_related = ("user", "content_type")
    search_fields = ("object_repr", "change_message", "user__username")
    date_hierarchy = "action_time"
    ordering = ("-action_time",)
    list_per_page = 50

    def get_search_fields(self, request):
        # Searching the messages would answer questions about what they leave out for this reader.
        fields = super().get_search_fields(request)
        if changes.hides_anything(request):
            return tuple(field for field in fields if field != "change_message")
        return fields

    def get_list_display(self, request):
        @admin.display(description=_("change"))
        def change(entry: LogEntry) -> str:
            model = entry.content_type.model_class() if entry.content_type else None
            return changes.describe(entry.change_message, model, request)

        return (*self.list_display, change)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("object"), ordering="object_repr")
    def object_link(self, entry: LogEntry):
        if entry.is_deletion():
            return entry.object_repr
        try:
            url = entry.get_admin_url()
        except NoReverseMatch:
            url = None
        return (
            format_html('<a href="{}">{}</a>', url, entry.object_repr) if url else entry.object_repr
        )

    @admin.display(description=_("action"), ordering="action_flag")
    def action(self, entry: LogEntry) -> str | Promise:
        return {1: _("Added"), 2: _("Changed"), 3: _("Deleted")}.get(entry.action_flag, "")
