"""Job schedules: the runs coming up, what gets in their way, and the critical path (pure).

A run conflicts with a maintenance window when they overlap in time and the window
touches one of the job's components (or their dependents) or services: the backup that
starts while its database is being patched. A run is at risk of starting too early when
one of the schedules it ``depends_on`` has no run that ends by the time it starts
(looking back one week). The critical path is the longest chain of ``depends_on`` by
expected duration: the jobs that decide when the last result is there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from generator.analysis.maintenance import PlannedWindow
from generator.analysis.occurrences import occurrence_key, occurrences
from generator.models.schedule import Schedule

HORIZON = timedelta(days=31)
"""How far ahead runs are worked out (and checked against maintenance windows)."""
LISTED = timedelta(days=7)
"""How far ahead the schedules page lists every run."""
LOOK_BACK = timedelta(days=7)


@dataclass(frozen=True)
class Run:
    """One expected run of a schedule, and what may get in its way."""

    schedule: Schedule
    start: datetime
    end: datetime
    maintenance: tuple[PlannedWindow, ...]
    """Maintenance windows it overlaps that touch its components or services."""
    early: tuple[str, ...]
    """Schedules it depends on whose last run before it has not ended when it starts."""

    @property
    def key(self) -> str:
        """Stable id of this run: schedule id and UTC start."""
        return occurrence_key(self.schedule.id, self.start)


def upcoming_runs(
    schedules: Sequence[Schedule],
    windows: Sequence[PlannedWindow],
    as_of: datetime,
    timezone: str,
    horizon: timedelta = HORIZON,
) -> list[Run]:
    """Runs of active schedules that are going on at ``as_of`` or start within ``horizon``."""
    active = {s.id: s for s in schedules if s.status == "active"}
    runs_of = {
        s.id: list(_runs(s, as_of - LOOK_BACK, as_of + horizon, timezone)) for s in active.values()
    }
    found = []
    for schedule_id, runs in runs_of.items():
        schedule = active[schedule_id]
        for start, end in runs:
            if end <= as_of:
                continue  # only looked at for the dependencies of later runs
            clashes = tuple(w for w in windows if _in_the_way(schedule, start, end, w))
            early = tuple(
                dep
                for dep in schedule.depends_on
                if dep in runs_of and not _finished_before(runs_of[dep], start)
            )
            found.append(Run(schedule, start, end, clashes, early))
    return sorted(found, key=lambda run: (run.start, run.schedule.id))


def critical_path(schedules: Iterable[Schedule]) -> tuple[tuple[Schedule, ...], int]:
    """The chain of ``depends_on`` with the longest total expected duration, first job first.

    Schedules in a dependency cycle are left out (validation reports the cycle).
    """
    by_id = {s.id: s for s in schedules if s.status == "active"}
    best: dict[str, tuple[int, tuple[str, ...]]] = {}

    def longest(schedule_id: str, seen: frozenset[str]) -> tuple[int, tuple[str, ...]]:
        if schedule_id in best:
            return best[schedule_id]
        schedule = by_id[schedule_id]
        before = [
            longest(dep, seen | {schedule_id})
            for dep in schedule.depends_on
            if dep in by_id and dep not in seen and dep != schedule_id
        ]
        total, chain = max(before, default=(0, ()))
        best[schedule_id] = (total + schedule.duration, (*chain, schedule_id))
        return best[schedule_id]

    results = [longest(schedule_id, frozenset()) for schedule_id in sorted(by_id)]
    total, chain = max(results, key=lambda item: (item[0], len(item[1])), default=(0, ()))
    return tuple(by_id[i] for i in chain), total


def dependency_cycle(schedules: Iterable[Schedule]) -> tuple[str, ...] | None:
    """A cycle in ``depends_on`` (its ids, the first repeated at the end), or None."""
    graph = {s.id: list(s.depends_on) for s in schedules}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> tuple[str, ...] | None:
        state[node] = 1
        path.append(node)
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                return (*path[path.index(nxt) :], nxt)
            if nxt in graph and state.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if state.get(node) is None:
            found = visit(node)
            if found:
                return found
    return None


def _runs(
    schedule: Schedule, after: datetime, before: datetime, timezone: str
) -> Iterable[tuple[datetime, datetime]]:
    length = timedelta(seconds=schedule.duration)
    return occurrences(schedule.start, schedule.recurrence, length, after, before, timezone)


def _in_the_way(schedule: Schedule, start: datetime, end: datetime, window: PlannedWindow) -> bool:
    if window.start >= end or window.end <= start:
        return False
    shared_components = set(schedule.components) & set(window.components)
    shared_services = set(schedule.services) & set(window.services)
    return bool(shared_components or shared_services)


def _finished_before(runs: list[tuple[datetime, datetime]], start: datetime) -> bool:
    earlier = [run for run in runs if run[0] <= start]
    if not earlier:
        return False
    return max(earlier)[1] <= start
