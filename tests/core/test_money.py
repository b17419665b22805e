from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from relacions.core.csv_export import csv_text
from relacions.core.money import EuroField, EuroInput, euros


@pytest.mark.parametrize(
    ("language", "written"),
    [("ca", "1.234.567,50\xa0€"), ("es", "1.234.567,50\xa0€"), ("en", "€1,234,567.50")],
)
def test_an_amount_is_written_as_the_language_writes_money(language, written):
    with translation.override(language):
        assert euros(Decimal("1234567.5")) == written
        assert euros(None) == "—"


@pytest.mark.parametrize(
    ("language", "typed", "amount"),
    [
        ("ca", "1.234,50 €", "1234.50"),
        ("ca", "12,5", "12.5"),
        ("ca", "12.5", "12.5"),  # a decimal point typed the English way
        ("ca", "1.234", "1234"),
        ("es", "1 234,50", "1234.50"),
        ("en", "€1,234.50", "1234.50"),
        ("en", "12,5", "12.5"),
    ],
)
def test_an_amount_is_read_as_the_language_writes_it(language, typed, amount):
    field = EuroField(max_digits=10, decimal_places=2)
    with translation.override(language):
        assert field.clean(typed) == Decimal(amount)


def test_what_is_not_an_amount_is_a_translated_error():
    field = EuroField(max_digits=10, decimal_places=2)
    with translation.override("es"):
        with pytest.raises(ValidationError) as error:
            field.clean("mil euros")
        assert error.value.messages == ["Introduzca un número."]


def test_the_form_shows_the_amount_with_the_currency_where_the_language_puts_it():
    with translation.override("ca"):
        html = EuroInput().render("amount", Decimal("1234.5"))
        assert 'value="1.234,50"' in html
        assert html.index("<input") < html.index("€")
        assert 'inputmode="decimal"' in html
    with translation.override("en"):
        html = EuroInput().render("amount", Decimal("1234.5"))
        assert 'value="1,234.50"' in html
        assert html.index("€") < html.index("<input")


def test_csv_for_spreadsheets_follows_the_language_and_open_data_does_not():
    rows = [["EUROCITIES; Culture", Decimal("1234.50"), 2026]]
    with translation.override("ca"):
        assert csv_text(["a", "b", "c"], rows, for_spreadsheet=True).splitlines()[1] == (
            '"EUROCITIES; Culture";1234,50;2026'
        )
        assert csv_text(["a", "b", "c"], rows).splitlines()[1] == (
            "EUROCITIES; Culture,1234.50,2026"
        )
    with translation.override("en"):
        assert csv_text(["a", "b", "c"], rows, for_spreadsheet=True).splitlines()[1] == (
            "EUROCITIES; Culture,1234.50,2026"
        )
