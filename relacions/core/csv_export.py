"""CSV files that spreadsheet programs open safely and correctly: the one way the site writes CSV.

- UTF-8 with a byte-order mark, so Excel reads the accents right.
- A text cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a
  carriage return: "CSV injection") is written with a leading apostrophe, which Excel and
  LibreOffice show as text. Numbers are written as they are: -3 is a number, not a formula.
- Headers are whatever the caller passes, already translated into the active language.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
CONTENT_TYPE = "text/csv; charset=utf-8"


def spreadsheet_cell(value) -> object:
    """`value` as a CSV cell: "" for None, yes / no for booleans, ISO 8601 for dates and times,
    numbers unchanged, and text guarded against formula injection."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float | Decimal):
        return value
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


def csv_text(headers: Sequence[str], rows: Iterable[Sequence]) -> str:
    """The whole file as text, byte-order mark first."""
    buffer = io.StringIO()
    buffer.write(BYTE_ORDER_MARK)
    writer = csv.writer(buffer)
    writer.writerow([str(header) for header in headers])
    for row in rows:
        writer.writerow([spreadsheet_cell(value) for value in row])
    return buffer.getvalue()


def csv_response(
    *, filename: str, headers: Sequence[str], rows: Iterable[Sequence], inline: bool = False
) -> HttpResponse:
    response = HttpResponse(csv_text(headers, rows), content_type=CONTENT_TYPE)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
