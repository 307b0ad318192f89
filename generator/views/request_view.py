"""A request page's readable timeline and its completion notice (receipt).

Pure. The timeline merges the recorded events with what the SLA clocks did
(paused, resumed, breached), so a reader sees why a clock stood still; an
assignment to another group reads as a transfer. The completion notice sums up
a resolved or closed request for the requester: what was done, when, under which
agreement, how the clocks ended, and the rating if one was given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from generator.analysis.visibility import is_internal
from generator.models.request import Action, Assigned, Closed, Resolved, StatusChange
from generator.views.clocks import METRIC_LABELS
from generator.views.describe import describe_event
from generator.views.verdicts import first_resolution_differs, rating_as_of

if TYPE_CHECKING:
    from datetime import datetime

    from generator.models.request import Request, Satisfaction
    from generator.sla.clock import ClockEvent, ClockResult
    from generator.sla.request_clocks import RequestClocks
    from generator.sla.status import RequestState

_CLOCK_STEPS = {
    "pause": "clock paused",
    "resume": "clock resumed",
    "breach": "target breached",
    "breach_cleared": "breach cleared",
    "target_change": "target changed",
}
_STAFF_STEPS = {"escalation": "escalated"}
"""Clock steps only the staff site shows: escalation levels are the team's own."""
_PAUSING_METRICS = ("first_response", "resolution")


@dataclass(frozen=True)
class TimelineRow:
    """One line of the timeline: an event (``event_index`` set) or a clock step."""

    at: datetime
    kind: str
    label: str
    detail: str
    by: str | None = None
    event_index: int | None = None
    handover: tuple[str | None, str, str | None, str] | None = None
    """For assignments: (from group or None, to group, person, reason), shown as links."""

    @property
    def marked(self) -> bool:
        """Transfers and clock steps stand out in the timeline."""
        return self.kind in ("transferred", "clock")

    @property
    def receipt(self) -> bool:
        """The row of the request's arrival (its commit is the record's first)."""
        return self.kind == "received"


@dataclass(frozen=True)
class CompletionNotice:
    """The receipt of a resolved or closed request."""

    resolution: str
    resolved_at: datetime | None
    closed_at: datetime | None
    closing: str
    actions: tuple[str, ...]
    outcomes: tuple[tuple[str, ClockResult], ...]
    satisfaction: Satisfaction | None
    auto_close_at: datetime | None = None
    """While resolved: when it will close by itself unless the requester objects."""


def request_view(
    request: Request,
    state: RequestState,
    clocks: RequestClocks | None,
    as_of: datetime,
    *,
    staff: bool = True,
) -> dict[str, Any]:
    """Context additions of a request page: ``timeline`` rows and ``notice`` (or None);
    ``staff``: the timeline shows the escalation levels reached too, and ``group_clocks``
    the groups' operational level clocks (internal agreements between groups)."""
    return {
        "group_clocks": clocks.groups if staff and clocks is not None else (),
        "timeline": timeline_rows(request, clocks, as_of, staff=staff),
        "notice": completion_notice(request, state, clocks, as_of),
        "first_resolution_differs": first_resolution_differs(clocks),
    }


