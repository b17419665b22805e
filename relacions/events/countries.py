"""Country codes for events: ISO 3166-1 alpha-2, checked for shape and shown by name.

Django has no country list. Until a full, translated one is added (django-countries has been
asked for), the code is validated as two capital letters and shown by name when it is one of
the countries below (Europe and the countries of the networks' and twin cities' partners);
any other code is shown as the code itself.
"""

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

validate_country_code = RegexValidator(
    r"^[A-Z]{2}\Z",
    _("Enter a two-letter ISO 3166 country code in capitals, such as ES, FR or GB."),
    code="invalid_country",
)

NAMES = {
    "AD": _("Andorra"),
    "AL": _("Albania"),
    "AR": _("Argentina"),
    "AT": _("Austria"),
    "BA": _("Bosnia and Herzegovina"),
    "BE": _("Belgium"),
    "BG": _("Bulgaria"),
    "BO": _("Bolivia"),
    "BR": _("Brazil"),
    "CA": _("Canada"),
    "CH": _("Switzerland"),
    "CL": _("Chile"),
    "CN": _("China"),
    "CO": _("Colombia"),
    "CR": _("Costa Rica"),
    "CU": _("Cuba"),
    "CY": _("Cyprus"),
    "CZ": _("Czechia"),
    "DE": _("Germany"),
    "DK": _("Denmark"),
    "DZ": _("Algeria"),
    "EC": _("Ecuador"),
    "EE": _("Estonia"),
    "EG": _("Egypt"),
    "ES": _("Spain"),
    "FI": _("Finland"),
    "FR": _("France"),
    "GB": _("United Kingdom"),
    "GE": _("Georgia"),
    "GR": _("Greece"),
    "GT": _("Guatemala"),
    "HN": _("Honduras"),
    "HR": _("Croatia"),
    "HU": _("Hungary"),
    "IE": _("Ireland"),
    "IL": _("Israel"),
    "IN": _("India"),
    "IS": _("Iceland"),
    "IT": _("Italy"),
    "JO": _("Jordan"),
    "JP": _("Japan"),
    "KR": _("South Korea"),
    "LB": _("Lebanon"),
    "LI": _("Liechtenstein"),
    "LT": _("Lithuania"),
    "LU": _("Luxembourg"),
    "LV": _("Latvia"),
    "MA": _("Morocco"),
    "MC": _("Monaco"),
    "MD": _("Moldova"),
    "ME": _("Montenegro"),
    "MK": _("North Macedonia"),
    "MT": _("Malta"),
    "MX": _("Mexico"),
    "NI": _("Nicaragua"),
    "NL": _("Netherlands"),
    "NO": _("Norway"),
    "PE": _("Peru"),
    "PL": _("Poland"),
    "PS": _("Palestine"),
    "PT": _("Portugal"),
    "PY": _("Paraguay"),
    "RO": _("Romania"),
    "RS": _("Serbia"),
    "SE": _("Sweden"),
    "SI": _("Slovenia"),
    "SK": _("Slovakia"),
    "SM": _("San Marino"),
    "SN": _("Senegal"),
    "SV": _("El Salvador"),
    "TN": _("Tunisia"),
    "TR": _("Türkiye"),
    "UA": _("Ukraine"),
    "US": _("United States"),
    "UY": _("Uruguay"),
    "VA": _("Vatican City"),
    "VE": _("Venezuela"),
}


def country_name(code: str) -> str:
    """The country's name in the active language, or the code when it is not in the list."""
    return str(NAMES.get(code, code))
