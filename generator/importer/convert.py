"""Turn the CSV rows of one ticket into a request record's fields and events (pure).

Event-per-row sources (an audit log such as ServiceNow's) hold a snapshot of the ticket
after each update; the events are the differences between consecutive snapshots, taken in
time order (ties broken by the update counter, then by file order):

- a new assignment group or assignee → ``assigned``;
- a new priority → ``priority`` (the first row's priority is the priority at receipt);
- a state change → ``status``, ``resolved`` or ``closed`` as the mapping's ``states`` say;
  leaving a resolved or closed state for an open one → ``reopened`` (with the source's
  reopen counter as the reason);
- a ticket closed without a resolution first gets a ``resolved`` event at the closing
  time (the records' lifecycle requires one), and the adjustment is reported.

Row-per-ticket sources give the timestamps of one ticket directly: ``resolved_at`` and
``closed_at`` become events, the assignment group (if any) an ``assigned`` event at
receipt, and a reopening time (the first resolution of a reopened ticket is not recorded)
an internal note.

An event dated before the ticket was opened is moved to the opening time, and reported.
Reading cells and rejecting bad rows is :mod:`generator.importer.cells`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from generator.errors import Diagnostic, Severity
from generator.importer.cells import Cells, Row, number, slug
from generator.intake.untrusted import escape_title, flatten

if TYPE_CHECKING:
    from generator.importer.mapping import Mapping

OPEN_TARGETS = frozenset({"in_progress", "waiting_on_requester", "waiting_on_third_party", "new"})
ENDED = frozenset({"resolved", "closed", "rejected", "cancelled"})
TRANSFER_REASON = "reassigned in the source, which records no reason"
"""Written on imported transfers: validation asks every transfer for a reason."""


@dataclass(frozen=True)
class Ticket:
    """One imported request: its fields in record order, events, and what it refers to."""

    record_id: str
    fields: dict[str, Any]
    events: list[dict[str, Any]]
    body: str
    groups: tuple[tuple[str, str], ...] = ()
    """(id, name in the source) of every group the events name."""
    people: tuple[tuple[str, str], ...] = ()
    """(id, name in the source) of every person the events name."""


@dataclass(frozen=True)
class Converter:
    """Converts the rows of one source's tickets (rows already checked by ``Cells``)."""

    cells: Cells

    @property
    def mapping(self) -> Mapping:
        """The source's mapping."""
        return self.cells.mapping

    def ticket(self, rows: list[Row]) -> tuple[Ticket, list[Diagnostic]]:
        """The request made from a ticket's rows (checked by ``Cells.row_problem``)."""
        ordered = sorted(rows, key=self._row_order)
        first_line, first = ordered[0]
        last = ordered[-1][1]
        opened = self.cells.time(self.cells.cell(first, "opened_at") or "")
        assert opened is not None  # checked by row_problem
        source_id = self.cells.cell(first, "id") or ""
        notes: list[Diagnostic] = []
        if self.mapping.layout == "row_per_ticket":
            for line, _ in sorted(rows, key=lambda row: row[0])[1:]:
                message = f"repeats ticket {source_id}; only its first row is used"
                notes.append(self.cells.problem(line, self.mapping.columns.id, message))
            first_line, first = min(rows, key=lambda row: row[0])
            last = first
        build = _Events(opened)
        if self.mapping.layout == "event_per_row":
            self._event_rows(ordered, build, notes)
        else:
            self._ticket_row(first_line, first, build, notes)
        for line, message in build.adjusted:
            notes.append(self.cells.problem(line, "", message, Severity.WARNING))
        return self._make(source_id, first, last, opened, build), notes

    def _row_order(self, row: Row) -> tuple[datetime, int, int]:
        line, cells = row
        at = self.cells.time(
            self.cells.cell(cells, "updated_at") or self.cells.cell(cells, "opened_at") or ""
        )
        counter = self.cells.cell(cells, "order")
        return (at or datetime.min.replace(tzinfo=self.cells.zone), number(counter), line)

    def _event_rows(self, rows: list[Row], build: _Events, notes: list[Diagnostic]) -> None:
        states = self.mapping.states
        priority = self.mapping.priorities[self.cells.cell(rows[0][1], "priority") or ""]
        build.priority = priority
        reopens = number(self.cells.cell(rows[0][1], "reopens"))
        for line, cells in rows:
            at = self.cells.time(self.cells.cell(cells, "updated_at") or "")
            assert at is not None  # checked by row_problem
            at = build.at(at, line)
            target = states[self.cells.cell(cells, "state") or ""]
            counter = number(self.cells.cell(cells, "reopens"))
            if build.status in ENDED and target in OPEN_TARGETS:
                reason = "reopened in the source"
                if counter > reopens:
                    reason += f" (reopen count {counter})"
                build.add(at, "reopened", reason=reason)
                build.status = "in_progress"
            reopens = max(reopens, counter)
            self._assignment(cells, at, build)
            new_priority = self.mapping.priorities[self.cells.cell(cells, "priority") or ""]
            if new_priority != build.priority:
                build.add(
                    at,
                    "priority",
                    priority=new_priority,
                    reason=f"changed in the source to {flatten(self._raw_priority(cells), 40)}",
                )
                build.priority = new_priority
            self._state(target, at, line, cells, build, notes)

    def _raw_priority(self, cells: list[str]) -> str:
        return self.cells.cell(cells, "priority") or ""

    def _assignment(self, cells: list[str], at: datetime, build: _Events) -> None:
        group_name = self.cells.cell(cells, "group")
        person_name = self.cells.cell(cells, "assignee")
        group = self.cells.ref(group_name) or build.group
        person = self.cells.ref(person_name)
        if group is None or (group, person) == (build.group, build.person):
            return
        fields: dict[str, str] = {"group": group}
        if person is not None:
            fields["person"] = person
            build.people[person] = flatten(person_name or person, 80)
        if build.group is not None and group != build.group:
            fields["reason"] = TRANSFER_REASON  # a transfer needs one (the source has none)
        build.add(at, "assigned", **fields)
        build.group, build.person = group, person
        if group_name is not None and self.cells.ref(group_name) == group:
            build.groups[group] = flatten(group_name, 80)

    def _state(
        self,
        target: str,
        at: datetime,
        line: int,
        cells: list[str],
        build: _Events,
        notes: list[Diagnostic],
    ) -> None:
        if target == build.status or target == "new":
            return
        if build.status == "closed":
            return  # a change after closure without a reopening: nothing to record
        if target == "resolved":
            build.add(at, "resolved", resolution=self._resolution(cells))
        elif target == "closed":
            if build.status not in ("resolved", "rejected", "cancelled"):
                resolved = self._resolved_at(cells, build, at)
                build.add(resolved, "resolved", resolution=self._resolution(cells))
                where = "at the closing time" if resolved == at else "at the resolution time"
                notes.append(
                    self.cells.problem(
                        line,
                        self.mapping.columns.state or "",
                        f"closed without being resolved first; a resolved event was added {where}",
                        Severity.WARNING,
                    )
                )
            build.add(at, "closed")
        else:
            build.add(at, "status", status=target)
        build.status = target

    def _resolved_at(self, cells: list[str], build: _Events, closing: datetime) -> datetime:
        """The source's resolution time if it fits between the last event and the closure."""
        value = self.cells.cell(cells, "resolved_at")
        moment = self.cells.time(value) if value else None
        earliest = build.events[-1]["at"] if build.events else build.opened
        if moment is not None and earliest <= moment <= closing:
            return moment
        return closing

    def _resolution(self, cells: list[str]) -> str:
        code = self.cells.cell(cells, "resolution")
        if code is None:
            return self.mapping.default_resolution
        return f"{self.mapping.default_resolution} (code: {flatten(code, 80)})"

    def _ticket_row(
        self, line: int, cells: list[str], build: _Events, notes: list[Diagnostic]
    ) -> None:
        build.priority = self.mapping.priorities[self.cells.cell(cells, "priority") or ""]
        self._assignment(cells, build.opened, build)
        moments: list[tuple[datetime, str]] = []
        for role, kind in (("resolved_at", "resolved"), ("closed_at", "closed")):
            value = self.cells.cell(cells, role)
            moment = self.cells.time(value) if value else None
            if value and moment is None:
                notes.append(self.cells.bad_time(line, role, value))
            elif moment is not None:
                moments.append((moment, kind))
        reopened = self.cells.cell(cells, "reopened_at")
        reopened_at = self.cells.time(reopened) if reopened else None
        if reopened and reopened_at is None:
            notes.append(self.cells.bad_time(line, "reopened_at", reopened))
        if reopened_at is not None:
            moments.append((reopened_at, "note"))
        for moment, kind in sorted(moments, key=lambda m: (m[0], m[1] != "note")):
            at = build.at(moment, line)
            if kind == "note":
                build.add(
                    at,
                    "note",
                    text="reopened in the source (its first resolution time is not recorded)",
                )
            elif kind == "resolved":
                build.add(at, "resolved", resolution=self._resolution(cells))
                build.status = "resolved"
            else:
                self._state("closed", at, line, cells, build, notes)

    def _make(
        self, source_id: str, first: list[str], last: list[str], opened: datetime, build: _Events
    ) -> Ticket:
        mapping = self.mapping
        skeleton = mapping.skeleton
        values = {name: self.cells.text(first, index) for name, index in self.cells.columns.items()}
        category = self.cells.cell(first, "category")
        requester = slug(self.cells.cell(first, "requester") or "")
        channel = self.cells.cell(first, "channel")
        fields: dict[str, Any] = {
            "id": mapping.id_prefix + source_id,
            "title": escape_title(mapping.title.format_map(values)) or source_id,
            "agreement": skeleton.agreement.id,
            "service": skeleton.service.id,
            "category": slug(category) if category else None,
            "priority": self.mapping.priorities[self.cells.cell(first, "priority") or ""],
            "requester": requester or mapping.default_requester,
            "channel": self._channel(channel),
            "received": opened,
            "imported": f"{mapping.source} {flatten(source_id, 80)}",
            "imported_sla": self._verdict(last),
        }
        body = self._body(source_id, last)
        return Ticket(
            fields["id"],
            fields,
            build.events,
            body,
            tuple(sorted(build.groups.items())),
            tuple(sorted(build.people.items())),
        )

    def _channel(self, value: str | None) -> str:
        if value is None:
            return "other"
        return self.mapping.channels.get(value) or slug(value) or "other"

    def _verdict(self, cells: list[str]) -> str | None:
        value = self.cells.cell(cells, "sla_met")
        if value is None:
            return None
        return "met" if value in self.mapping.true_values else "breached"

    def _body(self, source_id: str, last: list[str]) -> str:
        facts = []
        for role, label in (("reassignments", "reassignments"), ("reopens", "reopenings")):
            value = self.cells.cell(last, role)
            if value is not None:
                facts.append(f"{label}: {flatten(value, 20)}")
        verdict = self._verdict(last)
        if verdict is not None:
            column = self.mapping.columns.sla_met
            facts.append(f"its own SLA verdict ({column}): {verdict}")
        text = (
            f"Imported from {self.mapping.description}, ticket {flatten(source_id, 80)}. "
            "The source holds no free text; the title is made from its classification."
        )
        if facts:
            text += f"\n\nIn the source: {'; '.join(facts)}."
        return text.replace("<", "&lt;").replace(">", "&gt;") + "\n"


@dataclass
class _Events:
    """The events of one ticket as they are built, with its derived state."""

    opened: datetime
    events: list[dict[str, Any]] = field(default_factory=list)
    status: str = "new"
    priority: str = ""
    group: str | None = None
    person: str | None = None
    last: datetime | None = None
    groups: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    adjusted: list[tuple[int, str]] = field(default_factory=list)

    def at(self, moment: datetime, line: int) -> datetime:
        """The time for an event: never before the opening (reported when moved)."""
        if moment < self.opened:
            self.adjusted.append(
                (
                    line,
                    f"dated {moment.isoformat()}, before the ticket was opened "
                    f"({self.opened.isoformat()}); the event is dated at the opening",
                )
            )
            return self.opened
        return moment

    def add(self, at: datetime, kind: str, **values: Any) -> None:
        """Append one event (fields in record order)."""
        self.events.append({"at": at, "type": kind, **values})
