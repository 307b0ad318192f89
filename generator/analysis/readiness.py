"""Readiness of the service system's components (SD SP 2.2): checked, failed or stale.

Pure. :func:`check_problems` is what validation reports at a check's line (a failed check
that names no corrective action, an attribute the component does not list, an action
record that is not one); :func:`readiness` is the state of every component as of an
instant, for the readiness page and the CMMI evidence.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from generator.analysis.maintenance_gates import GateProblem
from generator.models.component import Component, ReadinessCheck
from generator.models.log_entry import LogEntry
from generator.models.maintenance import Maintenance

State = Literal["failed", "stale", "never", "ready"]
"""failed: the last check failed; stale: it passed longer ago than ``check_every``;
never: no check at all; ready: the last check passed in time."""

ORDER: tuple[State, ...] = ("failed", "stale", "never", "ready")

NEEDS_ACTION = (
    "a failed readiness check needs its corrective action: add action: the id of the log "
    "entry (type corrective_action) or maintenance plan that fixes it"
)


Actions = Mapping[str, LogEntry | Maintenance]
"""The records a check's ``action`` may name, by id (see :func:`action_records`)."""


def action_records(log: Sequence[LogEntry], maintenance: Sequence[Maintenance]) -> Actions:
    """The log entries and maintenance plans by id: what ``action`` is looked up in."""
    return {**{plan.id: plan for plan in maintenance}, **{entry.id: entry for entry in log}}


def check_problems(component: Component, actions: Actions) -> list[GateProblem]:
    """What is wrong with ``component``'s checks, each at the field it concerns."""
    found = []
    quality = set(component.quality)
    for index, check in enumerate(component.checks):
        if check.result == "failed" and not check.action:
            found.append(GateProblem(("checks", index, "result"), NEEDS_ACTION))
        entry = actions.get(check.action or "")
        if isinstance(entry, LogEntry) and entry.type != "corrective_action":
            found.append(
                GateProblem(
                    ("checks", index, "action"),
                    f"{entry.id} is a log entry of type {entry.type}; name a corrective_action "
                    "entry or a maintenance plan",
                )
            )
        for place, attribute in enumerate(check.attributes):
            if attribute not in quality:
                listed = "; ".join(component.quality) or "none"
                found.append(
                    GateProblem(
                        ("checks", index, "attributes", place),
                        f"'{attribute}' is not one of the component's quality attributes "
                        f"({listed}); copy one word for word, or add it under quality",
                    )
                )
    return found


@dataclass(frozen=True)
class AttributeCheck:
    """One quality attribute and the last check that showed it (None: never shown)."""

    attribute: str
    last: ReadinessCheck | None


@dataclass(frozen=True)
class ActionState:
    """The corrective action a failed check names: its record and whether it is done."""

    record_id: str
    title: str
    done: bool
    due: datetime | None


@dataclass(frozen=True)
class ComponentReadiness:
    """A component's readiness as of an instant."""

    component: Component
    state: State
    last: ReadinessCheck | None
    due: date | None
    """When the next check is due (``check_every`` after the last one; None without it)."""
    action: ActionState | None
    attributes: tuple[AttributeCheck, ...]


def readiness(
    components: Sequence[Component], actions: Actions, as_of: datetime
) -> list[ComponentReadiness]:
    """Every component that is not retired, by state (failed first) and id."""
    found = []
    for component in components:
        if component.status == "retired":
            continue
        checks = [c for c in component.checks if c.at <= as_of]
        last = max(checks, key=lambda c: c.at, default=None)
        due = (
            component.check_every.after(last.at.date())
            if last is not None and component.check_every is not None
            else None
        )
        found.append(
            ComponentReadiness(
                component,
                _state(last, due, as_of),
                last,
                due,
                _action(last, actions),
                tuple(_attributes(component, checks)),
            )
        )
    return sorted(found, key=lambda r: (ORDER.index(r.state), r.component.id))


def _state(last: ReadinessCheck | None, due: date | None, as_of: datetime) -> State:
    if last is None:
        return "never"
    if last.result == "failed":
        return "failed"
    if due is not None and due < as_of.date():
        return "stale"
    return "ready"


def _action(last: ReadinessCheck | None, actions: Actions) -> ActionState | None:
    if last is None or last.result != "failed" or not last.action:
        return None
    record = actions.get(last.action)
    if isinstance(record, LogEntry):
        return ActionState(record.id, record.title, record.status == "done", record.due)
    if isinstance(record, Maintenance):
        return ActionState(record.id, record.title, record.status == "done", None)
    return None


def _attributes(component: Component, checks: list[ReadinessCheck]) -> list[AttributeCheck]:
    shown = {}
    for check in sorted(checks, key=lambda c: c.at):
        if check.result == "passed":
            for attribute in check.attributes:
                shown[attribute] = check
    return [AttributeCheck(a, shown.get(a)) for a in component.quality]
