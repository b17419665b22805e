from django import forms
from django.utils.translation import gettext_lazy as _

from relacions.core.filtering import FilterForm, country_choices

from .models import Agreement


class AgreementFilterForm(FilterForm):
    """The list's filters, sent by GET. A value that is not one of the choices answers 404 (as
    the news list): shown unfiltered, it would be a second copy of the list."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *Agreement.Kind.choices],
        error_messages={"invalid_choice": _("There is no kind of agreement “%(value)s”.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *Agreement.AgreementStatus.choices],
        error_messages={"invalid_choice": _("There is no agreement status “%(value)s”.")},
    )
    country = forms.ChoiceField(
        label=_("Country"),
        required=False,
        error_messages={"invalid_choice": _("There are no agreements with “%(value)s”.")},
    )

    # The year filters (the yearly report links its figures to them): which agreements were
    # signed, amended, ended, in force or had public news or events in a year.
    signed = forms.TypedChoiceField(
        label=_("Signed in"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("No published agreement was signed in “%(value)s”.")},
    )
    amended = forms.TypedChoiceField(
        label=_("Amended in"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("No published agreement was amended in “%(value)s”.")},
    )
    ended = forms.TypedChoiceField(
        label=_("Ended in"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("No published agreement ended in “%(value)s”.")},
    )
    in_force = forms.TypedChoiceField(
        label=_("In force in"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("No published agreement was in force in “%(value)s”.")},
    )
    activity = forms.TypedChoiceField(
        label=_("With news or events in"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={
            "invalid_choice": _("No published agreement had news or events in “%(value)s”.")
        },
    )

    YEAR_FILTERS = ("signed", "amended", "ended", "in_force", "activity")

    def __init__(self, *args, choices: dict[str, list], **kwargs):
        """`choices`: what `Agreement.objects.filter_choices()` returns."""
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [
            ("", _("All countries")),
            *country_choices(choices["country"]),
        ]
        for name in self.YEAR_FILTERS:
            self.fields[name].choices = [
                ("", _("Any year")),
                *((str(year), str(year)) for year in choices[name]),
            ]
