from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ProgressUpdate


class ObjectiveFilterForm(forms.Form):
    """The overview's GET filters. A value that does not validate is ignored (the page shows
    everything for that filter) rather than answered with an error."""

    axis = forms.TypedChoiceField(label=_("Axis"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, axes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["axis"].choices = [("", _("All axes"))] + [
            (axis.number, str(axis)) for axis in axes
        ]
        self.fields["status"].choices = [("", _("All statuses")), *ProgressUpdate.Status.choices]

    def selected(self) -> dict:
        """The valid filters: `{"axis": int | None, "status": str | None}`."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {"axis": cleaned.get("axis"), "status": cleaned.get("status") or None}
