"""The forms and widgets of the network admins."""

from django import forms
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

from relacions.workflow.admin.widgets import LabelledFileWidget

from ..models import Membership


class WorkingGroupForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        network, forums = cleaned.get("network"), cleaned.get("forums")
        if network and forums and any(forum.network_id != network.pk for forum in forums):
            self.add_error("forums", _("Choose only forums of the working group's own network."))
        return cleaned


class MembershipFeeForm(forms.ModelForm):
    class Meta:
        # A note of up to 200 characters is read whole, not cut at the width of a text box.
        widgets = {"note": forms.Textarea(attrs={"rows": 2, "cols": 30})}


class DocumentLink:
    """What the file widget shows for a stored document: the name it was uploaded with, linked
    to the admin view (the file itself has no URL, and is stored under a random name)."""

    def __init__(self, url: str, name: str):
        self.url, self.name = url, name

    def __str__(self):
        return self.name


class PrivateDocumentWidget(LabelledFileWidget):
    download_url = ""
    document_name = ""

    def is_initial(self, value):
        return bool(value and getattr(value, "name", None))

    def format_value(self, value):
        if self.is_initial(value):
            return DocumentLink(self.download_url, self.document_name)
        return None


class ChangeCategoryForm(forms.Form):
    category = forms.ChoiceField(label=_("New category"), choices=Membership.Category.choices)
    since = forms.DateField(
        label=_("In the new category since"),
        widget=AdminDateWidget,
        help_text=_("The current membership ends the day before."),
    )


def add_errors(form: forms.Form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        form.add_error(
            field if field in form.fields and field != NON_FIELD_ERRORS else None, errors
        )
