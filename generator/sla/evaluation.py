"""SLA clocks of every request in a catalog at one instant.

Requests received after ``as_of`` did not exist yet and are left out. Country holidays are
expanded from the year before the earliest request to two years after ``as_of``, a range
taken from the input only, so the result depends on nothing but the records and ``as_of``.
Calendars, target rows and their allowances are built once per combination and reused.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from generator.models.calendar_record import BUILT_IN_24X7
from generator.sla.calendars import CalendarBook
from generator.sla.clock import Allowance
from generator.sla.group_clocks import GroupTerms
from generator.sla.request_clocks import Lookup, RequestClocks, request_clocks
from generator.sla.targets import GroupRow, TargetTable, group_row, group_rows
from generator.sla.timeline import instant
from generator.sla.versions import VersionBook
from generator.sla.working_time import WorkCalendar

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from datetime import datetime

    from generator.models.agreement import Agreement, GroupMetric, Metric
    from generator.models.calendar_record import Calendar
    from generator.models.request import Request
    from generator.models.supplier import SupplierAgreement
    from generator.records.catalog import Catalog


@dataclass(frozen=True)
class SlaReport:
    """Every request's clocks at ``as_of``, by request id, and the agreements by id."""

    as_of: datetime
    requests: tuple[RequestClocks, ...]
    agreements: tuple[Agreement, ...]
    calendars: CalendarBook
    versions: VersionBook = field(default_factory=VersionBook)
    """The published versions the requests were measured under."""

    def timezone_of(self, agreement: Agreement) -> str:
        """The zone of the agreement's calendar: local months and dates are read in it."""
        return self.calendars.timezone(agreement.calendar)


class _Allowances:
    """Targets and calendars per agreement, row key and metric, built once each."""

    def __init__(
        self,
        table: TargetTable,
        calendars: CalendarBook,
        suppliers: Sequence[SupplierAgreement] = (),
    ) -> None:
        self._table = table
        self._calendars = calendars
        self._suppliers = suppliers
        self._found: dict[tuple[str, int, str, str, str | None, str], Allowance] = {}
        self._walls: dict[str, WorkCalendar] = {}
        self._group_rows: dict[tuple[str, int], tuple[GroupRow, ...]] = {}
        self._group_found: dict[tuple[str, int, str, str, str, str | None], GroupAllowances] = {}

    def _wall_clock(self, zone: str) -> WorkCalendar:
        found = self._walls.get(zone)
        if found is None:
            found = self._walls[zone] = WorkCalendar.always(f"24x7 ({zone})", zone)
        return found

    def _calendar(self, calendar_id: str | None, agreement: Agreement) -> WorkCalendar:
        calendar = (
            (self._calendars.get(calendar_id) if calendar_id else None)
            or self._calendars.get(agreement.calendar)
            or self._calendars.get(BUILT_IN_24X7)
        )
        assert calendar is not None  # the built-in 24x7 always exists
        return calendar

    def rows(self, agreement: Agreement) -> tuple[GroupRow, ...]:
        key = (agreement.id, agreement.version)
        found = self._group_rows.get(key)
        if found is None:
            found = self._group_rows[key] = group_rows(agreement, self._suppliers)
        return found

    def get(
        self, agreement: Agreement, request: Request, metric: Metric, priority: str
    ) -> Allowance:
        key = (agreement.id, agreement.version, priority, request.service, request.category, metric)
        found = self._found.get(key)
        if found is None:
            row = self._table.applied(agreement, priority, request.service, request.category)
            calendar = self._calendar(row.calendar_id, agreement)
            days = row.day_count(metric)
            if days is not None and days.kind == "calendar":
                # Calendar days count wall time; the days are those of the calendar's zone.
                calendar = self._wall_clock(calendar.versions[-1].timezone)
            found = self._found[key] = Allowance(
                row.seconds(metric), calendar, days, row.escalate_at
            )
        return found

    def group(
        self, agreement: Agreement, request: Request, group: str, priority: str
    ) -> GroupAllowances:
        """The group's row at ``priority``: its assign and hold allowances (``seconds``
        None: no target) and its pauses."""
        key = (agreement.id, agreement.version, group, priority, request.service,
               request.category)  # fmt: skip
        found = self._group_found.get(key)
        if found is None:
            row = group_row(self.rows(agreement), group, priority, request.service,
                            request.category)  # fmt: skip
            calendar = self._calendar(row.calendar if row else None, agreement)
            found = self._group_found[key] = GroupAllowances(
                Allowance(row.assign if row else None, calendar),
                Allowance(row.hold if row else None, calendar),
                frozenset(row.pause) if row else frozenset(),
            )
        return found


@dataclass(frozen=True)
class GroupAllowances:
    """What one group target row allows, per clock, and where it pauses."""

    assign: Allowance
    hold: Allowance
    pauses: frozenset[str]


def evaluate(
    catalog: Catalog,
    as_of: datetime,
    *,
    default_timezone: str = "UTC",
    quick_pause_minutes: int = 5,
    auto_close_s: int | None = None,
    versions: VersionBook | None = None,
) -> SlaReport:
    """The clocks of every request of a validated catalog received by ``as_of``
    (``auto_close_s``: the auto-close period where the agreement sets none; ``versions``:
    the agreements' published versions, else each agreement's file is used throughout)."""
    return evaluate_records(
        catalog.requests,
        catalog.agreements,
        catalog.calendars,
        as_of,
        default_timezone=default_timezone,
        quick_pause_minutes=quick_pause_minutes,
        auto_close_s=auto_close_s,
        versions=versions,
        suppliers=catalog.suppliers,
    )


