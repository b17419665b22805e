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

    def __init__(self, *args, country_codes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *country_choices(country_codes)]
