"""Maintenance windows coming up, and what each one touches (pure).

A plan's ``window`` is one window; with a ``recurrence`` (an iCalendar RRULE) it is the
first of a series, each ``duration`` long (the first window's length by default).
Recurring windows keep their local time of day in the site's time zone, so a patch night
at 22:00 stays at 22:00 across daylight-saving changes.

The impact of a window follows the records: the components it touches, every component
that depends on them (transitively), the services built on any of those (plus the
services the plan names), the active agreements covering those services on that day,
and their customers. A window that overlaps an agreement's service hours is flagged:
its customer will notice during the hours they were promised service.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from generator.analysis.occurrences import occurrence_key, occurrences
from generator.models.agreement import Agreement
from generator.models.component import Component
from generator.models.maintenance import Maintenance
from generator.models.service import Service
from generator.sla.calendars import CalendarBook

HORIZON = timedelta(days=90)
"""How far ahead the maintenance notices look."""
FINISHED = frozenset({"done", "failed", "cancelled"})


@dataclass(frozen=True)
class AffectedAgreement:
    """An agreement whose services a window touches."""

    agreement: Agreement
    in_service_hours: bool
    """True when the window overlaps the agreement's service hours."""


@dataclass(frozen=True)
class PlannedWindow:
    """One maintenance window and what it touches."""

    plan: Maintenance
    start: datetime
    end: datetime
    recurring: bool
    services: tuple[str, ...]
    agreements: tuple[AffectedAgreement, ...]
    components: tuple[str, ...] = ()
    """The components it works on and every component that depends on them."""

    @property
    def clashes(self) -> tuple[AffectedAgreement, ...]:
        """The affected agreements whose service hours the window overlaps."""
        return tuple(a for a in self.agreements if a.in_service_hours)

    @property
    def key(self) -> str:
        """Stable id of this occurrence: plan id and UTC start."""
        return occurrence_key(self.plan.id, self.start)


def upcoming_windows(
    plans: Iterable[Maintenance],
    components: Iterable[Component],
    services: Iterable[Service],
    agreements: Iterable[Agreement],
    calendars: CalendarBook,
    as_of: datetime,
    timezone: str,
    horizon: timedelta = HORIZON,
) -> list[PlannedWindow]:
    """Windows of unfinished plans that are open at ``as_of`` or start within ``horizon``."""
    impact = _Impact(list(components), list(services), list(agreements), calendars)
    found = []
    for plan in plans:
        if plan.status in FINISHED:
            continue
        for start, end in plan_windows(plan, as_of, as_of + horizon, timezone):
            found.append(impact.of(plan, start, end))
    return sorted(found, key=lambda w: (w.start, w.plan.id))


def plan_windows(
    plan: Maintenance, after: datetime, before: datetime, timezone: str
) -> Iterator[tuple[datetime, datetime]]:
    """(start, end) in UTC of the plan's windows that end after ``after`` and start before
    ``before``."""
    if plan.window is None:
        return
    first_start, first_end = plan.window.start, plan.window.end
    if not plan.recurrence:
        if first_end > after and first_start < before:
            yield _utc(first_start), _utc(first_end)
        return
    length = timedelta(seconds=plan.duration) if plan.duration else first_end - first_start
    yield from occurrences(first_start, plan.recurrence, length, after, before, timezone)


class _Impact:
    def __init__(
        self,
        components: list[Component],
        services: list[Service],
        agreements: list[Agreement],
        calendars: CalendarBook,
    ) -> None:
        self._dependents: dict[str, set[str]] = {}
        for component in components:
            for needed in component.depends_on:
                self._dependents.setdefault(needed, set()).add(component.id)
        self._services = services
        self._agreements = [a for a in agreements if a.status == "active"]
        self._calendars = calendars

    def of(self, plan: Maintenance, start: datetime, end: datetime) -> PlannedWindow:
        touched = self._with_dependents(plan.components)
        names = set(plan.services)
        names |= {s.id for s in self._services if touched & set(s.components)}
        affected = []
        for agreement in self._agreements:
            if not names & set(agreement.services) or not agreement.in_force_on(start.date()):
                continue
            calendar = self._calendars.get(agreement.calendar)
            busy = calendar is not None and calendar.business_seconds(start, end) > 0
            affected.append(AffectedAgreement(agreement, busy))
        return PlannedWindow(
            plan,
            start,
            end,
            bool(plan.recurrence),
            tuple(sorted(names)),
            tuple(affected),
            tuple(sorted(touched)),
        )

    def _with_dependents(self, roots: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        stack = list(roots)
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            stack.extend(self._dependents.get(current, ()))
        return seen


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
