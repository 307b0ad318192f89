"""Who is on duty, and which service hours nobody covers (pure).

A rota's duty is its weekly hours plus its RRULE shifts, in the rota's time zone, from
its ``effective`` day to its ``until`` day. Each stretch of duty belongs to one person:
the people take turns in the listed order, handing over every day or every week counted
from ``effective`` (a night shift belongs to the day it starts).

A calendar's service hours are covered while at least one rota that staffs it (a rota
that lists the calendar, or lists none) has someone on duty. The coverage view takes
the calendars of the agreements in force, week by week from the Monday of the week of
``as_of``: the service hours, the hours nobody covers and the gaps themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from generator.analysis.occurrences import occurrences
from generator.models.agreement import Agreement
from generator.models.calendar_record import WEEKDAYS, window_seconds
from generator.models.rota import Rota
from generator.sla.calendars import CalendarBook

WEEKS = 8
"""Weeks the coverage view and the on-duty lists look ahead, counting the current one."""

Interval = tuple[datetime, datetime]


@dataclass(frozen=True)
class Duty:
    """One stretch of duty of one person (UTC)."""

    rota: Rota
    person: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class CoverageWeek:
    """One calendar's service hours in one week, and what nobody covers."""

    start: date
    """The Monday the week starts on (in the calendar's time zone)."""
    service_s: int
    uncovered_s: int
    gaps: tuple[Interval, ...]

    @property
    def label(self) -> str:
        """ISO week, e.g. ``2026-W48``."""
        year, week, _ = self.start.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def covered_pct(self) -> float | None:
        """Share of the service hours someone covers, in percent (None: no service hours)."""
        if not self.service_s:
            return None
        return round(100 * (self.service_s - self.uncovered_s) / self.service_s, 1)


@dataclass(frozen=True)
class CalendarCoverage:
    """The coverage of one calendar's service hours, week by week."""

    calendar_id: str
    timezone: str
    agreements: tuple[str, ...]
    rotas: tuple[str, ...]
    weeks: tuple[CoverageWeek, ...]

    @property
    def uncovered_s(self) -> int:
        """Service seconds nobody covers over all the weeks shown."""
        return sum(w.uncovered_s for w in self.weeks)


def duties(rota: Rota, start: datetime, end: datetime) -> list[Duty]:
    """The rota's stretches of duty that overlap ``[start, end)``, in time order."""
    zone = ZoneInfo(rota.timezone)
    first = max(start.astimezone(UTC), _day_start(rota.effective, 0, zone))
    last = end.astimezone(UTC)
    if rota.until is not None:
        last = min(last, _day_start(rota.until, 1, zone))
    if last <= first:
        return []
    found = [
        Duty(rota, _on_duty(rota, began.astimezone(zone).date()), max(began, first), min(e, last))
        for began, e in _stretches(rota, first, last, zone)
    ]
    return sorted(found, key=lambda d: (d.start, d.end, d.person))


def _stretches(rota: Rota, start: datetime, end: datetime, zone: ZoneInfo) -> list[Interval]:
    """Whole stretches (not clipped: a turn belongs to the day a stretch begins) that
    overlap ``[start, end)``."""
    found: list[Interval] = []
    day = start.astimezone(zone).date() - timedelta(days=1)
    while _day_start(day, 0, zone) < end:
        for window in rota.weekly.get(WEEKDAYS[day.weekday()], ()):
            opens, closes = window_seconds(window)
            low = _at(day, opens, zone)
            high = _at(day, closes, zone)
            if high > start and low < end:
                found.append((low, high))
        day += timedelta(days=1)
    for shift in rota.shifts:
        length = timedelta(seconds=shift.duration)
        found.extend(occurrences(shift.start, shift.recurrence, length, start, end, rota.timezone))
    return found


def _on_duty(rota: Rota, day: date) -> str:
    days = (day - rota.effective).days
    turn = days // 7 if rota.handover == "weekly" else days
    return rota.people[turn % len(rota.people)]


def _at(day: date, seconds: int, zone: ZoneInfo) -> datetime:
    return (datetime.combine(day, time(), zone) + timedelta(seconds=seconds)).astimezone(UTC)


def _day_start(day: date, offset: int, zone: ZoneInfo) -> datetime:
    return datetime.combine(day + timedelta(days=offset), time(), zone).astimezone(UTC)


def merged(intervals: Iterable[Interval]) -> list[Interval]:
    """The union of ``intervals``, sorted, touching ones joined."""
    out: list[Interval] = []
    for low, high in sorted(intervals):
        if out and low <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], high))
        else:
            out.append((low, high))
    return out


def subtract(intervals: Sequence[Interval], taken: Sequence[Interval]) -> list[Interval]:
    """The parts of ``intervals`` outside every interval of ``taken`` (both merged)."""
    out: list[Interval] = []
    for low, high in intervals:
        cursor = low
        for t_low, t_high in taken:
            if t_high <= cursor or t_low >= high:
                continue
            if t_low > cursor:
                out.append((cursor, t_low))
            cursor = max(cursor, t_high)
        if cursor < high:
            out.append((cursor, high))
    return out


def seconds(intervals: Iterable[Interval]) -> int:
    """Total length of ``intervals`` in whole seconds."""
    return sum(int((high - low).total_seconds()) for low, high in intervals)


def coverage(
    rotas: Sequence[Rota],
    agreements: Iterable[Agreement],
    calendars: CalendarBook,
    as_of: datetime,
    weeks: int = WEEKS,
) -> list[CalendarCoverage]:
    """Each service-hours calendar of the agreements in force at ``as_of``, week by week."""
    users: dict[str, list[str]] = {}
    for agreement in agreements:
        if agreement.status == "active" and agreement.in_force_on(as_of.date()):
            users.setdefault(agreement.calendar, []).append(agreement.id)
    found = []
    for calendar_id in sorted(users):
        work = calendars.get(calendar_id)
        if work is None:
            continue
        zone_name = calendars.timezone(calendar_id)
        zone = ZoneInfo(zone_name)
        staffing = [r for r in rotas if not r.calendars or calendar_id in r.calendars]
        monday = as_of.astimezone(zone).date()
        monday -= timedelta(days=monday.weekday())
        rows = []
        for week in range(weeks):
            first = monday + timedelta(weeks=week)
            low, high = _day_start(first, 0, zone), _day_start(first, 7, zone)
            hours = merged(work.windows_between(low, high))
            duty = merged((d.start, d.end) for r in staffing for d in duties(r, low, high))
            gaps = subtract(hours, duty)
            rows.append(CoverageWeek(first, seconds(hours), seconds(gaps), tuple(gaps)))
        found.append(
            CalendarCoverage(
                calendar_id,
                zone_name,
                tuple(sorted(users[calendar_id])),
                tuple(r.id for r in staffing),
                tuple(rows),
            )
        )
    return found


def on_duty(rota: Rota, as_of: datetime, weeks: int = WEEKS) -> list[Duty]:
    """The rota's duties from the Monday of the week of ``as_of`` on, ``weeks`` weeks."""
    zone = ZoneInfo(rota.timezone)
    monday = as_of.astimezone(zone).date()
    monday -= timedelta(days=monday.weekday())
    return duties(rota, _day_start(monday, 0, zone), _day_start(monday, 7 * weeks, zone))
