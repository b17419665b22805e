from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .registry import registry
from .text import clean_text

MAX_QUERY_LENGTH = 200


def _facet_choices() -> list[tuple[str, str | Promise]]:
    # Called each time the choices are read: the registry fills up in the apps' ready().
    return [("", _("All types")), *((facet.key, facet.label) for facet in registry.facets())]


class SearchForm(forms.Form):
    """The search box, sent by GET. `q` in web-search syntax; `type` narrows to one facet (an
    unknown value is reported and ignored, so a stale address still searches everything)."""

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "Search for at most %(limit_value)d characters (this search has %(show_value)d)."
            )
        },
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    type = forms.ChoiceField(
        label=_("Type"),
        choices=_facet_choices,
        required=False,
        error_messages={
            "invalid_choice": _("There is no type “%(value)s”: the results are of every type.")
        },
    )

    def clean_q(self) -> str:
        value = clean_text(self.cleaned_data["q"]).replace("\n", " ")
        if value and not any(character.isalnum() for character in value):
            raise ValidationError(
                _("Type at least one word or number to search for."), code="no_words"
            )
        return value

    def search(self) -> tuple[str, str | None]:
        """(the words to search for, the facet) of what is valid; ("", None) when nothing is."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return cleaned.get("q", ""), cleaned.get("type") or None
