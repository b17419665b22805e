from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from relacions.core.filtering import FilterForm

# The values of the `about` filter (?about=networks): news linked to what.
NETWORKS, EVENTS, AGREEMENTS = "networks", "events", "agreements"


class SlugChoiceField(forms.ChoiceField):
    """Choices keyed by slug in the active language that also accept the other languages' slugs
    (the language switcher keeps the query string, so `?network=` may hold another's slug)."""

    aliases: dict[str, str] = {}

    def to_python(self, value):
        value = super().to_python(value)
        return self.aliases.get(value, value)


class NewsFilterForm(FilterForm):
    """The list's filters, sent by GET. A value that is not one of the choices (a mistyped or
    stale address) is an error the list shows, answering 404: shown unfiltered, it would be a
    second copy of the whole list at an address of its own."""

    year = forms.TypedChoiceField(
        label=_("Year"),
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": _("There is no news from the year “%(value)s”.")},
    )
    network = SlugChoiceField(
        label=_("Network"),
        required=False,
        error_messages={"invalid_choice": _("There is no news of a network “%(value)s”.")},
    )

    about = forms.ChoiceField(
        label=_("About"),
        required=False,
        choices=[
            ("", _("Any subject")),
            (NETWORKS, _("Networks and forums")),
            (EVENTS, _("Events")),
            (AGREEMENTS, _("Agreements")),
        ],
        error_messages={"invalid_choice": _("This filter has no option “%(value)s”.")},
    )

    def __init__(self, *args, years: list, networks: list, aliases: dict, **kwargs):
        """`years`, `networks` and `aliases` as `filter_choices()` prepares them."""
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years")), *((y, y) for y in years)]
        self.fields["network"].choices = [("", _("All networks")), *networks]
        self.fields["network"].aliases = aliases


def filter_choices(published) -> dict:
    """What `NewsFilterForm` offers for the `published` items, in the active language: the years,
    the networks as (slug, name) and every language's slug of each network (its aliases);
    `slugs`, each network's slug in every language, for the list's links in other languages;
    and `ids`, each network's id by its slug, which the list filters by. One query each; the
    list keeps the result until the content changes."""
    networks = list(published.linked_networks())
    return {
        "ids": {network.slug: network.pk for network in networks},
        "slugs": {
            network.slug: {
                # Without a slug of its own, a language's list names the network by the default
                # language's, as modeltranslation does.
                language: getattr(network, build_localized_fieldname("slug", language))
                or getattr(network, build_localized_fieldname("slug", settings.LANGUAGE_CODE))
                for language, _name in settings.LANGUAGES
            }
            for network in networks
        },
        "years": published.years(),
        "networks": [(network.slug, str(network)) for network in networks],
        "aliases": {
            alias: network.slug
            for network in networks
            for language, _name in settings.LANGUAGES
            if (alias := getattr(network, build_localized_fieldname("slug", language)))
        },
    }