def evaluate_records(
    requests: Iterable[Request],
    agreements: Iterable[Agreement],
    calendars: Iterable[Calendar],
    as_of: datetime,
    *,
    default_timezone: str = "UTC",
    quick_pause_minutes: int = 5,
    auto_close_s: int | None = None,
    versions: VersionBook | None = None,
    suppliers: Iterable[SupplierAgreement] = (),
) -> SlaReport:
    """The clocks of every request received by ``as_of``, sorted by request id
    (``suppliers``: the supplier agreements whose rows may name a group)."""
    with collector_paused():
        return _evaluate(
            requests,
            agreements,
            calendars,
            instant(as_of),
            default_timezone,
            quick_pause_minutes,
            auto_close_s,
            versions or VersionBook(),
            tuple(suppliers),
        )


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a batch builds many small objects.

    The clocks of 25,000 requests are a few hundred thousand acyclic objects; each
    collection would walk them and the whole catalog again, which halves the speed. Nothing
    here creates reference cycles, so no memory is held back; the previous setting is
    restored afterwards and the results do not depend on it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _evaluate(
    requests: Iterable[Request],
    agreements: Iterable[Agreement],
    calendars: Iterable[Calendar],
    as_of: datetime,
    default_timezone: str,
    quick_pause_minutes: int,
    auto_close_s: int | None,
    versions: VersionBook,
    suppliers: Sequence[SupplierAgreement] = (),
) -> SlaReport:
    known = sorted((r for r in requests if instant(r.received) <= as_of), key=lambda r: r.id)
    first_year = min((instant(r.received).year for r in known), default=as_of.year)
    records = tuple(sorted(calendars, key=lambda c: c.id))
    years = range(first_year - 1, as_of.year + 3)
    book = CalendarBook(records, years, default_timezone)
    ordered = tuple(sorted(agreements, key=lambda a: a.id))
    table = TargetTable(ordered)
    allowances = _Allowances(table, book, suppliers)
    terms_from = _terms_digest(records, years, default_timezone, suppliers)
    results = []
    for request in known:
        agreement = None
        if request.agreement is not None:
            agreement = table.in_force(request.agreement, request.received.date())
            if agreement is not None:
                agreement = versions.at(agreement, instant(request.received))
        lookup = terms = None
        if agreement is not None:
            lookup = _lookup(allowances, agreement, request)
            terms = _group_terms(allowances, agreement, request)
        results.append(
            request_clocks(
                request,
                agreement,
                lookup,
                as_of,
                quick_pause_minutes * 60,
                auto_close_s,
                group_terms=terms,
                terms_from=terms_from,
            )
        )
    return SlaReport(as_of, tuple(results), ordered, book, versions)


def _terms_digest(
    calendars: Sequence[Calendar],
    years: range,
    default_timezone: str,
    suppliers: Sequence[SupplierAgreement],
) -> str:
    """A digest of everything the targets and calendars of a request come from, besides
    its agreement: one short text that every request's clocks name as an input."""
    digest = hashlib.sha256(f"{years.start} {years.stop} {default_timezone}\n".encode())
    for record in (*calendars, *suppliers):
        digest.update(type(record).__name__.encode() + b"\0")
        digest.update(record.__pydantic_serializer__.to_json(record) + b"\0")
    return digest.hexdigest()


def evaluate_under(
    agreement: Agreement,
    requests: Iterable[Request],
    calendars: CalendarBook,
    as_of: datetime,
    quick_pause_minutes: int = 5,
) -> list[RequestClocks]:
    """What-if: the clocks of ``requests`` as if ``agreement`` had covered each of them.

    The requests keep their own events and priorities; targets, service hours and pause
    rules come from ``agreement``, whatever agreement (if any) they were received under.
    """
    allowances = _Allowances(TargetTable((agreement,)), calendars)
    with collector_paused():
        return [
            request_clocks(
                request,
                agreement,
                _lookup(allowances, agreement, request),
                as_of,
                quick_pause_minutes * 60,
                group_terms=_group_terms(allowances, agreement, request),
            )
            for request in requests
            if instant(request.received) <= as_of
        ]


def _lookup(allowances: _Allowances, agreement: Agreement, request: Request) -> Lookup:
    def lookup(metric: Metric, priority: str) -> Allowance:
        return allowances.get(agreement, request, metric, priority)

    return lookup


def _group_terms(
    allowances: _Allowances, agreement: Agreement, request: Request
) -> GroupTerms | None:
    if not allowances.rows(agreement):
        return None

    def allowance(group: str, metric: GroupMetric, priority: str) -> Allowance:
        found = allowances.group(agreement, request, group, priority)
        return found.assign if metric == "assign" else found.hold

    def pauses(group: str, priority: str) -> frozenset[str]:
        return allowances.group(agreement, request, group, priority).pauses

    return GroupTerms(allowance, pauses, agreement.warn_at, agreement.breach_sticky)
