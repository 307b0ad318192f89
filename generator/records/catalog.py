"""The catalog: every valid record indexed by id, with typed look-ups.

Building it reports duplicate ids and ids that differ from the file name.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TypeVar

from generator.errors import Diagnostic
from generator.models.agreement import Agreement
from generator.models.calendar_record import Calendar
from generator.models.common import Record
from generator.models.component import Component
from generator.models.consumable import Consumable
from generator.models.log_entry import LogEntry
from generator.models.maintenance import Maintenance
from generator.models.need import Need
from generator.models.procedure import Procedure
from generator.models.request import Request
from generator.models.roster import Group, Organization, Person
from generator.models.rota import Rota
from generator.models.schedule import Schedule
from generator.models.service import Service
from generator.models.supplier import SupplierAgreement
from generator.records.loader import LoadedRecord, LoadResult
from generator.records.roster_index import RosterIndex

R = TypeVar("R", bound=Record)


@dataclass
class Catalog:
    """Valid records by id, plus the ids of records that failed validation."""

    entries: dict[str, LoadedRecord] = field(default_factory=dict)
    invalid_ids: dict[str, str] = field(default_factory=dict)
    _kinds: dict[tuple[type[Record], int], list[Record]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def get(self, record_id: str) -> LoadedRecord | None:
        """The loaded record with this id, if any."""
        return self.entries.get(record_id)

    def record(self, record_id: str, model: type[R]) -> R | None:
        """The record with this id if it is of the given model."""
        entry = self.entries.get(record_id)
        if entry is not None and isinstance(entry.record, model):
            return entry.record
        return None

    def of(self, model: type[R]) -> Iterator[tuple[LoadedRecord, R]]:
        """Every record of a model, in path order."""
        for entry in self.entries.values():
            if isinstance(entry.record, model):
                yield entry, entry.record

    def all_of(self, model: type[R]) -> list[R]:
        """Every record of a model, in path order (a new list each call).

        Pages ask for the agreements or services thousands of times; the list is kept
        per model and per number of entries (records are only ever added)."""
        key = (model, len(self.entries))
        found = self._kinds.get(key)
        if found is None:
            found = self._kinds[key] = [record for _, record in self.of(model)]
        return list(found)  # type: ignore[arg-type]

    @property
    def agreements(self) -> list[Agreement]:
        """Agreements in path order."""
        return self.all_of(Agreement)

    @property
    def services(self) -> list[Service]:
        """Services in path order."""
        return self.all_of(Service)

    @property
    def requests(self) -> list[Request]:
        """Requests in path order."""
        return self.all_of(Request)

    @property
    def calendars(self) -> list[Calendar]:
        """Calendars in path order."""
        return self.all_of(Calendar)

    @property
    def procedures(self) -> list[Procedure]:
        """Procedures in path order."""
        return self.all_of(Procedure)

    @property
    def maintenance(self) -> list[Maintenance]:
        """Maintenance plans in path order."""
        return self.all_of(Maintenance)

    @property
    def suppliers(self) -> list[SupplierAgreement]:
        """Supplier agreements in path order."""
        return self.all_of(SupplierAgreement)

    @property
    def needs(self) -> list[Need]:
        """Needs, staff concerns and surveys in path order."""
        return self.all_of(Need)

    @property
    def consumables(self) -> list[Consumable]:
        """Consumables in path order."""
        return self.all_of(Consumable)

    @property
    def log(self) -> list[LogEntry]:
        """Service log entries in path order."""
        return self.all_of(LogEntry)

    @property
    def rotas(self) -> list[Rota]:
        """On-call and shift rotas in path order."""
        return self.all_of(Rota)

    @property
    def schedules(self) -> list[Schedule]:
        """Job schedules in path order."""
        return self.all_of(Schedule)

    @property
    def components(self) -> list[Component]:
        """Components in path order."""
        return self.all_of(Component)

    @property
    def people(self) -> list[Person]:
        """Persons in path order."""
        return self.all_of(Person)

    @property
    def groups(self) -> list[Group]:
        """Groups in path order."""
        return self.all_of(Group)

    @property
    def organizations(self) -> list[Organization]:
        """Organizations in path order."""
        return self.all_of(Organization)

    def path_of(self, record_id: str) -> str | None:
        """Repository path of a record (valid or not)."""
        entry = self.entries.get(record_id)
        return entry.path if entry else self.invalid_ids.get(record_id)


def roster_index(catalog: Catalog) -> RosterIndex:
    """The roster's look-ups (requesters, group members), built once per caller."""
    return RosterIndex(catalog.people, catalog.groups, catalog.organizations)


def build_catalog(loaded: LoadResult) -> tuple[Catalog, list[Diagnostic]]:
    """Index the valid records; report duplicates and ids that differ from file names."""
    catalog = Catalog(invalid_ids=dict(loaded.invalid_ids))
    diagnostics: list[Diagnostic] = []
    # A record whose file name matches its id keeps the id; then the first path does.
    ordered = sorted(loaded.records, key=lambda e: (_stem(e.path) != e.record.id, e.path))
    for entry in ordered:
        record_id = entry.record.id
        stem = _stem(entry.path)
        if record_id != stem:
            diagnostics.append(
                entry.diagnostic(
                    ("id",),
                    f"'{record_id}' differs from the file name '{stem}.md'; "
                    f"rename the file to {record_id}.md or set id: {stem}",
                )
            )
        other = catalog.entries.get(record_id) or None
        other_path = other.path if other else loaded.invalid_ids.get(record_id)
        if other_path is not None and other_path != entry.path:
            diagnostics.append(
                entry.diagnostic(
                    ("id",),
                    f"duplicate id '{record_id}', also used by {other_path}; "
                    "give each record its own id",
                )
            )
            continue
        catalog.entries[record_id] = entry
    return catalog, diagnostics


def _stem(path: str) -> str:
    """``records/x/ID.md`` → ``ID`` (string functions: a Path object per record is slow)."""
    return posixpath.splitext(posixpath.basename(path))[0]
