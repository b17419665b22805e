"""Amounts of money in euros, written one way everywhere a person reads them (the admin's lists,
totals and forms) and read back from what a person types: in the active language's way,
1.234,50 € in Catalan and Spanish, €1,234.50 in English. (Spreadsheet files have their own rule:
relacions.core.csv_export.)"""

from decimal import Decimal

from django import forms
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.formats import get_format, number_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy, pgettext

NO_AMOUNT = "—"
NEGATIVE_AMOUNT = gettext_lazy("An amount cannot be negative.")
NO_BREAK_SPACE = "\u00a0"


def _pattern() -> str:
    # Translators place the currency sign (after the number in ca and es, before it in en).
    return pgettext("an amount of money in euros", "%(amount)s €")


def amount_text(amount: Decimal | int | float) -> str:
    """The number alone, with two decimals and the thousands grouped: 1.234,50 (ca, es)."""
    return number_format(Decimal(amount), decimal_pos=2, use_l10n=True, force_grouping=True)


def euros(amount: Decimal | int | float | None) -> str:
    """`amount` with its currency, never broken across lines; "—" when there is none."""
    if amount is None or amount == "":
        return NO_AMOUNT
    text = _pattern() % {"amount": amount_text(amount)}
    return text.replace(" ", NO_BREAK_SPACE)


def parse_amount(text: str) -> str:
    """What a person typed, as Decimal() reads it: "1.234,50 €" → "1234.50" in Catalan. Spaces
    (Spanish groups thousands with a no-break space) and the currency sign go. A single
    thousands separator not followed by three digits was meant as the decimal mark ("12.5" in
    Catalan, "12,5" in English): it is read so."""
    text = "".join(str(text).split()).replace("€", "")
    decimal, thousands = get_format("DECIMAL_SEPARATOR"), get_format("THOUSAND_SEPARATOR")
    if decimal in text:
        # Before the decimal mark, any grouping: "1.234,50" is read in Spanish (grouped with a
        # space) as in Catalan.
        whole, _mark, fraction = text.rpartition(decimal)
        return "".join(c for c in whole if c not in f".,{thousands}") + "." + fraction
    if text.count(thousands) == 1 and len(text.rsplit(thousands, 1)[1]) != 3:
        return text.replace(thousands, ".")
    return text.replace(thousands, "")


class EuroInput(forms.TextInput):
    """A text box (not type=number, which shows neither the grouping nor a decimal comma) with
    the amount written as in the lists, and the currency sign where the language puts it."""

    input_type = "text"

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "class": "money", "size": 12, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, Decimal | int | float):
            return amount_text(value)
        return super().format_value(value)

    def render(self, name, value, attrs=None, renderer=None):
        before, _amount, after = _pattern().partition("%(amount)s")
        # The field's label names the currency: the sign is for the eye only.
        return format_html(
            '<span class="money-input">{}{}{}</span>',
            format_html('<span aria-hidden="true">{}</span>', before) if before.strip() else "",
            super().render(name, value, attrs, renderer),
            format_html('<span aria-hidden="true">{}</span>', after) if after.strip() else "",
        )


class EuroField(forms.DecimalField):
    """A DecimalField that reads amounts written in the active language's way."""

    widget = EuroInput

    def to_python(self, value):
        if isinstance(value, str) and value.strip():
            value = parse_amount(value)
        return super().to_python(value)


def amount_field(verbose_name, *, max_digits: int = 12, **kwargs) -> models.DecimalField:
    """A model field for an amount in euros: cents, never negative (a translated error)."""
    return models.DecimalField(
        verbose_name,
        max_digits=max_digits,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0), NEGATIVE_AMOUNT)],
        **kwargs,
    )
