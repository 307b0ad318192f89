"""What still stands between an open maintenance plan and ``done``, for its page (pure).

The same gates validation enforces once a plan is marked done
(:mod:`generator.analysis.maintenance_gates`), shown while it is open, so a plan with a
failed test reads as blocked rather than merely "in progress".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.analysis.commit_gate import commit_id_problem
from generator.analysis.maintenance_gates import needs_notice
from generator.models.maintenance import Maintenance

SHOWN_FOR = frozenset({"proposed", "approved", "scheduled", "in_progress"})
"""Statuses whose page lists the gates (a finished plan's are checked by validate)."""


@dataclass(frozen=True)
class GateRow:
    """One gate: what it asks, whether it is met, and what is missing."""

    gate: str
    met: bool
    detail: str


def gate_rows(plan: Maintenance, customers: Sequence[str]) -> list[GateRow]:
    """The gates of an open plan, in the order a team meets them (empty once finished)."""
    if plan.status not in SHOWN_FOR:
        return []
    return [_tests(plan), _notice(plan, customers), _documentation(plan), _commits(plan)]


def blocked(rows: Sequence[GateRow]) -> bool:
    """True when a test failed: the plan cannot be done until a repeat passes."""
    return any(r.gate == "Every test passed" and "failed" in r.detail for r in rows)


def _tests(plan: Maintenance) -> GateRow:
    failed = [t.name for t in plan.tests if t.result == "failed"]
    pending = [t.name for t in plan.tests if t.result == "pending"]
    parts = []
    if failed:
        parts.append("failed: " + "; ".join(failed))
    if pending:
        parts.append("pending: " + "; ".join(pending))
    if not plan.tests:
        return GateRow("Every test passed", True, "no tests recorded")
    detail = ", ".join(parts) if parts else f"{len(plan.tests)} passed"
    return GateRow("Every test passed", not parts, detail)


def _notice(plan: Maintenance, customers: Sequence[str]) -> GateRow:
    gate = "Customers notified"
    if not needs_notice(plan, customers):
        return GateRow(gate, True, "no customer affected")
    who = ", ".join(customers) if customers else "customers"
    if plan.notified is not None and plan.notification.strip():
        return GateRow(gate, True, f"{who}: sent {plan.notified.date().isoformat()}")
    return GateRow(gate, False, f"{who}: no notice sent yet")


def _documentation(plan: Maintenance) -> GateRow:
    if plan.documentation.strip():
        return GateRow("Documentation updated", True, "named under documentation")
    return GateRow("Documentation updated", False, "no document named yet")


def _commits(plan: Maintenance) -> GateRow:
    bad = [value for value in plan.commits if commit_id_problem(value) is not None]
    if bad:
        return GateRow("Commits named in full", False, f"{len(bad)} not a full commit id")
    count = len(plan.commits)
    return GateRow("Commits named in full", True, f"{count} listed" if count else "none listed")
