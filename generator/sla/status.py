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
    Event,
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
    fold = StateFold(request, auto_close_s)
    return fold.state_at(as_of)


class StateFold:
    """The events of one request folded in time order, once: the state at each of a
    series of moments, earliest first, costs one pass over the events in all."""

    def __init__(self, request: Request, auto_close_s: int | None = None) -> None:
        self._events = request.events
        self._next = 0
        self._period = auto_close_s
        self.status, self.priority = "new", request.priority
        self.group: str | None = None
        self.person: str | None = None
        self.transfers: list[Transfer] = []
        self.reopened = 0
        self.resolved_at: datetime | None = None
        self.first_resolved: datetime | None = None
        self.closed_at: datetime | None = None
        self.closed_auto = False

    def state_at(self, as_of: datetime | None) -> RequestState:
        """The state with every event up to ``as_of`` (all when None); ``as_of`` may not
        be earlier than that of the previous call."""
        events = self._events
        while self._next < len(events):
            event = events[self._next]
            if as_of is not None and event.at > as_of:
                break
            self._apply(event)
            self._next += 1
        status, closed_at, closed_auto = self.status, self.closed_at, self.closed_auto
        due = closes_at(status, self.resolved_at, self._period)
        if due is not None and as_of is not None and due <= as_of:
            status, closed_at, closed_auto, due = "closed", due, True, None
        return RequestState(
            status=status,
            priority=self.priority,
            group=self.group,
            person=self.person,
            transfers=tuple(self.transfers),
            reopened=self.reopened,
            resolved_at=self.resolved_at,
            closed_at=closed_at,
            first_resolved_at=self.first_resolved,
            closed_auto=closed_auto,
            auto_close_at=due,
        )

    def _apply(self, event: Event) -> None:
        due = closes_at(self.status, self.resolved_at, self._period)
        if due is not None and due <= event.at:
            self.status, self.closed_at, self.closed_auto = "closed", due, True
        if isinstance(event, Assigned):
            if self.group is not None and event.group != self.group:
                self.transfers.append(Transfer(event.at, self.group, event.group, event.reason))
            self.group, self.person = event.group, event.person
            if self.status == "new":
                self.status = "assigned"
        elif isinstance(event, StatusChange):
            self.status = event.status
        elif isinstance(event, PriorityChange):
            self.priority = event.priority
        elif isinstance(event, Resolved):
            self.status, self.resolved_at = "resolved", event.at
            self.first_resolved = self.first_resolved or event.at
        elif isinstance(event, Reopened):
            self.status, self.resolved_at, self.closed_at = "in_progress", None, None
            self.closed_auto = False
            self.reopened += 1
        elif isinstance(event, Closed) and not (self.closed_auto and self.status == "closed"):
            self.status, self.closed_at, self.closed_auto = "closed", event.at, event.auto


def closes_at(status: str, resolved_at: datetime | None, period_s: int | None) -> datetime | None:
    """When a request in ``status`` counts as closed (None: it does not close by itself)."""
    if status != "resolved" or resolved_at is None or period_s is None:
        return None
    return resolved_at + timedelta(seconds=period_s)
