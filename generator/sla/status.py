"""A request's current state, derived from its append-only event log.

Only explicit events change the status: ``assigned`` moves a new request to
``assigned``; ``status``, ``resolved``, ``reopened`` (back to ``in_progress``) and
``closed`` set it. A requester's ``message`` never changes the status by itself,
so a clock paused while waiting on the requester resumes when an agent records
the change (as in the contract example).

With an auto-close period (see :mod:`generator.analysis.auto_close`), a request
still resolved when the period since its resolution has run out counts as closed
(auto) from that instant, as if a ``closed {auto: true}`` event had been written
then; the record itself is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from generator.models.request import (
    OPEN_STATUSES,
    Assigned,
    Closed,
    PriorityChange,
    Reopened,
    Request,
    Resolved,
    StatusChange,
)


@dataclass(frozen=True)
class Transfer:
    """A hand-over of the request from one group to another."""

    at: datetime
    from_group: str
    to_group: str
    reason: str


@dataclass(frozen=True)
class RequestState:
    """What the events say about a request at a moment."""

    status: str
    priority: str
    group: str | None
    person: str | None
    transfers: tuple[Transfer, ...]
    reopened: int
    resolved_at: datetime | None
    closed_at: datetime | None
    first_resolved_at: datetime | None
    closed_auto: bool = False
    """Closed by the auto-close rule: recorded (``auto: true``) or counted as of ``as_of``."""
    auto_close_at: datetime | None = None
    """While resolved under an auto-close period: the instant it will count as closed."""

    @property
    def is_open(self) -> bool:
        """True until the request is resolved, closed, rejected or cancelled."""
        return self.status in OPEN_STATUSES


def request_state(
    request: Request, as_of: datetime | None = None, auto_close_s: int | None = None
) -> RequestState:
    """Fold the events up to ``as_of`` (all events when None) into the current state.

    ``auto_close_s`` is the auto-close period in seconds (None: requests never close by
    themselves); a confirmation written after the request counted as closed changes nothing.
    """
    status, priority = "new", request.priority
    group: str | None = None
    person: str | None = None
    transfers: list[Transfer] = []
    reopened = 0
    resolved_at: datetime | None = None
    first_resolved: datetime | None = None
    closed_at: datetime | None = None
    closed_auto = False
    for event in request.events:
        if as_of is not None and event.at > as_of:
            break
        due = closes_at(status, resolved_at, auto_close_s)
        if due is not None and due <= event.at:
            status, closed_at, closed_auto = "closed", due, True
        if isinstance(event, Assigned):
            if group is not None and event.group != group:
                transfers.append(Transfer(event.at, group, event.group, event.reason))
            group, person = event.group, event.person
            if status == "new":
                status = "assigned"
        elif isinstance(event, StatusChange):
            status = event.status
        elif isinstance(event, PriorityChange):
            priority = event.priority
        elif isinstance(event, Resolved):
            status, resolved_at = "resolved", event.at
            first_resolved = first_resolved or event.at
        elif isinstance(event, Reopened):
            status, resolved_at, closed_at, closed_auto = "in_progress", None, None, False
            reopened += 1
        elif isinstance(event, Closed) and not (closed_auto and status == "closed"):
            status, closed_at, closed_auto = "closed", event.at, event.auto
    due = closes_at(status, resolved_at, auto_close_s)
    if due is not None and as_of is not None and due <= as_of:
        status, closed_at, closed_auto, due = "closed", due, True, None
    return RequestState(
        status=status,
        priority=priority,
        group=group,
        person=person,
        transfers=tuple(transfers),
        reopened=reopened,
        resolved_at=resolved_at,
        closed_at=closed_at,
        first_resolved_at=first_resolved,
        closed_auto=closed_auto,
        auto_close_at=due,
    )


def closes_at(status: str, resolved_at: datetime | None, period_s: int | None) -> datetime | None:
    """When a request in ``status`` counts as closed (None: it does not close by itself)."""
    if status != "resolved" or resolved_at is None or period_s is None:
        return None
    return resolved_at + timedelta(seconds=period_s)
