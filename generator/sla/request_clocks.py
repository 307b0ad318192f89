"""Every SLA clock of one request: first response, resolution, reply cycles, updates.

Start and stop of each metric (the pause statuses come from the agreement's ``pause``):

- ``first_response``: ``received`` → the first ``responded``. It ends, judged like a reply,
  when the request is resolved, closed, rejected or cancelled first (the notice of the
  outcome answers the requester), unless the agreement lists that status among the
  metric's pause statuses: then it only pauses there and runs again on a reopen.
- ``resolution``: ``received`` → ``resolved``. Resolved and closed (also rejected and
  cancelled) stop it; a reopen resumes it with the elapsed time kept. The final figures
  are reported, plus the first resolution (the clock as it stood at the first
  ``resolved``). A request that ended rejected or cancelled has no resolution to judge:
  ``not_applicable``, unless it had already breached (a breach is never erased).
- ``next_response``: one cycle per exchange, from the oldest unanswered requester
  ``message`` to the next ``responded``; further messages do not restart it. A message
  written while the request is not open starts its cycle when the request is reopened. The
  end of the request ends a running cycle as for ``first_response``. The metric reports
  the cycle running at ``as_of``, else the last one; with no cycle yet it is
  ``not_applicable`` (nothing is owed) but still names the target in force.
- ``periodic_update``: one cycle from each ``responded`` (or reopen) while the request is
  open to the next ``responded``; the end of the request ends it.

Also: business time the resolution clock spent paused, and pauses entered within a few
minutes after a requester message (``generator.sla.timeline.quick_pauses``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from generator.models.agreement import Metric
from generator.sla.clock import Allowance, ClockResult, Rule, measure, not_applicable
from generator.sla.cycles import Cycles, ends_reply, reply_cycles, update_cycles
from generator.sla.group_clocks import GroupClock, GroupTerms, group_clocks
from generator.sla.timeline import (
    ENDED_STATUSES,
    QuickPause,
    Timeline,
    build_timeline,
    quick_pauses,
    stretches,
)

if TYPE_CHECKING:
    from generator.models.agreement import Agreement
    from generator.models.request import Request
    from generator.sla.timeline import Mode


@dataclass(frozen=True)
class CycleClock:
    """A metric measured per exchange: the cycle that matters now, and all of them."""

    current: ClockResult
    cycles: tuple[ClockResult, ...]

    @property
    def worst_elapsed_s(self) -> int | None:
        """The longest elapsed time of any cycle, None without measured cycles."""
        values = [cycle.elapsed_s for cycle in self.cycles if cycle.elapsed_s is not None]
        return max(values) if values else None


@dataclass(frozen=True)
class RequestClocks:
    """A request's state and SLA clocks at ``as_of``."""

    request_id: str
    status: str
    priority: str
    agreement_id: str | None
    service: str
    category: str | None
    group: str | None
    first_response: ClockResult
    resolution: ClockResult
    first_resolution: ClockResult | None
    next_response: CycleClock
    periodic_update: CycleClock
    paused_s: int | None
    quick_pauses: tuple[QuickPause, ...]
    timeline: Timeline
    agreement_version: int | None = None
    """The version of the agreement the request was measured under."""
    groups: tuple[GroupClock, ...] = ()
    """Operational level clocks of the groups that held it (groups with targets only)."""
    source: tuple[object, ...] | None = field(default=None, repr=False, compare=False)
    """What the clocks were computed from, when the caller named it (``request_clocks``)."""

    def fingerprint_inputs(self) -> object:
        """What these clocks are a pure function of, for a page's fingerprint
        (:mod:`generator.render.fingerprint`); None (take every field) when unnamed."""
        return self.source

    def measured(self) -> tuple[ClockResult, ...]:
        """Every clock that counts towards compliance (each reply/update cycle separately)."""
        return (
            self.first_response,
            self.resolution,
            *self.next_response.cycles,
            *self.periodic_update.cycles,
        )


Lookup = Callable[[Metric, str], Allowance]
"""``(metric, priority) → Allowance`` for one request under its agreement."""


def request_clocks(
    request: Request,
    agreement: Agreement | None,
    lookup: Lookup | None,
    as_of: datetime,
    quick_pause_s: int = 300,
    auto_close_s: int | None = None,
    *,
    group_terms: GroupTerms | None = None,
    terms_from: object = None,
) -> RequestClocks:
    """All clocks of ``request`` at ``as_of`` (``received <= as_of``).

    ``lookup`` gives the target and calendar of a metric at a priority under ``agreement``;
    without an agreement every clock is ``not_applicable``. ``auto_close_s`` is the
    auto-close period when the agreement sets none (the ``auto_close`` setting);
    ``group_terms`` the group targets (None: the agreement sets none). ``terms_from``:
    what ``lookup`` and ``group_terms`` are a pure function of besides ``agreement`` and
    the request (the calendars, the supplier agreements); given, the result names its
    inputs (``RequestClocks.source``), so a fingerprint need not read every clock.
    """
    own = None if agreement is None else agreement.auto_close
    timeline = build_timeline(request, as_of, own if own is not None else auto_close_s)
    state = timeline.state
    if agreement is None or lookup is None:
        received, priority = timeline.received, state.priority
        first_response = not_applicable("first_response", priority, received)
        resolution = not_applicable("resolution", priority, received)
        next_response = CycleClock(not_applicable("next_response", priority, received), ())
        periodic_update = CycleClock(not_applicable("periodic_update", priority, received), ())
        first_resolution = None
        paused_s: int | None = None
        flagged: tuple[QuickPause, ...] = ()
        groups: tuple[GroupClock, ...] = ()
    else:
        clocks = _Clocks(timeline, agreement, lookup)
        first_response = clocks.first_response()
        resolution, first_resolution = clocks.resolution()
        next_response = clocks.cycles("next_response", reply_cycles)
        periodic_update = clocks.cycles("periodic_update", update_cycles)
        paused_s = resolution.paused_s
        paused_in = {status for statuses in agreement.pause.values() for status in statuses}
        flagged = quick_pauses(timeline, frozenset(paused_in) - ENDED_STATUSES, quick_pause_s)
        groups = () if group_terms is None else group_clocks(request, timeline, group_terms)
    # What else the clocks depend on: the settings, and whether targets were looked up.
    inputs = (quick_pause_s, auto_close_s, lookup is None, group_terms is None)
    return RequestClocks(
        request_id=request.id,
        status=state.status,
        priority=state.priority,
        agreement_id=None if agreement is None or lookup is None else agreement.id,
        service=request.service,
        category=request.category,
        group=state.group,
        first_response=first_response,
        resolution=resolution,
        first_resolution=first_resolution,
        next_response=next_response,
        periodic_update=periodic_update,
        paused_s=paused_s,
        quick_pauses=flagged,
        timeline=timeline,
        agreement_version=None if agreement is None or lookup is None else agreement.version,
        groups=groups,
        source=None if terms_from is None else (request, agreement, as_of, inputs, terms_from),
    )


