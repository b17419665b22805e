"""The dates of the demo files: ISO, or counted from the day of loading (`today+12d 10:00`)."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.conf import settings

DATE_PATTERN = re.compile(
    r"^(?P<base>today|year-start)(?P<offsets>(?:\s*[+-]\s*\d+\s*[dwmy])*)"
    r"(?:\s+(?P<time>\d{1,2}:\d{2}))?$"
)
OFFSET_PATTERN = re.compile(r"([+-])\s*(\d+)\s*([dwmy])")


def local_today() -> datetime.date:
    return datetime.datetime.now(ZoneInfo(settings.TIME_ZONE)).date()


def _shift(day: datetime.date, sign: str, amount: int, unit: str) -> datetime.date:
    amount = amount if sign == "+" else -amount
    if unit in "dw":
        return day + datetime.timedelta(days=amount * (7 if unit == "w" else 1))
    months = day.year * 12 + day.month - 1 + amount * (12 if unit == "y" else 1)
    year, month = divmod(months, 12)
    month += 1
    # The last day of a shorter month (31 January + 1 month is 28 or 29 February).
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return datetime.date(year, month, min(day.day, (following - datetime.timedelta(days=1)).day))


def parse_date(text: str, *, today: datetime.date) -> tuple[datetime.date, datetime.time | None]:
    """`today`, `year-start` (1 January of this year), each followed by offsets in days, weeks,
    months or years (`+12d`, `-2y`, `+1m+3d`) and optionally a time (`today+12d 10:00`); or ISO,
    `2019-10-09` or `2019-10-09 10:00`. Returns the day and the time (None if not given)."""
    text = " ".join(str(text).split())
    refused = ValueError(
        f"{text!r} is not a date: write 2019-10-09, '2019-10-09 10:00', today, today+12d, "
        "today-2y, year-start+1y or 'today+12d 10:00'"
    )
    match = DATE_PATTERN.match(text)
    if match is None:
        try:
            moment = datetime.datetime.fromisoformat(text)
        except ValueError:
            raise refused from None
        return moment.date(), (moment.time() if ":" in text else None)
    day = today if match["base"] == "today" else today.replace(month=1, day=1)
    for sign, amount, unit in OFFSET_PATTERN.findall(match["offsets"]):
        day = _shift(day, sign, int(amount), unit)
    clock = None
    if match["time"]:
        hours, minutes = match["time"].split(":")
        try:
            clock = datetime.time(int(hours), int(minutes))
        except ValueError:
            raise refused from None
    return day, clock
