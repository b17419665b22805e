from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from relacions.core.filtering import FilterForm

from .models import Event

# The value of the yes-or-no filters in the address (?abroad=yes), and the status filter's value
# for the events that took place (?status=held: EventQuerySet.held()).
YES = "yes"
HELD = "held"


class PastEventFilterForm(FilterForm):
    """The filters of a year's archive, sent by GET; the yearly report links each of its figures
    to the archive with these. A value that is not one of the choices answers 404 (as the news
    list): shown unfiltered, it would be a second copy of the list."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", _("Any status")),
            # Neither cancelled nor postponed (EventQuerySet.held()).
            (HELD, pgettext_lazy("past event", "Held")),
            (Event.EventStatus.POSTPONED, pgettext_lazy("event status", "Postponed")),
            (Event.EventStatus.CANCELLED, pgettext_lazy("event status", "Cancelled")),
        ],
        error_messages={"invalid_choice": _("There is no event status “%(value)s”.")},
    )
    role = forms.ChoiceField(
        label=_("Terrassa's role"),
        required=False,
        choices=[("", _("Any role")), *Event.Role.choices],
        error_messages={"invalid_choice": _("There is no role “%(value)s”.")},
    )
    abroad = forms.ChoiceField(
        label=pgettext_lazy("past events filter", "Where"),
        required=False,
        choices=[("", _("Anywhere")), (YES, _("Attended abroad"))],
        error_messages={"invalid_choice": _("This filter has no option “%(value)s”.")},
    )
    forum = forms.ChoiceField(
        label=_("Forums and working groups"),
        required=False,
        choices=[("", _("Any event")), (YES, _("Meetings of forums and working groups"))],
        error_messages={"invalid_choice": _("This filter has no option “%(value)s”.")},
    )
