from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.workflow.admin.base import WorkflowAdmin

from .models import ALLOW_EXTERNAL_PERMISSION, Redirect


@admin.register(Redirect)
class RedirectAdmin(WorkflowAdmin):
    message_subject = pgettext_lazy("admin message subject", "The redirect")
    list_display = ("old_path", "new_path", "kind", "allow_external", "hits", "last_used_at")
    list_filter = ("kind", "allow_external")
    search_fields = ("old_path", "new_path", "note")
    readonly_fields = ("hits", "last_used_at", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("old_path", "new_path", "kind", "allow_external", "note")}),
        (_("Use"), {"fields": ("hits", "last_used_at", "created_at", "updated_at")}),
    )

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if request.user.has_perm(ALLOW_EXTERNAL_PERMISSION):
            return readonly
        if obj is not None and obj.allow_external:
            # An Administrator allowed another site for this row: only they change where it goes.
            return (*readonly, "allow_external", "new_path")
        return (*readonly, "allow_external")
