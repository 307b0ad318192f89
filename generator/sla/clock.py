"""One SLA clock: business time measured over a request's stretches against a target.

A clock starts at ``start`` and is fed the stretches of the request's life from there to its
stop (or to ``as_of``), each running, paused or stopped at one priority. Rules:

- Elapsed time is whole business seconds of the calendar in force, counted only while the
  clock runs. A priority change keeps the elapsed time and switches the target (and the
  calendar, when the new row names another one) from that instant on; a change while the
  clock stands stopped takes effect only if it runs again.
- ``breached`` means elapsed strictly greater than the target. ``breached_at`` is the
  instant the target ran out, the clock's due (a target used up exactly at closing time
  breached at closing time, once the clock runs on the next morning), or the instant of a
  priority change whose smaller target is already exceeded.
- A pause never un-breaches. A later target change that makes elapsed fit again (a
  downgrade) keeps the breach when ``sticky`` (the default) and is recorded; without
  ``sticky`` the breach is cleared and may happen again under the new target.
- States at ``as_of``: ``met``/``breached`` once stopped; else ``breached``, ``paused``,
  ``at_risk`` (elapsed >= warn_at x target) or ``running``; ``not_applicable`` when no target
  is in force at the end (unless a sticky breach happened before).
- ``due``, for running and at-risk clocks only: the earliest instant at which the target is
  used up if the clock keeps running (no future pause assumed); a target used up at closing
  time is due at closing time. ``remaining_s`` is target minus elapsed under the target in
  force, negative once breached.
- ``paused_s`` is the business time the clock spent paused (not stopped).
- Escalation levels: a row may set thresholds in percent of its target (``escalate_at``,
  rising, e.g. 50, 75, 90). Level N is reached the instant elapsed time first reaches the
  N-th threshold (whole seconds, rounded up) while the clock runs, so pauses, closed hours
  and holidays delay it exactly as they delay the due time. A priority change reads the
  new row's thresholds against the elapsed time: levels the new target already exceeds
  are reached at the change; a downgrade lowers the current level (those reached before
  stay in the record). ``escalation_level`` is the current level at ``as_of``;
  ``next_escalation`` (running and at-risk clocks only) is when the next one falls due.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from generator.models.common import format_duration
from generator.sla.day_targets import day_target_seconds

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import datetime

    from generator.models.day_count import DayCount
    from generator.sla.timeline import Mode, Stretch
    from generator.sla.working_time import WorkCalendar

ClockState = Literal["running", "at_risk", "paused", "met", "breached", "not_applicable"]
EventKind = Literal[
    "start", "pause", "resume", "target_change", "escalation", "breach", "breach_cleared", "stop"
]


@dataclass(frozen=True)
class ClockEvent:
    """One step of a clock's life, for the timeline shown on request pages."""

    at: datetime
    kind: EventKind
    detail: str = ""


@dataclass(frozen=True)
class Allowance:
    """The target (None: no target) and calendar for one priority; a target in days
    (``days``) is read against the clock's start (``seconds`` is then None)."""

    seconds: int | None
    calendar: WorkCalendar
    days: DayCount | None = None
    escalate_at: tuple[float, ...] = ()
    """Escalation thresholds in percent of the target, rising."""

    def target_from(self, start: datetime) -> int | None:
        """The target in seconds of ``calendar`` for a clock started at ``start``."""
        if self.days is None:
            return self.seconds
        return day_target_seconds(self.calendar, start, self.days)


@dataclass(frozen=True)
class Rule:
    """How a clock is judged: its allowance per priority, warning fraction, stickiness."""

    allowance: Callable[[str], Allowance]
    warn_at: float = 0.75
    sticky: bool = True


@dataclass(frozen=True)
class BreachTerms:
    """The priority and target a clock breached under (a later downgrade may change the
    clock's current ones)."""

    priority: str
    target_s: int


@dataclass(frozen=True)
class Escalation:
    """An escalation level a clock reached: the ``level``-th threshold (from 1), at
    ``percent`` % of the target in force, reached at ``at``."""

    level: int
    percent: float
    at: datetime

    @property
    def text(self) -> str:
        """``level 2 (75 %)``."""
        return f"level {self.level} ({self.percent:g} %)"


def escalation_need(percent: float, target_s: int) -> int:
    """Business seconds of elapsed time at which ``percent`` % of the target is reached."""
    return math.ceil(percent * target_s / 100)


