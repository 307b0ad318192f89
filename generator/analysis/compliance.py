"""SLA compliance per agreement × metric × priority × month.

Population (DESIGN.md §3): clocks that stopped in the month, met or breached, plus clocks
still running that are already breached, counted in the month of ``as_of``. Each
``next_response`` and ``periodic_update`` cycle is a clock of its own; the resolution
counted is the final one. Months and the month of ``as_of`` are read in the time zone of
the agreement's calendar. The priority is the one in force when the clock stopped (or at
``as_of``).

- ``percent`` = met ÷ (met + breached) × 100, rounded half up to one decimal; None for 0/0.
- ``p50_elapsed_s``/``p90_elapsed_s``: nearest-rank percentiles (the smallest value with at
  least that share of values at or below it) of the elapsed time of the clocks that
  stopped in the month; None when none stopped.
- ``open_within_target``: clocks running, at risk or paused at ``as_of`` (not breached);
  ``open_breached``: running clocks already breached (also counted in ``breached``). Both
  belong to the month of ``as_of``.
- ``downgraded_after_breach``: clocks of the row whose target was raised by a priority
  change after they had breached (with ``breach_sticky`` they still count as breached).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from generator.models.agreement import METRICS

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from generator.sla.clock import ClockResult
    from generator.sla.request_clocks import RequestClocks

_METRIC_ORDER: dict[str, int] = {metric: index for index, metric in enumerate(METRICS)}


@dataclass(frozen=True)
class ComplianceRow:
    """The figures of one agreement, month, metric and priority."""

    month: str
    metric: str
    priority: str
    met: int
    breached: int
    percent: float | None
    p50_elapsed_s: int | None
    p90_elapsed_s: int | None
    open_within_target: int
    open_breached: int
    downgraded_after_breach: int


@dataclass
class _Tally:
    met: int = 0
    breached: int = 0
    open_within_target: int = 0
    open_breached: int = 0
    downgraded_after_breach: int = 0
    elapsed: list[int] = field(default_factory=list)

    def row(self, month: str, metric: str, priority: str) -> ComplianceRow:
        return ComplianceRow(
            month=month,
            metric=metric,
            priority=priority,
            met=self.met,
            breached=self.breached,
            percent=percent(self.met, self.met + self.breached),
            p50_elapsed_s=nearest_rank(self.elapsed, 50),
            p90_elapsed_s=nearest_rank(self.elapsed, 90),
            open_within_target=self.open_within_target,
            open_breached=self.open_breached,
            downgraded_after_breach=self.downgraded_after_breach,
        )


def percent(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` in percent, one decimal, rounded half up; None when whole is 0."""
    if whole == 0:
        return None
    value = Decimal(part * 100) / Decimal(whole)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def nearest_rank(values: list[int], share: int) -> int | None:
    """The nearest-rank percentile of ``values`` (``share`` in percent); None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(math.ceil(share * len(ordered) / 100), 1) - 1]


def month_of(moment: datetime, zone: ZoneInfo) -> str:
    """``YYYY-MM`` of an instant in a time zone."""
    local = moment.astimezone(zone)
    return f"{local.year:04d}-{local.month:02d}"


def month_end(month: str, zone: ZoneInfo) -> datetime:
    """The last instant (to the microsecond) of ``YYYY-MM`` in a time zone."""
    year, number = (int(part) for part in month.split("-"))
    year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    start = datetime(year, number, 1, tzinfo=zone)
    return start.astimezone(UTC) - timedelta(microseconds=1)


def compliance(
    results: Iterable[RequestClocks],
    as_of: datetime,
    timezone_of: Callable[[str], str],
) -> dict[str, list[ComplianceRow]]:
    """Rows per agreement id, sorted by month, metric and priority.

    ``timezone_of`` gives the IANA zone of an agreement (by id).
    """
    tallies: dict[str, dict[tuple[str, str, str], _Tally]] = defaultdict(dict)
    zones: dict[str, ZoneInfo] = {}
    for result in results:
        agreement = result.agreement_id
        if agreement is None:
            continue
        zone = zones.get(agreement)
        if zone is None:
            zone = zones[agreement] = ZoneInfo(timezone_of(agreement))
        current_month = month_of(as_of, zone)
        for clock in result.measured():
            _count(tallies[agreement], clock, zone, current_month)
    return {
        agreement: [
            tally.row(*key)
            for key, tally in sorted(
                rows.items(), key=lambda item: (item[0][0], _METRIC_ORDER[item[0][1]], item[0][2])
            )
        ]
        for agreement, rows in sorted(tallies.items())
    }


def _count(
    rows: dict[tuple[str, str, str], _Tally], clock: ClockResult, zone: ZoneInfo, current: str
) -> None:
    if clock.state == "not_applicable":
        return
    month = current if clock.stopped_at is None else month_of(clock.stopped_at, zone)
    tally = rows.setdefault((month, clock.metric, clock.priority), _Tally())
    tally.downgraded_after_breach += int(clock.downgraded_after_breach)
    if clock.stopped_at is not None:
        if clock.state == "met":
            tally.met += 1
        else:
            tally.breached += 1
        if clock.elapsed_s is not None:
            tally.elapsed.append(clock.elapsed_s)
    elif clock.state == "breached":
        tally.breached += 1
        tally.open_breached += 1
    else:
        tally.open_within_target += 1
