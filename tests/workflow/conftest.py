"""A helper that submits an admin form as a browser would: with every value the page shows,
changed where a test says so. (Staff in each role: tests/fixtures/users.py.)"""

import html
import re

import pytest
from django import forms
from django.utils import translation


@pytest.fixture(autouse=True)
def _site(site_settings):
    """Every public page reads the site settings."""


def _field_data(form, data: dict) -> None:
    for name, field in form.fields.items():
        bound = form[name]
        widget = field.widget
        value = bound.value()
        if isinstance(widget, forms.HiddenInput) and bound.html_name.endswith("DELETE"):
            continue
        if isinstance(widget, forms.MultiWidget):
            parts = value if isinstance(value, list) else widget.decompress(value)
            for index, part in enumerate(parts):
                sub = widget.widgets[index].format_value(part)
                data[f"{bound.html_name}_{index}"] = "" if sub is None else sub
        elif isinstance(field, forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(field, forms.ModelMultipleChoiceField):
            data[bound.html_name] = [str(getattr(v, "pk", v)) for v in value or []]
        elif isinstance(field, forms.FileField):
            continue
        elif value is None:
            data[bound.html_name] = ""
        else:
            formatted = widget.format_value(value)
            if isinstance(formatted, list):  # a select: the chosen values
                formatted = formatted[0] if formatted else ""
            data[bound.html_name] = "" if formatted is None else str(formatted)


def form_data(response, **changes) -> dict:
    """The POST data of the admin change form in `response`, with `changes` applied."""
    assert response.status_code == 200
    data = {}
    # Dates as the English admin of signed_in_client() shows and reads them.
    with translation.override("en"):
        _fill(response, data)
    data.update(changes)
    return data


def _fill(response, data: dict) -> None:
    _field_data(response.context["adminform"].form, data)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for name in formset.management_form.fields:
            data[formset.management_form[name].html_name] = formset.management_form[name].value()
        for form in formset.forms:
            _field_data(form, data)


def list_versions(client, changelist: str) -> dict:
    """The changelist's hidden map of the versions it shows (`_loaded_versions`), as a browser
    sends it back with an action or a list edit."""
    page = client.get(changelist).content.decode()
    match = re.search(r'name="_loaded_versions" value="([^"]*)"', page)
    assert match, "The list carries the versions of its rows"
    return {"_loaded_versions": html.unescape(match.group(1))}