@dataclass(frozen=True)
class ClockResult:
    """A clock's figures at ``as_of``; numbers are None when not applicable."""

    metric: str
    state: ClockState
    priority: str
    started_at: datetime
    target_s: int | None
    elapsed_s: int | None
    remaining_s: int | None
    due: datetime | None
    breached_at: datetime | None
    stopped_at: datetime | None
    paused_s: int
    downgraded_after_breach: bool
    events: tuple[ClockEvent, ...]
    breached_under: BreachTerms | None = None
    """The priority and target in force when it breached (None: not breached)."""
    escalate_at: tuple[float, ...] = ()
    """The escalation thresholds of the target in force, percent, rising."""
    escalations: tuple[Escalation, ...] = ()
    """Every escalation level reached, in time order."""
    escalation_level: int = 0
    """The level under the target in force at ``as_of`` (0: none reached)."""
    next_escalation: datetime | None = None
    """When the next level is reached if the clock keeps running (running clocks only)."""

    @property
    def escalation(self) -> Escalation | None:
        """The current level, with the instant it was last reached (None: level 0)."""
        if not self.escalation_level:
            return None
        return next(
            (e for e in reversed(self.escalations) if e.level == self.escalation_level), None
        )

    @property
    def breach_stands(self) -> bool:
        """Whether the clock counts as breached."""
        return self.state == "breached"

    @property
    def over_target_s(self) -> int:
        """Business seconds past the target it breached under (0 when not breached): a
        downgrade after the breach raises the current target, not what was owed then."""
        if self.elapsed_s is None or not self.breach_stands:
            return 0
        target = self.breached_under.target_s if self.breached_under else self.target_s
        return max(self.elapsed_s - (target or 0), 0)


def not_applicable(
    metric: str, priority: str, started_at: datetime, target_s: int | None = None
) -> ClockResult:
    """A clock that does not apply (no agreement, no target, or nothing owed yet)."""
    return ClockResult(
        metric, "not_applicable", priority, started_at, target_s, None, None, None, None, None,
        0, False, (),
    )  # fmt: skip


@functools.lru_cache(maxsize=256)
def _text(seconds: int | None) -> str:
    return "no target" if seconds is None else format_duration(seconds)


def measure(
    metric: str,
    start: datetime,
    parts: Sequence[Stretch],
    *,
    priority: str,
    rule: Rule,
    as_of: datetime,
    stop: datetime | None = None,
    stop_reason: str = "",
) -> ClockResult:
    """Run the clock over ``parts`` (covering ``[start, stop or as_of)``) and judge it.

    ``stop`` is the instant an event ended the clock for good (``stop_reason`` says which).
    """
    run = _Run(rule, priority, start)
    for part in parts:
        run.feed(part)
    stopped_at = run.stopped_since
    if stop is not None:
        stopped_at = stop
        run.note(stop, "stop", stop_reason)
    target, elapsed, breached_at = run.target, run.elapsed, run.breached_at
    events = tuple(run.events)
    state: ClockState
    if target is None and not (breached_at is not None and rule.sticky):
        return replace(
            not_applicable(metric, run.priority, start), paused_s=run.paused, events=events
        )
    if stopped_at is not None:
        state = "breached" if breached_at is not None else "met"
    elif breached_at is not None:
        state = "breached"
    elif run.mode == "pause":
        state = "paused"
    elif target is not None and elapsed >= rule.warn_at * target:
        state = "at_risk"
    else:
        state = "running"
    due = next_escalation = None
    if target is not None and state in ("running", "at_risk"):
        due = run.due(as_of)
        next_escalation = run.next_escalation(as_of)
    return ClockResult(
        metric=metric,
        state=state,
        priority=run.priority,
        started_at=start,
        target_s=target,
        elapsed_s=elapsed,
        remaining_s=None if target is None else target - elapsed,
        due=due,
        breached_at=breached_at,
        stopped_at=stopped_at,
        paused_s=run.paused,
        downgraded_after_breach=run.downgraded,
        breached_under=run.breached_under if breached_at is not None else None,
        events=events,
        escalate_at=run.escalate_at,
        escalations=tuple(run.escalations),
        escalation_level=run.level,
        next_escalation=next_escalation,
    )


