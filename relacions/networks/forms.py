from django import forms
from django.utils.translation import gettext_lazy as _

from relacions.core.filtering import FilterForm

from .models.memberships import YEAR_ENDED, YEAR_STARTED


class DirectoryFilterForm(FilterForm):
    """The directory's filters, sent by GET. A value that is not one of the choices answers 404
    (as the other lists): shown unfiltered, it would be a second copy of the directory."""

    year = forms.TypedChoiceField(
        label=_("Year"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("There are no memberships in “%(value)s”.")},
    )
    membership = forms.ChoiceField(
        label=_("Memberships"),
        required=False,
        choices=[
            ("", _("In force that year")),
            (YEAR_STARTED, _("Started that year")),
            (YEAR_ENDED, _("Ended that year")),
        ],
        error_messages={"invalid_choice": _("There is no choice of memberships “%(value)s”.")},
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years")), *((y, y) for y in years)]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("membership") and cleaned.get("year") is None:
            self.add_error(
                "membership", _("Choose a year to see the memberships that started or ended in it.")
            )
        return cleaned
