"""Which agreement version and which row of its targets table apply to a request.

Agreement version in force. A request names an agreement; the version used is the one in
force on the request's ``received`` date (the date as written in the request, the same
date the scope check reads):

- forwards: while a newer agreement ``supersedes`` the current one and took effect on or
  before that date, it replaces it (of several such, the latest ``effective`` wins, then
  the higher ``version``, then the id);
- backwards: while the current one took effect after that date and names an agreement it
  supersedes, that earlier one applies.

Cycles in ``supersedes`` chains are stopped at the first repetition.

Target row. The first row whose ``match`` fits the request's priority, service and
category applies (an empty match fits everything); its calendar is the row's own, else the
agreement's; so are its escalation thresholds. A request that fits no row, or a row
without a duration for a metric, has no target for that metric (the clock is
``not_applicable``). Selections are cached per agreement, priority, service and category:
there are few distinct combinations.

Group rows (operational level targets) are the agreement's ``group_targets`` followed by
the rows that underpinning supplier agreements give the group that stands for them; the
first row for the group whose ``match`` fits applies.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.models.agreement import GroupTarget, Match

if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from generator.models.agreement import Agreement, Metric, Target
    from generator.models.day_count import DayCount
    from generator.models.supplier import SupplierAgreement


@dataclass(frozen=True)
class AppliedTarget:
    """The target row a request falls under (``row`` is 0-based; None when none fits)."""

    agreement_id: str
    row: int | None
    calendar_id: str
    first_response: int | None
    next_response: int | None
    periodic_update: int | None
    resolution: int | None
    days: Mapping[str, DayCount] = field(default_factory=dict)
    """Targets in whole days per metric (instead of a duration)."""
    escalate_at: tuple[float, ...] = ()
    """Escalation thresholds in percent of each target: the row's, else the agreement's."""

    def day_count(self, metric: Metric) -> DayCount | None:
        """The metric's target in days, None when it has none (or a duration)."""
        return self.days.get(metric)

    def seconds(self, metric: Metric) -> int | None:
        """The target of one metric in business seconds, None when there is none."""
        value: int | None = getattr(self, metric)
        return value


def select_row(
    agreement: Agreement, priority: str, service: str, category: str | None
) -> int | None:
    """Index of the first target row that fits, or None."""
    for index, target in enumerate(agreement.targets):
        if target.match.fits(priority, service, category):
            return index
    return None


def applied_target(
    agreement: Agreement, priority: str, service: str, category: str | None
) -> AppliedTarget:
    """The row that applies and its durations (all None when no row fits)."""
    row = select_row(agreement, priority, service, category)
    target: Target | None = None if row is None else agreement.targets[row]
    calendar = (target.calendar if target is not None else None) or agreement.calendar
    return AppliedTarget(
        agreement_id=agreement.id,
        row=row,
        calendar_id=calendar,
        first_response=target.first_response if target else None,
        next_response=target.next_response if target else None,
        periodic_update=target.periodic_update if target else None,
        resolution=target.resolution if target else None,
        days={str(metric): count for metric, count in target.days.items()} if target else {},
        escalate_at=tuple(
            agreement.escalate_at
            if target is None or target.escalate_at is None
            else target.escalate_at
        ),
    )


@dataclass(frozen=True)
class GroupRow:
    """A group target row and the supplier agreement it comes from (None: the agreement)."""

    target: GroupTarget
    supplier: str | None = None


def group_rows(
    agreement: Agreement, suppliers: Iterable[SupplierAgreement] = ()
) -> tuple[GroupRow, ...]:
    """The group target rows of ``agreement`` in the order they are tried: its own
    ``group_targets``, then each target row of an underpinning supplier agreement (not
    expired) that names a group, as that group's row for the priority and the supplier's
    services (assign: the supplier's response, hold: its resolution, in its calendar)."""
    rows = [GroupRow(target) for target in agreement.group_targets]
    for supplier in sorted(suppliers, key=lambda s: s.id):
        if supplier.status == "expired" or agreement.id not in supplier.underpins:
            continue
        for target in supplier.targets:
            if target.group is None or (target.response is None and target.resolution is None):
                continue
            row = GroupTarget.model_construct(
                group=target.group,
                match=Match(priority=[target.priority], service=list(supplier.services)),
                calendar=supplier.calendar,
                assign=target.response,
                hold=target.resolution,
                pause=["waiting_on_requester"],
            )
            rows.append(GroupRow(row, supplier.id))
    return tuple(rows)


def group_row(
    rows: Iterable[GroupRow], group: str, priority: str, service: str, category: str | None
) -> GroupTarget | None:
    """The first row for ``group`` whose match fits, or None."""
    return next(
        (
            r.target
            for r in rows
            if r.target.group == group and r.target.match.fits(priority, service, category)
        ),
        None,
    )


class TargetTable:
    """Agreements by id, their supersession chains, and a cache of selected rows."""

    __slots__ = ("_agreements", "_rows", "_successors")

    def __init__(self, agreements: Iterable[Agreement]) -> None:
        self._agreements = {agreement.id: agreement for agreement in agreements}
        self._successors: dict[str, list[Agreement]] = {}
        for agreement in sorted(self._agreements.values(), key=lambda a: a.id):
            if agreement.supersedes:
                self._successors.setdefault(agreement.supersedes, []).append(agreement)
        self._rows: dict[tuple[str, int, str, str, str | None], AppliedTarget] = {}

    def get(self, agreement_id: str) -> Agreement | None:
        """The agreement with this id, if any."""
        return self._agreements.get(agreement_id)

    def in_force(self, agreement_id: str, on: date) -> Agreement | None:
        """The version of the named agreement in force on ``on`` (see the module docstring)."""
        current = self._agreements.get(agreement_id)
        if current is None:
            return None
        seen = {current.id}
        while current.effective > on and current.supersedes:
            earlier = self._agreements.get(current.supersedes)
            if earlier is None or earlier.id in seen:
                break
            seen.add(earlier.id)
            current = earlier
        while True:
            newer = [
                agreement
                for agreement in self._successors.get(current.id, [])
                if agreement.effective <= on and agreement.id not in seen
            ]
            if not newer:
                return current
            current = max(newer, key=lambda a: (a.effective, a.version, a.id))
            seen.add(current.id)

    def applied(
        self, agreement: Agreement, priority: str, service: str, category: str | None
    ) -> AppliedTarget:
        """The row for these request attributes (cached)."""
        key = (agreement.id, agreement.version, priority, service, category)
        found = self._rows.get(key)
        if found is None:
            found = self._rows[key] = applied_target(agreement, priority, service, category)
        return found