class _Run:
    """The running totals of one clock while its stretches are fed in, in time order."""

    def __init__(self, rule: Rule, priority: str, start: datetime) -> None:
        allowance = rule.allowance(priority)
        self.rule = rule
        self.priority = priority
        self.start = start
        self.target = allowance.target_from(start)
        self.calendar = allowance.calendar
        self.escalate_at = allowance.escalate_at if self.target is not None else ()
        self.level = 0
        self.escalations: list[Escalation] = []
        self.target_since = start
        self.elapsed = self.paused = 0
        self.breached_at: datetime | None = None
        self.breached_under: BreachTerms | None = None
        self.downgraded = False
        self.reached: tuple[datetime, int, WorkCalendar] | None = None
        self.stopped_since: datetime | None = None
        self.mode: Mode = "run"
        self.events = [ClockEvent(start, "start", f"{priority}: {_text(self.target)}")]

    def note(self, at: datetime, kind: EventKind, detail: str) -> None:
        self.events.append(ClockEvent(at, kind, detail))

    def feed(self, part: Stretch) -> None:
        if part.mode == "stop":
            if self.stopped_since is None:
                self.stopped_since = part.start
                self.note(part.start, "stop", part.status)
            return  # a target change while stopped applies only if the clock runs again
        if self.stopped_since is not None or part.mode != self.mode:
            self.note(part.start, "resume" if part.mode == "run" else "pause", part.status)
            self.stopped_since = None
        self.mode = part.mode
        if part.priority != self.priority:
            self.switch(part.start, part.priority)
        if part.mode == "pause":
            self.paused += self.calendar.business_seconds(part.start, part.end)
            return
        seconds = self.calendar.business_seconds(part.start, part.end)
        if not seconds:
            return
        target, elapsed = self.target, self.elapsed
        if target is not None and self.level < len(self.escalate_at):
            self._escalate(part.start, seconds, target)
        if self.breached_at is None and target is not None and elapsed + seconds > target:
            self.breached_at = self._ran_out(part.start, target - elapsed)
            self.breached_under = BreachTerms(self.priority, target)
            self.note(self.breached_at, "breach", self.priority)
        self.elapsed += seconds
        self.reached = (part.start, seconds, self.calendar)

    def _escalate(self, start: datetime, seconds: int, target: int) -> None:
        """Reach the levels whose threshold falls within ``seconds`` running from ``start``."""
        for level in range(self.level + 1, len(self.escalate_at) + 1):
            need = escalation_need(self.escalate_at[level - 1], target)
            if need > self.elapsed + seconds:
                return
            at = self.calendar.add_business_seconds(start, max(need - self.elapsed, 0))
            self._reach(level, at)

    def _reach(self, level: int, at: datetime) -> None:
        escalation = Escalation(level, self.escalate_at[level - 1], at)
        self.escalations.append(escalation)
        self.level = level
        detail = f"level {level} ({escalation.percent:g} % of the {self.priority} target)"
        self.note(at, "escalation", detail)

    def _ran_out(self, start: datetime, remaining: int) -> datetime:
        """The instant the target was used up: ``remaining`` business seconds after
        ``start`` or, with nothing left, where the last running stretch used it up."""
        if remaining > 0 or self.reached is None:
            return self.calendar.add_business_seconds(start, max(remaining, 0))
        begun, seconds, calendar = self.reached
        return max(calendar.add_business_seconds(begun, seconds), self.target_since)

    def switch(self, at: datetime, priority: str) -> None:
        """A priority change: keep elapsed, take the new row's target and calendar."""
        new = self.rule.allowance(priority)
        seconds = new.target_from(self.start)
        if (seconds, new.calendar.calendar_id) != (self.target, self.calendar.calendar_id):
            change = f"{self.priority} → {priority}: {_text(self.target)} → {_text(seconds)}"
            self.note(at, "target_change", change)
            fits = seconds is None or self.elapsed <= seconds
            if self.breached_at is not None and fits:
                self.downgraded = True
                if not self.rule.sticky:
                    self.breached_at = self.breached_under = None
                    self.note(at, "breach_cleared", priority)
            if self.breached_at is None and not fits:
                self.breached_at = at
                self.breached_under = BreachTerms(priority, seconds or 0)
                self.note(at, "breach", priority)
            self.target_since = at
        self.priority, self.target, self.calendar = priority, seconds, new.calendar
        self.escalate_at = new.escalate_at if seconds is not None else ()
        reached = 0
        if seconds is not None:
            needs = (escalation_need(p, seconds) for p in self.escalate_at)
            reached = sum(1 for need in needs if 0 < need <= self.elapsed)
        self.level = min(self.level, reached)
        for level in range(self.level + 1, reached + 1):
            self._reach(level, at)

    def next_escalation(self, as_of: datetime) -> datetime | None:
        """When the next level falls due if the clock keeps running (None: no more)."""
        if self.target is None or self.level >= len(self.escalate_at):
            return None
        need = escalation_need(self.escalate_at[self.level], self.target)
        try:
            return self.calendar.add_business_seconds(as_of, max(need - self.elapsed, 0))
        except ValueError:  # the calendar never opens again
            return None

    def due(self, as_of: datetime) -> datetime | None:
        """The earliest instant the target is used up (not yet exceeded at ``as_of``)."""
        assert self.target is not None
        remaining = self.target - self.elapsed
        if remaining > 0:
            try:
                return self.calendar.add_business_seconds(as_of, remaining)
            except ValueError:  # the calendar never opens again
                return None
        if self.reached is None:
            return self.target_since
        start, seconds, calendar = self.reached
        return max(calendar.add_business_seconds(start, seconds), self.target_since)