def timeline_rows(
    request: Request, clocks: RequestClocks | None, as_of: datetime, *, staff: bool = True
) -> list[TimelineRow]:
    """Events up to ``as_of`` and the clock steps between them, in time order."""
    rows = [TimelineRow(request.received, "received", "received", f"via {request.channel}",
                        request.requester)]  # fmt: skip
    group: str | None = None
    status = "new"
    for index, event in enumerate(request.events):
        if event.at > as_of:
            break  # events are in time order (validated)
        kind: str = event.type
        label, detail = kind, describe_event(event)
        handover = None
        if isinstance(event, Assigned):
            moved = group is not None and event.group != group
            if moved:
                kind, label = "transferred", "transferred"
                detail = f"from {group} to " + detail.removeprefix("to ")
            handover = (group if moved else None, event.group, event.person, event.reason)
            group = event.group
            status = "assigned" if status == "new" else status
        elif isinstance(event, StatusChange):
            label = "status"
            detail = f"{_words(status)} → {detail.removeprefix('now ')}"
            status = event.status
        elif event.type in ("resolved", "closed"):
            status = event.type
        elif event.type == "reopened":
            status = "in_progress"
        rows.append(TimelineRow(event.at, kind, label, detail, event.by, index, handover))
    rows.extend(_clock_rows(clocks, {**_CLOCK_STEPS, **_STAFF_STEPS} if staff else _CLOCK_STEPS))
    # Stable: at one instant the event comes first, then what it did to the clocks.
    return sorted(rows, key=lambda row: (row.at.timestamp(), row.event_index is None))


def _clock_rows(clocks: RequestClocks | None, steps: dict[str, str]) -> list[TimelineRow]:
    if clocks is None or clocks.agreement_id is None:
        return []
    found: dict[tuple[float, str, str], TimelineRow] = {}
    measured: list[tuple[str, ClockResult]] = [
        (metric, getattr(clocks, metric)) for metric in _PAUSING_METRICS
    ]
    measured += [("next_response", c) for c in clocks.next_response.cycles]
    measured += [("periodic_update", c) for c in clocks.periodic_update.cycles]
    for metric, clock in measured:
        for step in clock.events:
            if step.kind not in steps:
                continue
            if step.kind in ("pause", "resume", "target_change") and metric not in _PAUSING_METRICS:
                continue
            label = f"{METRIC_LABELS[metric]} {steps[step.kind]}"
            key = (step.at.timestamp(), metric, step.kind)
            detail = _clock_detail(step)
            found.setdefault(key, TimelineRow(step.at, "clock", label, detail))
    return list(found.values())


def _clock_detail(step: ClockEvent) -> str:
    if step.kind == "pause":
        return f"while {_words(step.detail)}"
    if step.kind == "resume":
        return f"now {_words(step.detail)}"
    if step.kind == "target_change":
        return step.detail.replace("_", " ")
    if step.kind == "breach":
        # The target in force then (a later priority change may have replaced it).
        return f"the {step.detail} target is used up"
    return step.detail


def completion_notice(
    request: Request, state: RequestState, clocks: RequestClocks | None, as_of: datetime
) -> CompletionNotice | None:
    """The receipt, for requests resolved or closed at ``as_of``; None otherwise."""
    if state.status not in ("resolved", "closed"):
        return None
    # The notice goes to the requester, from the staff site too: no internal event in it.
    known = [e for e in request.events if e.at <= as_of and not is_internal(e)]
    resolution = next((e.resolution for e in reversed(known) if isinstance(e, Resolved)), "")
    closed = next((e for e in reversed(known) if isinstance(e, Closed)), None)
    closing = ""
    if state.status == "closed" and state.closed_auto:
        closing = "closed automatically after the confirmation period"
    elif closed is not None and state.status == "closed":
        closing = f"confirmed by {closed.confirmed_by}" if closed.confirmed_by else "closed"
    outcomes: tuple[tuple[str, ClockResult], ...] = ()
    if clocks is not None and clocks.agreement_id is not None:
        outcomes = tuple(
            (METRIC_LABELS[c.metric], c)
            for c in (clocks.first_response, clocks.resolution)
            if c.state != "not_applicable"
        )
    rating = rating_as_of(request, as_of)
    return CompletionNotice(
        resolution=resolution,
        resolved_at=state.resolved_at,
        closed_at=state.closed_at if state.status == "closed" else None,
        closing=closing,
        actions=tuple(e.text for e in known if isinstance(e, Action)),
        outcomes=outcomes,
        satisfaction=rating,
        auto_close_at=state.auto_close_at if state.status == "resolved" else None,
    )


def _words(status: str) -> str:
    return status.replace("_", " ")
