"""Clocks as the dashboards list them: which clock of which request, in words.

Shared by the internal dashboard, the service reports and the home page, so a
clock is named and ordered the same way everywhere.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.models.request import Request
    from generator.sla.clock import ClockResult
    from generator.sla.request_clocks import RequestClocks
    from generator.sla.status import RequestState

METRIC_LABELS: dict[str, str] = {
    "first_response": "first response",
    "next_response": "next response",
    "periodic_update": "periodic update",
    "resolution": "resolution",
}


@dataclass(frozen=True)
class ClockAlert:
    """One clock of one request that needs attention (at risk, breached, due next)."""

    request: Request
    state: RequestState
    label: str
    clock: ClockResult

    @property
    def escalation_text(self) -> str:
        """``level 2 of 3 (75 %)``; empty at level 0."""
        clock = self.clock
        if not clock.escalation_level:
            return ""
        percent = clock.escalate_at[clock.escalation_level - 1]
        return f"level {clock.escalation_level} of {len(clock.escalate_at)} ({percent:g} %)"

    @property
    def over_by_s(self) -> int:
        """How far past the target it breached under the clock is (0 when within it)."""
        return self.clock.over_target_s


def current_clocks(clocks: RequestClocks) -> list[tuple[str, ClockResult]]:
    """The clocks that matter at ``as_of``, labelled (reply cycles: the current one)."""
    return [
        (METRIC_LABELS["first_response"], clocks.first_response),
        (METRIC_LABELS["resolution"], clocks.resolution),
        (METRIC_LABELS["next_response"], clocks.next_response.current),
        (METRIC_LABELS["periodic_update"], clocks.periodic_update.current),
    ]


def alerts(
    requests: dict[str, tuple[Request, RequestState]],
    clocks: dict[str, RequestClocks],
    states: frozenset[str],
) -> list[ClockAlert]:
    """Current clocks in ``states`` of the given (open) requests, unsorted."""
    found: list[ClockAlert] = []
    for request_id, (request, state) in sorted(requests.items()):
        result = clocks.get(request_id)
        if result is None or result.agreement_id is None:
            continue
        for label, clock in current_clocks(result):
            if clock.state in states:
                found.append(ClockAlert(request, state, label, clock))
    return found


def by_due(alert: ClockAlert) -> tuple[float, str, str]:
    """Sort key: due soonest first (no due time last), then request id."""
    due = alert.clock.due
    return (due.timestamp() if due is not None else math.inf, alert.request.id, alert.label)


def by_overdue(alert: ClockAlert) -> tuple[int, str, str]:
    """Sort key: most overdue first, then request id."""
    return (-alert.over_by_s, alert.request.id, alert.label)


def escalated(alerts: list[ClockAlert]) -> list[ClockAlert]:
    """The alerts at an escalation level, highest level first, then due soonest."""
    found = [a for a in alerts if a.clock.escalation_level]
    return sorted(found, key=lambda a: (-a.clock.escalation_level, *by_due(a)))
