"""Monthly figures of one agreement: volume, breaches, satisfaction, delivery.

One pass over the requests sorts every fact into its agreement and month (in the
agreement's time zone), so reports for many months cost one walk, not one each.
Months follow the compliance rules (:mod:`generator.analysis.compliance`): a clock
counts in the month it stopped, an open breached clock in the month of ``as_of``; so do
the groups' operational level clocks (each turn's time to assign, and time held).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from generator.analysis.compliance import ComplianceRow, month_of, percent
from generator.sla.status import request_state

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from datetime import datetime

    from generator.models.request import Request
    from generator.sla.clock import ClockResult
    from generator.sla.request_clocks import RequestClocks
    from generator.sla.status import RequestState


@dataclass(frozen=True)
class MonthTotal:
    """All clocks of an agreement in one month: met, breached and the share met."""

    month: str
    met: int
    breached: int

    @property
    def percent(self) -> float | None:
        """Met ÷ (met + breached) in percent, one decimal; None when nothing was judged."""
        return percent(self.met, self.met + self.breached)


@dataclass(frozen=True)
class Breach:
    """A clock of a request that counted as breached in a month."""

    request_id: str
    clock: ClockResult
    status_at_breach: str
    group_at_breach: str | None

    @property
    def over_by_s(self) -> int:
        """Business seconds past the target it breached under (at the stop, or at
        ``as_of``); a later downgrade does not shrink it."""
        return self.clock.over_target_s


@dataclass
class MonthFacts:
    """What happened under one agreement in one month."""

    received: list[str] = field(default_factory=list)
    volume: Counter[tuple[str, str]] = field(default_factory=Counter)
    """(category, priority) → requests received."""
    breaches: list[Breach] = field(default_factory=list)
    targets: dict[tuple[str, str], set[int]] = field(default_factory=lambda: defaultdict(set))
    """(metric, priority) → the targets (seconds) of the clocks judged."""
    ratings: list[tuple[str, int, str]] = field(default_factory=list)
    """(request id, score, comment) of ratings given in the month."""
    resolved: list[tuple[str, datetime]] = field(default_factory=list)
    """(request id, resolved at) of requests resolved in the month."""
    versions: set[int] = field(default_factory=set)
    """The agreement versions the month's requests and clocks were measured under."""
    groups: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    """(group, ``assign`` or ``hold``, ``met`` or ``breached``) → group clocks judged."""


def month_range(first: str, last: str) -> list[str]:
    """Every ``YYYY-MM`` from ``first`` to ``last`` inclusive."""
    year, month = int(first[:4]), int(first[5:7])
    found = []
    while f"{year:04d}-{month:02d}" <= last:
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def previous_month(month: str) -> str:
    """The ``YYYY-MM`` before ``month``."""
    year, number = int(month[:4]), int(month[5:7])
    return f"{year - 1:04d}-12" if number == 1 else f"{year:04d}-{number - 1:02d}"


def month_totals(rows: Iterable[ComplianceRow]) -> dict[str, MonthTotal]:
    """Compliance rows summed over metrics and priorities, by month."""
    met: Counter[str] = Counter()
    breached: Counter[str] = Counter()
    for row in rows:
        met[row.month] += row.met
        breached[row.month] += row.breached
    return {m: MonthTotal(m, met[m], breached[m]) for m in sorted(set(met) | set(breached))}


def monthly_facts(
    requests: Iterable[tuple[Request, RequestState, RequestClocks]],
    as_of: datetime,
    timezone_of: Callable[[str], str],
) -> dict[str, dict[str, MonthFacts]]:
    """agreement id → month → facts, for requests handled under an agreement."""
    found: dict[str, dict[str, MonthFacts]] = defaultdict(lambda: defaultdict(MonthFacts))
    zones: dict[str, ZoneInfo] = {}
    for request, state, clocks in requests:
        agreement = clocks.agreement_id
        if agreement is None:
            continue
        zone = zones.get(agreement) or zones.setdefault(agreement, ZoneInfo(timezone_of(agreement)))
        months = found[agreement]
        received = months[month_of(request.received, zone)]
        received.received.append(request.id)
        received.volume[(request.category or "—", request.priority)] += 1
        version = clocks.agreement_version
        if version is not None:
            received.versions.add(version)
        current = month_of(as_of, zone)
        for clock in clocks.measured():
            if clock.state == "not_applicable":
                continue
            month = current if clock.stopped_at is None else month_of(clock.stopped_at, zone)
            if version is not None:
                months[month].versions.add(version)
            if clock.target_s is not None:
                months[month].targets[(clock.metric, clock.priority)].add(clock.target_s)
            if clock.state == "breached":
                months[month].breaches.append(_breach(request, clock, clocks))
        for held in clocks.groups:
            for clock in held.measured:
                if clock.state == "breached" or (clock.state == "met" and clock.stopped_at):
                    at = clock.stopped_at
                    month = current if at is None else month_of(at, zone)
                    months[month].groups[(held.group, clock.metric, clock.state)] += 1
        if state.resolved_at is not None:
            months[month_of(state.resolved_at, zone)].resolved.append(
                (request.id, state.resolved_at)
            )
        rating = request.satisfaction
        if rating is not None and (rating.at is None or rating.at <= as_of):
            rated_at = rating.at or state.resolved_at or state.closed_at
            if rated_at is not None:
                months[month_of(rated_at, zone)].ratings.append(
                    (request.id, rating.score, rating.comment)
                )
    return {agreement: dict(months) for agreement, months in found.items()}


def _breach(request: Request, clock: ClockResult, clocks: RequestClocks) -> Breach:
    status, group = clocks.status, clocks.group
    if clock.breached_at is not None:
        then = request_state(request, clock.breached_at)
        status, group = then.status, then.group
    return Breach(request.id, clock, status, group)
