"""Admin pieces shared by every content type."""

from django.contrib import admin, messages
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Publishable

PUBLICATION_FIELDSET = (
    _("Publication"),
    {
        "fields": ("status", "publish_at", "unpublish_at"),
        "description": _("Dates and times are in the Europe/Madrid time zone."),
    },
)


class PublishableAdmin(TabbedTranslationAdmin):
    """Tabbed translation admin with the publication state, and publish / unpublish actions."""

    actions = ("publish", "unpublish")
    list_filter = ("status",)
    readonly_fields = ("created_at", "updated_at", "version")

    @admin.display(description=_("state"), ordering="status")
    def state_badge(self, obj: Publishable):
        state = obj.publication_state()
        return format_html('<span class="state state--{}">{}</span>', state.value, state.label)

    @admin.action(description=_("Publish the selected items"), permissions=("change",))
    def publish(self, request, queryset):
        self._set_status(request, queryset, Publishable.Status.PUBLISHED)

    @admin.action(description=_("Unpublish the selected items"), permissions=("change",))
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, Publishable.Status.DRAFT)

    def _set_status(self, request, queryset, status):
        changed = 0
        for obj in queryset:
            if obj.status != status:
                obj.status = status
                obj.save()
                self.log_change(request, obj, [{"changed": {"fields": ["status"]}}])
                changed += 1
        self.message_user(
            request,
            ngettext("%(count)d item updated.", "%(count)d items updated.", changed) % {"count": changed},
            messages.SUCCESS,
        )
