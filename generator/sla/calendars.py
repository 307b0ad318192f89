"""Calendar records as working-time calendars, and the book that holds them by id.

A :class:`~generator.models.calendar_record.Calendar` record becomes a
:class:`~generator.sla.working_time.WorkCalendar`:

- ``weekly`` windows (``"08:00-12:00"``) become seconds from local midnight. Windows that
  overlap or touch are joined and a window whose start is not before its end is left out;
  ``generator.checks.sla_config`` reports both, so a calendar with such mistakes still
  computes something sensible for the pages while validation fails.
- Holidays are the active explicit dates plus, with ``country`` (and ``subdivision``), the
  public holidays the ``holidays`` package lists for the years the book is asked to cover.
  An explicit entry with ``active: false`` always wins: it keeps an imported date a working
  day. The years are a parameter, never "this year", so the same records and the same
  years give the same calendar.
- The record's own hours apply before its first version (and from the beginning of time);
  each entry of ``versions`` applies from its ``effective`` date, in its own time zone if
  it names one. Holidays belong to the calendar, not to a version.

The built-in ``24x7`` calendar (every day 00:00-24:00, no holidays) always exists and wins
over a record with that id, as it does for reference checks.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import holidays as holiday_data

from generator.models.calendar_record import BUILT_IN_24X7, WEEKDAYS, window_seconds
from generator.sla.working_time import CalendarVersion, WeeklyHours, WorkCalendar

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from generator.models.calendar_record import Calendar, Weekday


def weekly_hours(weekly: Mapping[Weekday, Sequence[str]]) -> WeeklyHours:
    """``{"mon": ["08:00-18:00"]}`` → seconds per weekday, Monday first, sorted and joined."""
    days: list[tuple[tuple[int, int], ...]] = []
    for day in WEEKDAYS:
        joined: list[tuple[int, int]] = []
        for start, end in sorted(window_seconds(window) for window in weekly.get(day, [])):
            if start >= end:
                continue
            if joined and start <= joined[-1][1]:
                joined[-1] = (joined[-1][0], max(joined[-1][1], end))
            else:
                joined.append((start, end))
        days.append(tuple(joined))
    return WeeklyHours(days=tuple(days))


def country_holidays(country: str, subdivision: str | None, years: Iterable[int]) -> set[date]:
    """Public holidays of a country (and region) in the given years; empty if unknown.

    An unknown country or subdivision is reported by the SLA configuration checks.
    """
    try:
        found = holiday_data.country_holidays(country, subdiv=subdivision, years=list(years))
    except NotImplementedError:
        return set()
    return set(found.keys())


def holiday_dates(record: Calendar, years: Iterable[int]) -> frozenset[date]:
    """The local dates on which the calendar is closed all day."""
    closed: set[date] = set()
    if record.country:
        closed |= country_holidays(record.country, record.subdivision, years)
    closed |= {holiday.date for holiday in record.holidays if holiday.active}
    closed -= {holiday.date for holiday in record.holidays if not holiday.active}
    return frozenset(closed)


def work_calendar(record: Calendar, years: Iterable[int]) -> WorkCalendar:
    """The working-time calendar of a record, holidays expanded for ``years``."""
    closed = holiday_dates(record, years)
    versions = {
        date.min: CalendarVersion(date.min, record.timezone, weekly_hours(record.weekly), closed)
    }
    for version in record.versions:
        # Two versions on one date are reported by the checks; the later entry wins here.
        versions[version.effective] = CalendarVersion(
            version.effective,
            version.timezone or record.timezone,
            weekly_hours(version.weekly),
            closed,
        )
    return WorkCalendar(record.id, list(versions.values()))


class CalendarBook:
    """Working-time calendars by id, built on first use and kept.

    ``years`` are the years for which country holidays are expanded; ``default_timezone``
    is the zone reported for the built-in ``24x7`` calendar (it has no holidays, so the
    zone changes no business time, only which local month an instant falls in).
    """

    __slots__ = ("_built", "_default_timezone", "_records", "_years")

    def __init__(
        self, records: Iterable[Calendar], years: range, default_timezone: str = "UTC"
    ) -> None:
        self._records = {record.id: record for record in records}
        self._years = years
        self._default_timezone = default_timezone
        self._built: dict[str, WorkCalendar] = {
            BUILT_IN_24X7: WorkCalendar.always(BUILT_IN_24X7, default_timezone)
        }

    @property
    def years(self) -> range:
        """The years for which country holidays are expanded."""
        return self._years

    def get(self, calendar_id: str) -> WorkCalendar | None:
        """The calendar with this id, or None when no such record exists."""
        found = self._built.get(calendar_id)
        if found is None:
            record = self._records.get(calendar_id)
            if record is None:
                return None
            found = self._built[calendar_id] = work_calendar(record, self._years)
        return found

    def timezone(self, calendar_id: str) -> str:
        """The IANA zone of a calendar (its record's own), for local dates and months."""
        record = self._records.get(calendar_id)
        if calendar_id == BUILT_IN_24X7 or record is None:
            return self._default_timezone
        return record.timezone
