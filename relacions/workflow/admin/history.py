"""An object's history: its revisions with their comments written out for the reader, and the
comparison of two of them (diff.py)."""

from typing import TYPE_CHECKING

from django.contrib import admin
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from reversion.models import Version

from .. import changes, diff

if TYPE_CHECKING:
    # For the type checker only: the admin this mixin is written for (Python's method order stays
    # as WorkflowAdmin lists its bases).
    from reversion.admin import VersionAdmin as _Admin
else:
    _Admin = object


class HistoryMixin(_Admin):
    """VersionAdmin mixin: the history's list and the comparison of two revisions."""

    def history_hidden_fields(self, request) -> tuple[str, ...]:
        """Fields this user may not see, left out of the comparison of revisions."""
        return ()

    def history_view(self, request, object_id, extra_context=None):
        # VersionAdmin's list, with each version's id for the comparison form.
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        opts = self.opts
        versions = (
            Version.objects.get_for_object_reference(self.model, unquote(object_id))
            .select_related("revision__user")
            .order_by(*self.get_version_ordering(request))
        )
        action_list = [
            {
                "revision": version.revision,
                "comment": changes.describe(version.revision.comment, self.model, request),
                "version_id": version.pk,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(version.object_id), version.pk),
                ),
            }
            for version in versions
        ]
        context = {"action_list": action_list, **(extra_context or {})}
        return admin.ModelAdmin.history_view(self, request, object_id, context)

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            old = versions.get(pk=int(request.GET.get("from", "")))
            new = versions.get(pk=int(request.GET.get("to", "")))
        except (ValueError, Version.DoesNotExist) as error:
            raise Http404("Choose two revisions of this object.") from error
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        opts = self.opts
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Changes to %(object)s") % {"object": obj},
            "subtitle": None,
            "opts": opts,
            "object": obj,
            "object_id": quote(obj.pk),
            "old": old,
            "new": new,
            "changes": diff.compare(
                self.model,
                old.field_dict,
                new.field_dict,
                hidden=self.history_hidden_fields(request),
            ),
            "restore_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                args=(quote(obj.pk), old.pk),
            ),
            "history_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_history",
                args=(quote(obj.pk),),
            ),
            "has_change_permission": self.has_change_permission(request, obj),
        }
        return TemplateResponse(request, "admin/workflow/compare.html", context)
