"""The admin of every Publishable content type: the workflow's admin (revisions, conflicts,
previews) with the publication state, publish / unpublish actions and the delete rule."""

from collections.abc import Callable

from django.contrib import admin, messages
from django.db.models import Q
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from relacions.core.models import Publishable

from .admin.base import TranslatedWorkflowAdmin

PUBLICATION_FIELDSET = (
    _("Publication"),
    {
        "fields": ("status", "publish_at", "unpublish_at"),
        "description": _(
            "Dates and times are in the Europe/Madrid time zone. An item with the status "
            "Published goes online at “publish at” by itself, with no further step."
        ),
    },
)
DELETE_PUBLISHED_PERMISSION = "workflow.delete_published"


class PublicationStateFilter(admin.SimpleListFilter):
    """Where items stand now (draft, scheduled, live, expired): derived from the status and the
    two dates, as the state column shows it. The dashboard's "scheduled" links land here."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Publishable.State.choices

    def queryset(self, request, queryset):
        lookups: dict[str, Callable[[type[Publishable]], Q]] = {
            Publishable.State.DRAFT.value: lambda model: model.draft_q(),
            Publishable.State.SCHEDULED.value: lambda model: model.scheduled_q(),
            Publishable.State.LIVE.value: lambda model: model.published_q(),
            Publishable.State.EXPIRED.value: lambda model: model.expired_q(),
        }
        lookup = lookups.get(self.value() or "")
        return queryset.filter(lookup(queryset.model)) if lookup else queryset


class PublishableAdmin(TranslatedWorkflowAdmin):
    """The admin of every Publishable content type: language tabs, revisions, conflict detection
    and previews (relacions.workflow), the publication state, publish / unpublish actions, and
    deletion of published items only for Administrators."""

    actions = ("publish", "unpublish")
    list_filter = ("status",)
    readonly_fields = ("created_at", "updated_at", "version")

    def get_list_filter(self, request):
        """Every publishable list can be filtered by its state, after the status."""
        filters = list(super().get_list_filter(request))
        if PublicationStateFilter not in filters:
            after = filters.index("status") + 1 if "status" in filters else 0
            filters.insert(after, PublicationStateFilter)
        return filters

    @admin.display(description=_("state"), ordering="status")
    def state_badge(self, obj: Publishable):
        state = obj.publication_state()
        return format_html('<span class="state state--{}">{}</span>', state.value, state.label)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if allowed and obj is not None and not obj.is_draft():
            # Editors may delete drafts only: a published item is unpublished first.
            return request.user.has_perm(DELETE_PUBLISHED_PERMISSION)
        return allowed

    def delete_queryset(self, request, queryset):
        if not request.user.has_perm(DELETE_PUBLISHED_PERMISSION):
            # delete_selected already refuses (per-object permission); this covers other callers.
            queryset = queryset.filter(Publishable.draft_q())
        super().delete_queryset(request, queryset)

    @admin.action(description=_("Publish the selected items"), permissions=("change",))
    def publish(self, request, queryset):
        self._set_status(request, queryset, Publishable.Status.PUBLISHED)

    @admin.action(description=_("Unpublish the selected items"), permissions=("change",))
    def unpublish(self, request, queryset):
        self._set_status(request, queryset, Publishable.Status.DRAFT)

    def _set_status(self, request, queryset, status):
        # Saved one by one: each save raises the version, lands in the changelist's revision
        # (VersionAdmin) and is written to the audit log. Rows changed since the list was loaded
        # never get here (WorkflowAdmin.response_action).
        changed = 0
        for obj in queryset:
            if obj.status != status:
                obj.status = status
                obj.save()
                self.log_change(request, obj, [{"changed": {"fields": ["status"]}}])
                changed += 1
        self.message_user(
            request,
            ngettext("%(count)d item updated.", "%(count)d items updated.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )
