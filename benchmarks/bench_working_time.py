"""Working-time queries: does a 5-year span cost the same as a 1-day span?

Run: ``python benchmarks/bench_working_time.py``. Times 100,000 ``business_seconds`` and
100,000 ``add_business_seconds`` calls per row, on an office calendar with Berlin public
holidays and on 24x7, plus the one-off cost of a fresh calendar's first 5-year query
(which fills its table).
"""

from __future__ import annotations

import random
import time
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

import holidays

from generator.sla.working_time import CalendarVersion, WeeklyHours, WorkCalendar

if TYPE_CHECKING:
    from collections.abc import Callable

CALLS = 100_000
HOUR = 3600
DAY = timedelta(days=1)
FIVE_YEARS = timedelta(days=5 * 365)


class Row(NamedTuple):
    calendar: str
    operation: str
    span: str
    calls: int
    seconds: float


def office_berlin() -> WorkCalendar:
    """Mon-Fri 08:00-18:00 in Europe/Berlin, closed on Berlin's public holidays."""
    workday = ((8 * HOUR, 18 * HOUR),)
    weekly = WeeklyHours(days=(workday,) * 5 + ((), ()))
    closed = frozenset(holidays.country_holidays("DE", subdiv="BE", years=range(2015, 2040)))
    return WorkCalendar("office", [CalendarVersion(date.min, "Europe/Berlin", weekly, closed)])


def always() -> WorkCalendar:
    return WorkCalendar.always(timezone="Europe/Berlin")


def starts(count: int) -> list[datetime]:
    """Random instants over 2025-2026, the same every run."""
    pick = random.Random(20250317)
    base = datetime(2025, 1, 1, tzinfo=UTC)
    return [base + timedelta(seconds=pick.randrange(2 * 365 * 86_400)) for _ in range(count)]


def measure_spans(work: WorkCalendar, instants: list[datetime], span: timedelta) -> float:
    """Seconds taken by ``business_seconds`` from every instant over ``span``."""
    ends = [instant + span for instant in instants]
    began = time.perf_counter()
    for start, end in zip(instants, ends, strict=True):
        work.business_seconds(start, end)
    return time.perf_counter() - began


def measure_adds(work: WorkCalendar, instants: list[datetime], budget: int) -> float:
    """Seconds taken by ``add_business_seconds`` of ``budget`` from every instant."""
    began = time.perf_counter()
    for start in instants:
        work.add_business_seconds(start, budget)
    return time.perf_counter() - began


def rows_for(name: str, make: Callable[[], WorkCalendar], day_budget: int) -> list[Row]:
    """The benchmark rows of one kind of calendar."""
    instants = starts(CALLS)
    fresh = make()
    began = time.perf_counter()
    fresh.business_seconds(instants[0], instants[0] + FIVE_YEARS)
    rows = [Row(name, "first call (fills table)", "5 years", 1, time.perf_counter() - began)]
    work = make()
    work.business_seconds(instants[0] - FIVE_YEARS, instants[0] + 3 * FIVE_YEARS)  # warm up
    five_year_budget = work.business_seconds(instants[0], instants[0] + FIVE_YEARS)
    for label, span, budget in (
        ("1 day", DAY, day_budget),
        ("5 years", FIVE_YEARS, five_year_budget),
    ):
        rows.append(
            Row(name, "business_seconds", label, CALLS, measure_spans(work, instants, span))
        )
        rows.append(
            Row(name, "add_business_seconds", label, CALLS, measure_adds(work, instants, budget))
        )
    return rows


def main() -> None:
    rows = rows_for("office Berlin", office_berlin, 10 * HOUR) + rows_for("24x7", always, 86_400)
    print(
        f"{'calendar':<14} {'operation':<26} {'span':<8} {'calls':>7} {'total s':>8} {'µs/call':>8}"
    )
    for row in rows:
        print(
            f"{row.calendar:<14} {row.operation:<26} {row.span:<8} {row.calls:>7} "
            f"{row.seconds:>8.3f} {row.seconds / row.calls * 1e6:>8.2f}"
        )


if __name__ == "__main__":
    main()
