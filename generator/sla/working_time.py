"""Working time of a calendar: business seconds between instants, and when a budget runs out.

Business time is real elapsed time inside a calendar's local wall-clock windows. Windows are
``[start, end)`` in seconds from local midnight; ``end`` may be 86400 (24:00). Weekdays run
Monday=0 to Sunday=6. A holiday closes every instant whose local date is that date. Service
overnight is written across two days (mon 22:00-24:00 and tue 00:00-06:00) and joins
seamlessly.

Daylight saving time:

- A day is as long as the clock makes it: in a 24x7 calendar the spring-forward day has
  23 hours and the fall-back day 25. A skipped hour never counts; a repeated hour counts
  twice.
- A window boundary in a skipped hour (02:30 on the spring-forward day in Europe/Berlin)
  maps to the instant of the transition, so 02:00-03:00 on that day is empty.
- A boundary in a repeated hour maps to its first occurrence when it starts a window and
  to its second when it ends one: on the fall-back day 00:00-24:00 is 25 h, 01:00-04:00 is
  4 h and 02:30-02:45 is 1 h 15 min (from the first 02:30 to the second 02:45). Windows
  that overlap as instants this way (00:00-02:15 and 02:45-06:00 that night) count the
  overlap once.
- 24:00 is midnight starting the next date (its first occurrence), so one date's windows
  never overlap the next one's.

Versions: a local date uses the version with the greatest ``effective`` on or before it
(dates before the first version use the first), so a change of hours while a clock runs
needs nothing special. Each date is read in the time zone of its own version. A date owns
the instants from its midnight to the next date's midnight (each in its own zone) and its
windows are clipped to that, so when the zone changes between versions the changeover
night can lose or gain hours, but no instant is ever counted twice.

Instants are whole seconds: sub-second parts are truncated (floored) before anything is
computed, which keeps ``business_seconds`` exactly additive.

Performance: each calendar keeps a lazily grown table of its UTC working intervals with
running totals (``generator.sla.day_table``). ``business_seconds`` and
``add_business_seconds`` cost two bisections whatever the span, once the dates are computed.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from generator.sla.day_table import DAY_S, DayTable, wall_to_epoch

if TYPE_CHECKING:
    from collections.abc import Sequence

Window = tuple[int, int]
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_ONE_SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class WeeklyHours:
    """Working windows per weekday, Monday first: ``(start_s, end_s)`` from local midnight."""

    days: tuple[tuple[Window, ...], ...]

    def __post_init__(self) -> None:
        if len(self.days) != 7:
            raise ValueError(f"weekly hours need 7 days (Monday to Sunday), got {len(self.days)}")
        for weekday, windows in enumerate(self.days):
            previous_end = 0
            for window in windows:
                if not (
                    isinstance(window, tuple)
                    and len(window) == 2
                    and all(isinstance(edge, int) for edge in window)
                ):
                    raise ValueError(f"day {weekday}: {window!r} is not a (start_s, end_s) pair")
                start, end = window
                if not 0 <= start < end <= DAY_S:
                    raise ValueError(
                        f"day {weekday}: window ({start}, {end}) needs 0 <= start < end <= 86400"
                    )
                if start < previous_end:
                    raise ValueError(
                        f"day {weekday}: windows must be sorted and must not overlap "
                        f"(({start}, {end}) starts before {previous_end})"
                    )
                previous_end = end

    @property
    def is_closed(self) -> bool:
        """Whether no weekday has any window."""
        return not any(self.days)


@dataclass(frozen=True)
class CalendarVersion:
    """The hours of a calendar from a local date on."""

    effective: date
    timezone: str
    weekly: WeeklyHours
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"unknown time zone {self.timezone!r}") from error


class WorkCalendar:
    """A calendar made of effective-dated versions; answers questions about working time.

    Versions may come in any order; two effective on one date are refused. Immutable from
    the outside. It fills a private table of working intervals lazily (see
    the module docstring); the table only ever grows and every answer is the same whatever
    was asked before.
    """

    __slots__ = ("_calendar_id", "_effective", "_table", "_versions", "_zones")

    def __init__(self, calendar_id: str, versions: Sequence[CalendarVersion]) -> None:
        ordered = tuple(sorted(versions, key=lambda version: version.effective))
        if not ordered:
            raise ValueError(f"calendar {calendar_id!r} has no versions")
        effective = [version.effective.toordinal() for version in ordered]
        if len(set(effective)) != len(effective):
            raise ValueError(f"calendar {calendar_id!r} has two versions effective on one date")
        self._calendar_id = calendar_id
        self._versions = ordered
        self._effective = effective
        self._zones = tuple(ZoneInfo(version.timezone) for version in ordered)
        self._table = DayTable(self._day_start, self._day_windows)
        for ordinal in effective[1:]:
            if self._day_start(ordinal) < self._day_start(ordinal - 1):
                raise ValueError(
                    f"calendar {calendar_id!r}: the time zone change on "
                    f"{date.fromordinal(ordinal)} moves midnight back by more than a day"
                )

    @classmethod
    def always(cls, calendar_id: str = "24x7", timezone: str = "UTC") -> WorkCalendar:
        """Every day 00:00-24:00, no holidays."""
        full_day: tuple[Window, ...] = ((0, DAY_S),)
        weekly = WeeklyHours(days=(full_day,) * 7)
        return cls(calendar_id, [CalendarVersion(date.min, timezone, weekly)])

    @property
    def calendar_id(self) -> str:
        """The calendar's identifier."""
        return self._calendar_id

    @property
    def versions(self) -> tuple[CalendarVersion, ...]:
        """The versions, by effective date."""
        return self._versions

    def __repr__(self) -> str:
        return f"WorkCalendar({self._calendar_id!r}, {len(self._versions)} version(s))"

    def business_seconds(self, start: datetime, end: datetime) -> int:
        """Working seconds in ``[start, end)``; 0 if ``end <= start``."""
        low, high = _epoch(start), _epoch(end)
        if high <= low:
            return 0
        span = self._table.covering(low, high)
        return span.total_before(high) - span.total_before(low)

    def add_business_seconds(self, start: datetime, seconds: int) -> datetime:
        """The earliest instant (UTC) by which ``seconds`` of working time have passed.

        A budget used up exactly at closing time is due at closing time, not at the next
        opening; a start outside working hours counts from the next opening.
        """
        if seconds < 0:
            raise ValueError(f"cannot add a negative working time ({seconds} s)")
        if seconds == 0:
            return start.astimezone(UTC)
        low = _epoch(start)
        span = self._table.covering(low)
        while (due := span.reach(span.total_before(low) + seconds)) is None:
            last = self._versions[-1]
            if last.weekly.is_closed and span.last > last.effective.toordinal():
                raise ValueError(
                    f"calendar {self._calendar_id!r} has no working time after "
                    f"{last.effective}; {seconds} s can never be used up"
                )
            span = self._table.grow_forward()
        return _instant(due)

    def is_working(self, instant: datetime) -> bool:
        """Whether ``instant`` falls inside a working window."""
        moment = _epoch(instant)
        return self._table.covering(moment).is_working(moment)

    def windows_between(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        """The working intervals (UTC) within ``[start, end)``, merged where contiguous."""
        low, high = _epoch(start), _epoch(end)
        if (end - _EPOCH) % _ONE_SECOND:  # a fractional end: include its last partial second
            high += 1
        # Compare in UTC: same-zone comparison ignores ``fold``, so reads repeated hours wrongly.
        first, last = start.astimezone(UTC), end.astimezone(UTC)
        if last <= first:
            return []
        found = []
        for opens, closes in self._table.covering(low, high).intervals(low, high):
            found.append((max(_instant(opens), first), min(_instant(closes), last)))
        return found

    def _version(self, ordinal: int) -> int:
        return max(bisect.bisect_right(self._effective, ordinal) - 1, 0)

    def _day_start(self, ordinal: int) -> int:
        return wall_to_epoch(self._zones[self._version(ordinal)], ordinal, 0, is_end=False)

    def _day_windows(self, ordinal: int) -> list[Window]:
        index = self._version(ordinal)
        version, zone = self._versions[index], self._zones[index]
        if date.fromordinal(ordinal) in version.holidays:
            return []
        return [
            (
                wall_to_epoch(zone, ordinal, start, is_end=False),
                wall_to_epoch(zone, ordinal, end, is_end=True),
            )
            for start, end in version.weekly.days[(ordinal - 1) % 7]
        ]


def _epoch(moment: datetime) -> int:
    """Whole epoch seconds of an aware datetime, floored."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment.isoformat()} has no time zone; pass an aware datetime")
    return (moment - _EPOCH) // _ONE_SECOND


def _instant(epoch: int) -> datetime:
    return _EPOCH + timedelta(seconds=epoch)
