from django import forms
from django.utils.translation import gettext_lazy as _

from relacions.core.filtering import FilterForm

from .models import Project, Role


class ProjectFilterForm(FilterForm):
    """The list's filters, sent by GET. A value that is not one of the choices answers 404 (as
    the agreements' list): shown unfiltered, it would be a second copy of the list."""

    programme = forms.ChoiceField(
        label=_("Programme"),
        required=False,
        error_messages={"invalid_choice": _("There is no programme “%(value)s”.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Any status")), *Project.ProjectStatus.choices],
        error_messages={"invalid_choice": _("There is no project status “%(value)s”.")},
    )
    role = forms.ChoiceField(
        label=_("The city's role"),
        required=False,
        choices=[("", _("Any role")), *Role.choices],
        error_messages={"invalid_choice": _("There is no role “%(value)s”.")},
    )
    theme = forms.ChoiceField(
        label=_("Theme"),
        required=False,
        error_messages={"invalid_choice": _("There is no theme “%(value)s”.")},
    )
    year = forms.ChoiceField(
        label=_("Year"),
        required=False,
        error_messages={"invalid_choice": _("No published project runs in “%(value)s”.")},
    )

    started = forms.ChoiceField(
        label=_("Started in"),
        required=False,
        error_messages={"invalid_choice": _("No published project started in “%(value)s”.")},
    )
    ended = forms.ChoiceField(
        label=_("Ended in"),
        required=False,
        error_messages={"invalid_choice": _("No published project ended in “%(value)s”.")},
    )

    def __init__(self, *args, programmes, themes, years, started=(), ended=(), **kwargs):
        """`programmes`: the code list, each strand after its programme; `themes`; `years`: the
        years some published project runs in, `started` and `ended` those some published
        project started and ended in (all from the totals)."""
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [
            ("", _("All programmes")),
            *(
                (
                    str(programme.pk),
                    f"– {programme.name}" if programme.parent_id else programme.name,
                )
                for programme in programmes
            ),
        ]
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *((str(theme.pk), theme.name) for theme in themes),
        ]
        self.fields["year"].choices = [
            ("", _("Any year")),
            *((str(year), str(year)) for year in sorted(years, reverse=True)),
        ]
        for name, found in (("started", started), ("ended", ended)):
            self.fields[name].choices = [
                ("", _("Any year")),
                *((str(year), str(year)) for year in sorted(found, reverse=True)),
            ]
