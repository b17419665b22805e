"""CSV files that spreadsheet programs open safely and correctly: the one way the site writes CSV.

- UTF-8 with a byte-order mark, so Excel reads the accents right.
- A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
  carriage return: "CSV injection") is written with a leading apostrophe, which Excel and
  LibreOffice show as text. Numbers are written as they are: -3 is a number, not a formula.
- Headers are whatever the caller passes, already translated into the active language.
- Files for people (`for_spreadsheet=True`: the admin's exports) follow the active language's
  numbers, as LibreOffice and Excel open a CSV by default with the computer's regional settings:
  in Catalan and Spanish the decimal mark is a comma, so the field separator is a semicolon
  (1234,50;…), in English a full stop and a comma (1234.50,…). Without thousands separators, so
  a spreadsheet reads each amount as a number. Open data keeps the machine-readable default
  (comma separator, full stop decimal mark) whatever the language.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from django.utils.formats import get_format
from django.utils.translation import gettext as _

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
CONTENT_TYPE = "text/csv; charset=utf-8"


def spreadsheet_cell(value, *, decimal_mark: str = ".") -> object:
    """`value` as a CSV cell: "" for None, yes / no for booleans, ISO 8601 for dates and times
    (which spreadsheets read in any language), numbers with `decimal_mark` and no grouping, and
    text guarded against formula injection."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float | Decimal):
        return value if decimal_mark == "." else str(value).replace(".", decimal_mark)
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def spreadsheet_separators() -> tuple[str, str]:
    """(field separator, decimal mark) of the active language, as its spreadsheets expect."""
    decimal_mark = get_format("DECIMAL_SEPARATOR")
    return (";" if decimal_mark == "," else ","), decimal_mark


def csv_text(
    headers: Sequence[str], rows: Iterable[Sequence], *, for_spreadsheet: bool = False
) -> str:
    """The whole file as text, byte-order mark first."""
    delimiter, decimal_mark = spreadsheet_separators() if for_spreadsheet else (",", ".")
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow([str(header) for header in headers])
    for row in rows:
        writer.writerow([spreadsheet_cell(value, decimal_mark=decimal_mark) for value in row])
    return buffer.getvalue()


def csv_response(
    *,
    filename: str,
    headers: Sequence[str],
    rows: Iterable[Sequence],
    inline: bool = False,
    for_spreadsheet: bool = False,
) -> HttpResponse:
    text = csv_text(headers, rows, for_spreadsheet=for_spreadsheet)
    response = HttpResponse(text, content_type=CONTENT_TYPE)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
