"""Operational level clocks of the groups that held a request (pure).

A group holds a request from an ``assigned`` event naming it until an ``assigned`` event
names another group (a *turn*; a request can come back for another turn). Rules:

- **Time to assign** (``assign``) is measured per turn: from the turn's start until a
  person of the group is named (an ``assigned`` event with the group and a person, or
  the turn starting with one: zero), or the group takes the request in progress, or the
  turn ends (passed on), or the request ends. The figure of a group is its worst turn:
  the running one while it runs, else the one that breached, else the longest.
- **Time held** (``hold``) is one clock over all the group's turns together: it runs while
  the group holds the request and it is open, stands stopped between turns and once the
  request ended, and resumes if the request comes back or reopens while held.
- Both clocks count business time of the row's calendar and pause in the row's ``pause``
  statuses (by default waiting on the requester). The row is chosen at each priority as
  the agreement's own ``group_targets`` row for the group whose ``match`` fits, else an
  underpinning supplier's target row naming the group; the pauses are those of the row in
  force when the group first got the request.
- States, dues and breach instants follow :mod:`generator.sla.clock`; a group without a
  row for a clock has that clock ``not_applicable``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from generator.models.request import Assigned
from generator.sla.clock import ClockResult, Rule, measure, not_applicable
from generator.sla.timeline import ENDED_STATUSES, Stretch, instant, stretches

if TYPE_CHECKING:
    from datetime import datetime

    from generator.models.agreement import GroupMetric
    from generator.models.request import Request
    from generator.sla.clock import Allowance
    from generator.sla.timeline import Mode, Timeline

GroupLookup = Callable[[str, "GroupMetric", str], "Allowance"]
"""``(group, metric, priority) → Allowance`` under the request's agreement."""
PauseLookup = Callable[[str, str], frozenset[str]]
"""``(group, priority) → pause statuses`` of the row that applies."""


@dataclass(frozen=True)
class GroupTerms:
    """How a request's group clocks are judged: targets and pauses per group and priority."""

    allowance: GroupLookup
    pauses: PauseLookup
    warn_at: float = 0.75
    sticky: bool = True


@dataclass(frozen=True)
class Turn:
    """One stretch in which a group held the request."""

    group: str
    start: datetime
    end: datetime | None
    """When it was passed on (None: still held at ``as_of``)."""
    passed_to: str | None
    owned_at: datetime | None
    """When a person of the group was named or it was taken in progress."""


@dataclass(frozen=True)
class GroupClock:
    """The operational level clocks of one group on one request."""

    group: str
    turns: tuple[Turn, ...]
    assign: ClockResult
    """The turn that matters (see the module docstring)."""
    assign_turns: tuple[ClockResult, ...]
    hold: ClockResult

    @property
    def measured(self) -> tuple[ClockResult, ...]:
        """The clocks that count towards compliance: each turn's assign, and hold."""
        return (*self.assign_turns, self.hold)


def turns(request: Request, timeline: Timeline) -> tuple[Turn, ...]:
    """The groups' turns on ``request`` up to the timeline's ``as_of``, in time order."""
    received, as_of = timeline.received, timeline.as_of
    found: list[Turn] = []
    for event in request.events:
        if not isinstance(event, Assigned):
            continue
        at = max(instant(event.at), received)
        if at > as_of:
            break
        current = found[-1] if found else None
        if current is not None and current.end is None and current.group == event.group:
            if event.person is not None and current.owned_at is None:
                found[-1] = _owned(current, at)
            continue
        if current is not None and current.end is None:
            found[-1] = Turn(current.group, current.start, at, event.group, current.owned_at)
        found.append(Turn(event.group, at, None, None, at if event.person is not None else None))
    return tuple(_taken_in_progress(turn, timeline) for turn in found)


def _owned(turn: Turn, at: datetime) -> Turn:
    return Turn(turn.group, turn.start, turn.end, turn.passed_to, at)


def _taken_in_progress(turn: Turn, timeline: Timeline) -> Turn:
    """A turn whose group set the request in progress before naming a person is owned then."""
    for step in timeline.steps:
        if step.at < turn.start or (turn.end is not None and step.at >= turn.end):
            continue
        if turn.owned_at is not None and step.at >= turn.owned_at:
            break
        if step.kind == "status" and step.status == "in_progress":
            return _owned(turn, step.at)
    return turn


