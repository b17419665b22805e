"""Edits made on a stale copy are refused: the change form and the list edit compare the version
each row had when the page was loaded (forms.guarded), and an action on rows changed since the
list was loaded is refused as a whole."""

from typing import TYPE_CHECKING

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.utils.translation import gettext

from .. import conflicts
from ..forms import guarded

if TYPE_CHECKING:
    # For the type checker only: the admin this mixin is written for (Python's method order stays
    # as WorkflowAdmin lists its bases).
    from reversion.admin import VersionAdmin as _Admin
else:
    _Admin = object


def is_delete_confirmation(request) -> bool:
    """The second step of "Delete selected": Django's confirmation page does not carry the list's
    versions; the first step, sent from the list, was checked."""
    return request.POST.get("action") == "delete_selected" and "post" in request.POST


class StaleEditsRefusedMixin(_Admin):
    """ModelAdmin mixin: conflict detection on the change form, the list edit and the actions."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if "fields" in kwargs and kwargs["fields"] is None:
            # Django's get_fields() asking which fields the model form has: only the model's.
            return form
        return guarded(
            form,
            change_form=True,
            loaded_token_override=getattr(request, "workflow_loaded_token", None),
        )

    def get_changelist_form(self, request, **kwargs):
        form = super().get_changelist_form(request, **kwargs)
        tokens = conflicts.loaded_tokens(request.POST) if request.method == "POST" else None
        return guarded(form, change_form=False, loaded_tokens=tokens)

    def loaded_versions(self, objects) -> str:
        """The changelist's hidden `_loaded_versions` value for the rows it shows."""
        return conflicts.dump_tokens(conflicts.tokens_of(self.model, objects))

    # Actions on rows changed since the list was loaded are refused as a whole.

    def response_action(self, request, queryset, action_location=admin.ActionLocation.CHANGE_LIST):
        if not is_delete_confirmation(request):
            loaded = conflicts.loaded_tokens(request.POST) or {}
            selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
            current = conflicts.locked_tokens(self.model, self._valid_pks(selected))
            # A row whose version was not sent (or no map at all) counts as changed.
            stale = [pk for pk in selected if pk not in loaded or current.get(pk) != loaded[pk]]
            if stale:
                self._report_stale(request, [pk for pk in stale if pk in loaded])
                return HttpResponseRedirect(request.get_full_path())
        return super().response_action(request, queryset, action_location)

    def _valid_pks(self, values) -> list:
        valid = []
        for value in values:
            try:
                valid.append(self.model._meta.pk.to_python(value))
            except ValidationError:
                continue  # names no row: counted as not loaded
        return valid

    def _report_stale(self, request, pks) -> None:
        """One message per row changed since the list was loaded, then that nothing was done."""
        found = self.model._base_manager.in_bulk(pks)
        for pk in pks:
            obj = found.get(self.model._meta.pk.to_python(pk))
            if obj is None:
                message = gettext(
                    "An item you selected has been deleted since the list was loaded."
                )
            else:
                message = gettext(
                    "“%(object)s” was changed by %(user)s on %(date)s, after this list was loaded."
                ) % {"object": obj, **conflicts.describe_change(self.model, pk)}
            self.message_user(request, message, messages.ERROR)
        self.message_user(
            request,
            gettext(
                "No action was taken. The list now shows the current versions: "
                "check them and try again."
            ),
            messages.WARNING,
        )
