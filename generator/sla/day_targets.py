"""Targets in whole days, read against a clock's start.

- ``N working days``: due at the end of the N-th working day of the calendar after the
  day the clock starts (a working day is a date with any working time; holidays and
  closed days do not count). The clock still counts business time: the target is the
  working time from its start to that due, so a pause moves the due like any other.
- ``N calendar days``: due at the midnight that ends the N-th calendar day after the day
  the clock starts, in the calendar's time zone; the clock counts wall time (24x7), so the
  target is the wall time from its start to that midnight (23 or 25 hours on a DST day).

Dates are read in the time zone of the calendar on that date.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.models.day_count import DayCount
from generator.sla.working_time import WorkCalendar

MAX_DAYS_SEARCHED = 3660
"""How far a working-day target looks for working days (about ten years)."""


def day_target_due(calendar: WorkCalendar, start: datetime, count: DayCount) -> datetime | None:
    """The instant a day target starting at ``start`` is due (None: the calendar has no
    such working day within ten years)."""
    day = _local_date(calendar, start)
    if count.kind == "calendar":
        return _midnight(calendar, day + timedelta(days=count.days + 1))
    found = 0
    for offset in range(1, MAX_DAYS_SEARCHED):
        current = day + timedelta(days=offset)
        begins, ends = _midnight(calendar, current), _midnight(calendar, current + timedelta(1))
        worked = calendar.business_seconds(begins, ends)
        if worked:
            found += 1
            if found == count.days:
                return calendar.add_business_seconds(begins, worked)
    return None


def day_target_seconds(calendar: WorkCalendar, start: datetime, count: DayCount) -> int | None:
    """The target in seconds of the clock's calendar (working time for working days, wall
    time for calendar days) from ``start`` to the due."""
    due = day_target_due(calendar, start, count)
    if due is None:
        return None
    if count.kind == "calendar":
        return int((due - start.astimezone(UTC)).total_seconds())
    return calendar.business_seconds(start, due)


def _zone_on(calendar: WorkCalendar, day: date) -> str:
    zone = calendar.versions[0].timezone
    for version in calendar.versions:
        if version.effective <= day:
            zone = version.timezone
    return zone


def _local_date(calendar: WorkCalendar, moment: datetime) -> date:
    guess = moment.astimezone(ZoneInfo(_zone_on(calendar, moment.date())))
    return guess.astimezone(ZoneInfo(_zone_on(calendar, guess.date()))).date()


def _midnight(calendar: WorkCalendar, day: date) -> datetime:
    return datetime.combine(day, time(0), ZoneInfo(_zone_on(calendar, day))).astimezone(UTC)
