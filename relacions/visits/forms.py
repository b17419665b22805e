from django import forms
from django.utils.translation import gettext_lazy as _

from relacions.core.filtering import FilterForm, country_choices

from .models import Visit


class VisitFilterForm(FilterForm):
    """The list's filters, sent by GET. A value that is not one of the choices answers 404 (as
    the agreements' list): shown unfiltered, it would be a second copy of the list."""

    direction = forms.ChoiceField(
        label=_("Direction"),
        required=False,
        choices=[("", _("Both directions")), *Visit.Direction.choices],
        error_messages={"invalid_choice": _("There is no direction “%(value)s”.")},
    )
    year = forms.ChoiceField(
        label=_("Year"),
        required=False,
        error_messages={"invalid_choice": _("There are no public visits in “%(value)s”.")},
    )
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        error_messages={"invalid_choice": _("There are no public visits to or from “%(value)s”.")},
    )
    purpose = forms.ChoiceField(
        label=_("Purpose"),
        required=False,
        choices=[("", _("Any purpose")), *Visit.Purpose.choices],
        error_messages={"invalid_choice": _("There is no purpose “%(value)s”.")},
    )

    def __init__(self, *args, years: list[int], country_codes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years")), *((str(y), y) for y in years)]
        self.fields["country"].choices = [("", _("All countries")), *country_choices(country_codes)]
