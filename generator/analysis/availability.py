"""Availability of each service of an agreement in a month (pure).

The measure is the usual one for service hours agreements:

    availability = (agreed time − downtime) / agreed time

- **Service hours** are the agreement's calendar in the month (up to ``as_of`` in the
  month to date, and only on the agreement's own dates): time outside them is never
  downtime, so a night outage under office hours costs nothing.
- **Planned maintenance** is the windows of maintenance plans that were approved or
  went ahead (approved, scheduled, in progress, done or failed) and touch the service
  (the services they name and those built on the components they work on, or on
  components depending on those), unless the plan says no customer notices it
  (``customers_affected: false``). Planned time inside service hours is taken out of the
  agreed time: the customer was told in advance.
- **Agreed time** is the service hours minus that planned maintenance.
- **Downtime** is the ``outage`` of the agreement's requests (incidents) for the service,
  from ``start`` to ``end`` (to ``as_of`` while it has no end), inside the agreed time;
  overlapping outages count once.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from generator.analysis.coverage import Interval, merged, seconds, subtract
from generator.models.request import Request

PLANNED = frozenset({"approved", "scheduled", "in_progress", "done", "failed"})
"""Plan statuses whose windows count as planned maintenance."""


@dataclass(frozen=True)
class OutageSpan:
    """One incident's outage of one service (UTC)."""

    request_id: str
    service: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class PlannedSpan:
    """One maintenance window and the services it touches."""

    plan_id: str
    services: frozenset[str]
    start: datetime
    end: datetime


@dataclass(frozen=True)
class ServiceAvailability:
    """One service's availability in one month."""

    service: str
    service_s: int
    planned_s: int
    down_s: int
    incidents: tuple[str, ...]
    """Requests whose outage falls in the month, in service hours or not."""
    plans: tuple[str, ...]
    target: float | None

    @property
    def agreed_s(self) -> int:
        """Service hours minus planned maintenance."""
        return self.service_s - self.planned_s

    @property
    def percent(self) -> float | None:
        """Availability in percent, to two decimals (None: no agreed time)."""
        if self.agreed_s <= 0:
            return None
        return round(100 * (self.agreed_s - self.down_s) / self.agreed_s, 2)

    @property
    def below_target(self) -> bool:
        """True when the month fell short of the agreed availability."""
        shown = self.percent
        return self.target is not None and shown is not None and shown < self.target


def outage_spans(requests: Iterable[Request], as_of: datetime) -> list[OutageSpan]:
    """The outages the requests record by ``as_of``, one span per service."""
    found = []
    for request in requests:
        outage = request.outage
        if outage is None or outage.start > as_of:
            continue
        end = as_of if outage.end is None or outage.end > as_of else outage.end
        for service in outage.services or [request.service]:
            found.append(OutageSpan(request.id, service, outage.start, end))
    return found


def availability(
    services: Sequence[str],
    month: Interval,
    hours: Sequence[Interval],
    outages: Sequence[OutageSpan],
    planned: Sequence[PlannedSpan],
    target: float | None,
) -> list[ServiceAvailability]:
    """Each service's availability in ``month`` (UTC, clipped to the agreement's dates
    and ``as_of``), given its service hours in it (merged)."""
    found = []
    for service in services:
        windows = [p for p in planned if service in p.services]
        planned_in_hours = _clip(hours, merged((p.start, p.end) for p in windows))
        agreed = subtract(hours, planned_in_hours)
        mine = [o for o in outages if o.service == service]
        down = _clip(agreed, merged((o.start, o.end) for o in mine))
        found.append(
            ServiceAvailability(
                service,
                seconds(hours),
                seconds(planned_in_hours),
                seconds(down),
                tuple(sorted({o.request_id for o in mine if _overlaps([month], o)})),
                tuple(sorted({p.plan_id for p in windows if _overlaps(hours, p)})),
                target,
            )
        )
    return found


def _clip(within: Sequence[Interval], spans: Sequence[Interval]) -> list[Interval]:
    """The parts of ``spans`` inside ``within`` (both merged)."""
    return subtract(within, subtract(within, spans))


def _overlaps(within: Sequence[Interval], span: OutageSpan | PlannedSpan) -> bool:
    return any(low < span.end and span.start < high for low, high in within)
