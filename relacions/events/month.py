"""The month view's grid: weeks of days, each with the events on it. Weeks start on Monday, as
they do in Catalonia and Spain, in every language of the site."""

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

# The months the calendar offers: enough for the service's history and its planning, and a
# bound, so the prev / next links are no endless trail for crawlers.
FIRST_YEAR = 2000
YEARS_AHEAD = 5


@dataclass
class Day:
    date: date
    in_month: bool
    is_today: bool = False
    events: list = field(default_factory=list)


def last_year() -> int:
    return timezone.localdate().year + YEARS_AHEAD


def is_shown(year: int, month: int) -> bool:
    return FIRST_YEAR <= year <= last_year() and 1 <= month <= 12


def previous_month(year: int, month: int) -> date | None:
    shown = date(year, month, 1) - timedelta(days=1)
    return shown.replace(day=1) if is_shown(shown.year, shown.month) else None


def next_month(year: int, month: int) -> date | None:
    shown = date(year, month, 28) + timedelta(days=4)
    return shown.replace(day=1) if is_shown(shown.year, shown.month) else None


def weekday_names() -> list[tuple[str, str]]:
    """(abbreviation, full name) of each day of the week, Monday first, in the active language."""
    return [(str(WEEKDAYS_ABBR[day]), str(WEEKDAYS[day])) for day in range(7)]


def weeks(year: int, month: int, events) -> list[list[Day]]:
    """The month's weeks; an event that lasts several days is listed on each of them."""
    today = timezone.localdate()
    grid = [
        [Day(date=day, in_month=day.month == month, is_today=day == today) for day in week]
        for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(year, month)
    ]
    days = {day.date: day for week in grid for day in week if day.in_month}
    first, last = min(days), max(days)
    for event in events:
        day = max(event.first_day, first)
        while day <= min(event.last_day, last):
            days[day].events.append(event)
            day += timedelta(days=1)
    return grid
