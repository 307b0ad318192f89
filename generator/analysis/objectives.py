"""Months below an agreement's compliance objectives: the reviews that events call for.

An agreement may promise a share of clocks in target per month (``objectives``, percent
per clock, e.g. ``resolution: 95``). A month misses it when the clock's compliance over
all priorities (met ÷ (met + breached), as in :mod:`generator.analysis.compliance`) is
below the objective. Only months that have ended by ``as_of`` are judged: a month to date
still changes. The objective is that of the version in force at the end of the month.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from generator.analysis.compliance import ComplianceRow, percent


@dataclass(frozen=True)
class ObjectiveMiss:
    """One month and clock whose compliance fell below the agreement's objective."""

    agreement_id: str
    month: str
    metric: str
    objective: float
    percent: float
    met: int
    breached: int

    def text(self) -> str:
        """The flag in words: ``2026-09 resolution: 87.5 % in target, objective 95 %``."""
        return (
            f"{self.month} {self.metric.replace('_', ' ')}: {self.percent:g} % in target "
            f"({self.met} met, {self.breached} breached), objective {self.objective:g} %"
        )


def objective_misses(
    agreement_id: str,
    rows: Iterable[ComplianceRow],
    objectives_of: Callable[[str], Mapping[str, float]],
    current_month: str,
) -> list[ObjectiveMiss]:
    """The ended months (before ``current_month``) below their objective, oldest first.

    ``objectives_of(month)`` gives the objectives in force at the end of that month.
    """
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        if row.month < current_month:
            total = totals[(row.month, row.metric)]
            total[0] += row.met
            total[1] += row.breached
    misses = []
    for (month, metric), (met, breached) in sorted(totals.items()):
        objective = objectives_of(month).get(metric)
        share = percent(met, met + breached)
        if objective is not None and share is not None and share < objective:
            misses.append(
                ObjectiveMiss(agreement_id, month, metric, objective, share, met, breached)
            )
    return misses