class _Clocks:
    """The metrics of one request; a helper that keeps the shared inputs together."""

    def __init__(self, timeline: Timeline, agreement: Agreement, lookup: Lookup) -> None:
        self.timeline = timeline
        self.agreement = agreement
        self.lookup = lookup
        self._rules: dict[Metric, Rule] = {}

    def rule(self, metric: Metric) -> Rule:
        found = self._rules.get(metric)
        if found is None:
            found = self._rules[metric] = Rule(
                allowance=functools.partial(self.lookup, metric),
                warn_at=self.agreement.warn_at,
                sticky=self.agreement.breach_sticky,
            )
        return found

    def pauses(self, metric: Metric) -> frozenset[str]:
        return frozenset(self.agreement.pause.get(metric, ()))

    def priority_at(self, moment: datetime) -> str:
        return self.timeline.phases[self.timeline.phase_index(moment)].priority

    def run(
        self,
        metric: Metric,
        start: datetime,
        stop: datetime | None,
        mode_of: Callable[[str], Mode],
        reason: str = "",
    ) -> ClockResult:
        end = self.timeline.as_of if stop is None else stop
        return measure(
            metric,
            start,
            stretches(self.timeline, start, end, mode_of),
            priority=self.priority_at(start),
            rule=self.rule(metric),
            as_of=self.timeline.as_of,
            stop=stop,
            stop_reason=reason,
        )

    def first_response(self) -> ClockResult:
        pauses = self.pauses("first_response")
        stop: datetime | None = None
        reason = ""
        for step in self.timeline.steps:
            if step.kind == "responded" or ends_reply(step.status, pauses):
                stop, reason = step.at, "responded" if step.kind == "responded" else step.status
                break
        return self.run("first_response", self.timeline.received, stop, _pausing(pauses), reason)

    def resolution(self) -> tuple[ClockResult, ClockResult | None]:
        pauses = self.pauses("resolution")

        def mode_of(status: str) -> Mode:
            if status in ENDED_STATUSES:
                return "stop"
            return "pause" if status in pauses else "run"

        received = self.timeline.received
        final = self.run("resolution", received, None, mode_of)
        if self.timeline.state.status in ("rejected", "cancelled") and final.state == "met":
            final = not_applicable("resolution", final.priority, received)
        first_at = next((s.at for s in self.timeline.steps if s.kind == "resolved"), None)
        first = None
        if first_at is not None and first_at == final.stopped_at:
            first = final  # resolved once and not reopened since: the same figures
        elif first_at is not None:
            first = self.run("resolution", received, first_at, mode_of, "resolved")
        return final, first

    def cycles(
        self, metric: Metric, find: Callable[[Timeline, frozenset[str]], Cycles]
    ) -> CycleClock:
        as_of_priority = self.timeline.state.priority
        priorities = {phase.priority for phase in self.timeline.phases}
        if all(self.lookup(metric, priority).seconds is None for priority in priorities):
            return CycleClock(not_applicable(metric, as_of_priority, self.timeline.as_of), ())
        pauses = self.pauses(metric)
        measured = tuple(
            self.run(metric, start, stop, _pausing(pauses), reason)
            for start, stop, reason in find(self.timeline, pauses)
        )
        if not measured:
            target = self.lookup(metric, as_of_priority).seconds
            idle = not_applicable(metric, as_of_priority, self.timeline.as_of, target)
            return CycleClock(idle, ())
        running = [cycle for cycle in measured if cycle.stopped_at is None]
        return CycleClock(running[-1] if running else measured[-1], measured)


def _pausing(pauses: frozenset[str]) -> Callable[[str], Mode]:
    def mode_of(status: str) -> Mode:
        return "pause" if status in pauses else "run"

    return mode_of


_URGENCY = ("breached", "at_risk", "running", "paused", "met", "not_applicable")


def sla_summary(clocks: RequestClocks | None) -> str:
    """The most urgent state of a request's current clocks (for index tables)."""
    if clocks is None or clocks.agreement_id is None:
        return "not_applicable"
    states = {
        clocks.first_response.state,
        clocks.resolution.state,
        clocks.next_response.current.state,
        clocks.periodic_update.current.state,
    }
    return next(state for state in _URGENCY if state in states or state == "not_applicable")