def group_clocks(request: Request, timeline: Timeline, terms: GroupTerms) -> tuple[GroupClock, ...]:
    """The clocks of every group that held ``request``, in the order they first got it;
    groups without any target row are left out."""
    held = turns(request, timeline)
    allowance = terms.allowance
    found: list[GroupClock] = []
    for group in dict.fromkeys(turn.group for turn in held):
        own = tuple(turn for turn in held if turn.group == group)
        priority = _priority_at(timeline, own[0].start)
        priorities = {phase.priority for phase in timeline.phases}
        if all(
            allowance(group, metric, p).seconds is None
            for metric in ("assign", "hold")
            for p in priorities
        ):
            continue
        waiting = terms.pauses(group, priority)
        assign_rule = Rule(partial(allowance, group, "assign"), terms.warn_at, terms.sticky)
        hold_rule = Rule(partial(allowance, group, "hold"), terms.warn_at, terms.sticky)
        assigns = tuple(_assign(turn, timeline, assign_rule, waiting) for turn in own)
        found.append(
            GroupClock(
                group=group,
                turns=own,
                assign=_worst(assigns),
                assign_turns=tuple(c for c in assigns if c.state != "not_applicable"),
                hold=_hold(own, timeline, hold_rule, waiting),
            )
        )
    return tuple(found)


def _priority_at(timeline: Timeline, moment: datetime) -> str:
    return timeline.phases[timeline.phase_index(moment)].priority


def _assign(turn: Turn, timeline: Timeline, rule: Rule, waiting: frozenset[str]) -> ClockResult:
    stop: datetime | None = None
    reason = ""
    ended = next(
        (s for s in timeline.steps if s.at >= turn.start and s.status in ENDED_STATUSES), None
    )
    candidates = [
        (turn.owned_at, "owned"),
        (turn.end, f"passed to {turn.passed_to}"),
        (ended.at if ended else None, ended.status if ended else ""),
    ]
    known = [(at, why) for at, why in candidates if at is not None]
    if known:
        stop, reason = min(known, key=lambda item: item[0])

    def mode_of(status: str) -> Mode:
        return "pause" if status in waiting else "run"

    end = timeline.as_of if stop is None else stop
    return measure(
        "assign",
        turn.start,
        stretches(timeline, turn.start, end, mode_of),
        priority=_priority_at(timeline, turn.start),
        rule=rule,
        as_of=timeline.as_of,
        stop=stop,
        stop_reason=reason,
    )


def _hold(
    own: tuple[Turn, ...], timeline: Timeline, rule: Rule, waiting: frozenset[str]
) -> ClockResult:
    def mode_of(status: str) -> Mode:
        if status in ENDED_STATUSES:
            return "stop"
        return "pause" if status in waiting else "run"

    parts: list[Stretch] = []
    for index, turn in enumerate(own):
        end = timeline.as_of if turn.end is None else turn.end
        parts.extend(stretches(timeline, turn.start, end, mode_of))
        if turn.end is not None:
            following = own[index + 1].start if index + 1 < len(own) else timeline.as_of
            priority = _priority_at(timeline, turn.end)
            parts.append(Stretch(turn.end, following, "stop", f"passed to {turn.passed_to}",
                                 priority))  # fmt: skip
    return measure(
        "hold",
        own[0].start,
        parts,
        priority=_priority_at(timeline, own[0].start),
        rule=rule,
        as_of=timeline.as_of,
    )


_ORDER = {"breached": 0, "at_risk": 1, "running": 2, "paused": 3, "met": 4}


def _worst(clocks: tuple[ClockResult, ...]) -> ClockResult:
    """The running turn while one runs, else a breached one, else the longest; a group
    whose turns all lack a target gets a not-applicable clock."""
    measured = [c for c in clocks if c.state != "not_applicable"]
    if not measured:
        first = clocks[0]
        return not_applicable("assign", first.priority, first.started_at)
    running = [c for c in measured if c.stopped_at is None]
    if running:
        return running[-1]
    return min(measured, key=lambda c: (_ORDER.get(c.state, 5), -(c.elapsed_s or 0)))
