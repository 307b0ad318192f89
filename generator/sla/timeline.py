"""A request's life as a sequence of phases (status, priority), the raw material of clocks.

The status and priority after each event come from
:func:`generator.sla.status.request_state`, never from a second reading of the
events. Conventions:

- Instants are UTC and whole seconds (sub-second parts are floored, as working time does).
- Events at one instant are simultaneous: a phase begins after *all* events at its instant,
  and a step (one event) sees the status in force after its instant. A requester message
  and a status change written at the same second therefore see the same status.
- Only events at or before ``as_of`` exist (as of = what was known then). An event dated
  before ``received`` (reported by validation) counts as happening at ``received``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from generator.sla.status import RequestState, StateFold

if TYPE_CHECKING:
    from collections.abc import Callable

    from generator.models.request import Request

Mode = Literal["run", "pause", "stop"]
ENDED_STATUSES = frozenset({"resolved", "closed", "rejected", "cancelled"})
"""Statuses in which a request is no longer open: resolution stops, replies are no longer owed."""
_LAST_MICROSECOND = timedelta(microseconds=999_999)
_STATE_EVENTS = frozenset({"assigned", "status", "priority", "resolved", "reopened", "closed"})


def instant(moment: datetime) -> datetime:
    """``moment`` in UTC, floored to the whole second."""
    moment = moment.astimezone(UTC)
    return moment.replace(microsecond=0) if moment.microsecond else moment


@dataclass(frozen=True)
class Phase:
    """From ``start`` until the next phase (or ``as_of``): the status and priority in force."""

    start: datetime
    status: str
    priority: str


@dataclass(frozen=True)
class Step:
    """One event up to ``as_of``: when, its type, and the status in force after its instant."""

    at: datetime
    kind: str
    status: str


@dataclass(frozen=True)
class Timeline:
    """Phases and steps of one request from ``received`` to ``as_of``."""

    received: datetime
    as_of: datetime
    phases: tuple[Phase, ...]
    steps: tuple[Step, ...]
    state: RequestState
    starts: tuple[datetime, ...] = field(init=False, repr=False, compare=False)
    ends: tuple[datetime, ...] = field(init=False, repr=False, compare=False)
    source: tuple[Request, int | None] | None = field(default=None, repr=False, compare=False)
    """The request and auto-close period it was built from (``build_timeline``)."""

    def __post_init__(self) -> None:
        starts = tuple(phase.start for phase in self.phases)
        object.__setattr__(self, "starts", starts)
        object.__setattr__(self, "ends", (*starts[1:], self.as_of))

    def fingerprint_inputs(self) -> object:
        """What the timeline is a pure function of, for a page's fingerprint
        (:mod:`generator.render.fingerprint`): the request, ``as_of`` and the auto-close
        period; None (take every field) when it was not built from a request."""
        return None if self.source is None else (*self.source, self.as_of)

    def phase_index(self, moment: datetime) -> int:
        """Index of the phase in force at ``moment`` (the first one before ``received``)."""
        return max(bisect.bisect_right(self.starts, moment) - 1, 0)

    def phase_end(self, index: int) -> datetime:
        """When phase ``index`` ends: the next phase's start, else ``as_of``."""
        return self.ends[index]


def build_timeline(request: Request, as_of: datetime, auto_close_s: int | None = None) -> Timeline:
    """The phases and steps of ``request`` known at ``as_of`` (``as_of >= received``);
    with an auto-close period, a resolution left unconfirmed closes when it runs out."""
    received, as_of = instant(request.received), instant(as_of)
    known = [(max(instant(event.at), received), event.type) for event in request.events]
    known = [(at, kind) for at, kind in known if at <= as_of]
    # Only these events change the state; folding at the other instants would change nothing.
    moments = {at for at, kind in known if kind in _STATE_EVENTS and at > received}
    if auto_close_s is not None:
        period = timedelta(seconds=auto_close_s)
        moments |= {at + period for at, kind in known if kind == "resolved"}
    changes = sorted(at for at in moments if at <= as_of)
    fold = StateFold(request, auto_close_s)  # one pass over the events for every moment
    state = fold.state_at(received + _LAST_MICROSECOND)
    phases = [Phase(received, state.status, state.priority)]
    for moment in changes:
        state = fold.state_at(moment + _LAST_MICROSECOND)
        if (phases[-1].status, phases[-1].priority) != (state.status, state.priority):
            phases.append(Phase(moment, state.status, state.priority))
    steps: list[Step] = []
    index = 0
    for at, kind in known:
        while index + 1 < len(phases) and phases[index + 1].start <= at:
            index += 1
        steps.append(Step(at, kind, phases[index].status))
    return Timeline(
        received, as_of, tuple(phases), tuple(steps), state, source=(request, auto_close_s)
    )


@dataclass(frozen=True)
class Stretch:
    """A piece of a clock's life in which it runs, pauses or stands stopped, at one priority."""

    start: datetime
    end: datetime
    mode: Mode
    status: str
    priority: str


def stretches(
    timeline: Timeline, start: datetime, end: datetime, mode_of: Callable[[str], Mode]
) -> list[Stretch]:
    """The phases clipped to ``[start, end)``, each with its clock mode; neighbours with the
    same mode and priority are joined.

    A phase that begins exactly at ``as_of`` (events at ``as_of`` are known) is kept as an
    empty stretch when the clock runs to ``as_of``, so that it pauses, stops or switches
    target at that instant.
    """
    found: list[Stretch] = []
    phases, ends, as_of = timeline.phases, timeline.ends, timeline.as_of
    for index in range(timeline.phase_index(start), len(phases)):
        phase = phases[index]
        low = phase.start if phase.start > start else start
        if low > end or (low == end and end != as_of):
            break
        high = ends[index] if ends[index] < end else end
        if low < high or low == high == as_of:
            mode = mode_of(phase.status)
            last = found[-1] if found else None
            if last is not None and last.mode == mode and last.priority == phase.priority:
                found[-1] = Stretch(last.start, high, mode, last.status, last.priority)
            else:
                found.append(Stretch(low, high, mode, phase.status, phase.priority))
    return found


@dataclass(frozen=True)
class QuickPause:
    """A pause entered soon after the requester wrote: a known way to stop a clock unfairly."""

    message_at: datetime
    paused_at: datetime
    status: str


def quick_pauses(
    timeline: Timeline, statuses: frozenset[str], window_s: int
) -> tuple[QuickPause, ...]:
    """Entries into a pause status within ``window_s`` seconds after a requester message
    (the request itself, at ``received``, is the requester's first message)."""
    messages = sorted(
        [timeline.received, *(step.at for step in timeline.steps if step.kind == "message")]
    )
    found: list[QuickPause] = []
    previous: str | None = None
    for phase in timeline.phases:
        entered = phase.status in statuses and (previous is None or previous not in statuses)
        previous = phase.status
        if not entered:
            continue
        latest = bisect.bisect_right(messages, phase.start) - 1
        if latest >= 0 and (phase.start - messages[latest]).total_seconds() <= window_s:
            found.append(QuickPause(messages[latest], phase.start, phase.status))
    return tuple(found)
