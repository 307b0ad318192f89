"""A request's current state, derived from its append-only event log.

Only explicit events change the status: ``assigned`` moves a new request to
``assigned``; ``status``, ``resolved``, ``reopened`` (back to ``in_progress``) and
``closed`` set it. A requester's ``message`` never changes the status by itself,
so a clock paused while waiting on the requester resumes when an agent records
the change (as in the contract example).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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

    @property
    def is_open(self) -> bool:
        """True until the request is resolved, closed, rejected or cancelled."""
        return self.status in OPEN_STATUSES


def request_state(request: Request, as_of: datetime | None = None) -> RequestState:
    """Fold the events up to ``as_of`` (all events when None) into the current state."""
    status, priority = "new", request.priority
    group: str | None = None
    person: str | None = None
    transfers: list[Transfer] = []
    reopened = 0
    resolved_at: datetime | None = None
    first_resolved: datetime | None = None
    closed_at: datetime | None = None
    for event in request.events:
        if as_of is not None and event.at > as_of:
            break
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
            status, resolved_at, closed_at = "in_progress", None, None
            reopened += 1
        elif isinstance(event, Closed):
            status, closed_at = "closed", event.at
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
    )
