from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ProgressUpdate


class ObjectiveFilterForm(forms.Form):
    """The overview's GET filters (`done`, `updated`: the objectives done, or with a public
    update, in a year of the plan's period). A value that is not one of the choices (a mistyped
    or stale address) is an error the page shows, answering 404: shown unfiltered, it would be a
    second copy of the plan at an address of its own."""

    axis = forms.TypedChoiceField(
        label=_("Axis"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("The plan has no axis “%(value)s”.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        error_messages={"invalid_choice": _("There is no status “%(value)s”.")},
    )

    done = forms.TypedChoiceField(
        label=_("Done in"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("“%(value)s” is not a year of the plan.")},
    )
    updated = forms.TypedChoiceField(
        label=_("Updated in"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("“%(value)s” is not a year of the plan.")},
    )

    def __init__(self, *args, axes=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axis"].choices = [("", _("All axes"))] + [
            (axis.number, str(axis)) for axis in axes
        ]
        self.fields["status"].choices = [("", _("All statuses")), *ProgressUpdate.Status.choices]
        for name in ("done", "updated"):
            self.fields[name].choices = [("", _("Any year")), *((y, y) for y in years)]

    def selected(self) -> dict:
        """The filters: `{"axis": int | None, "status": str | None, "done": int | None,
        "updated": int | None}`, none when any of them is not valid (see `errors`)."""
        cleaned = self.cleaned_data if self.is_valid() else {}
        return {
            "axis": cleaned.get("axis"),
            "status": cleaned.get("status") or None,
            "done": cleaned.get("done"),
            "updated": cleaned.get("updated"),
        }
