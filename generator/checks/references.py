"""Dangling references: every id a record names must exist and be of the right kind."""

from __future__ import annotations

from collections.abc import Iterator

from generator.errors import Diagnostic
from generator.models.agreement import Agreement
from generator.models.calendar_record import BUILT_IN_24X7, Calendar
from generator.models.common import Record
from generator.models.component import Component
from generator.models.consumable import Consumable
from generator.models.log_entry import LogEntry
from generator.models.maintenance import Maintenance
from generator.models.need import Need
from generator.models.procedure import Procedure
from generator.models.request import Assigned, Request
from generator.models.roster import Group, Organization, Person
from generator.models.schedule import Schedule
from generator.models.service import Service
from generator.models.supplier import SupplierAgreement
from generator.records.catalog import Catalog
from generator.records.loader import LoadedRecord
from generator.records.sourcemap import Loc

Ref = tuple[Loc, str, tuple[type[Record], ...]]
OWNER = (Group, Person)
PARTY = (Person, Organization, Group)
KIND_NAMES = {
    Agreement: "agreement",
    Calendar: "calendar",
    Component: "component",
    Consumable: "consumable",
    Group: "group",
    LogEntry: "log entry",
    Maintenance: "maintenance plan",
    Need: "need",
    Organization: "organization",
    Person: "person",
    Procedure: "procedure",
    Request: "request",
    Schedule: "schedule",
    Service: "service",
    SupplierAgreement: "supplier agreement",
}


def check_references(catalog: Catalog) -> list[Diagnostic]:
    """One diagnostic per reference to a missing record or one of the wrong kind."""
    diagnostics: list[Diagnostic] = []
    for entry in catalog.entries.values():
        for loc, target, kinds in _references(entry.record):
            problem = _problem(catalog, target, kinds)
            if problem:
                diagnostics.append(entry.diagnostic(loc, problem))
        if isinstance(entry.record, Request):
            diagnostics.extend(_check_category(catalog, entry, entry.record))
    return diagnostics


def _problem(catalog: Catalog, target: str, kinds: tuple[type[Record], ...]) -> str | None:
    wanted = " or ".join(KIND_NAMES[k] for k in kinds)
    if kinds == (Calendar,) and target == BUILT_IN_24X7:
        return None
    found = catalog.get(target)
    if found is None:
        if target in catalog.invalid_ids:
            where = catalog.invalid_ids[target]
            return f"refers to '{target}', which has errors ({where}); fix that record"
        return f"no {wanted} has the id '{target}'; create it or correct the id"
    if not isinstance(found.record, kinds):
        actual = KIND_NAMES.get(type(found.record), "record")
        return f"'{target}' is a {actual} ({found.path}), not a {wanted}; name a {wanted}"
    return None


def _references(record: Record) -> Iterator[Ref]:
    if isinstance(record, Agreement):
        yield ("customer",), record.customer, (Organization,)
        if record.provider:
            yield ("provider",), record.provider, (Organization,)
        yield ("calendar",), record.calendar, (Calendar,)
        yield from _each("services", record.services, (Service,))
        for index, target in enumerate(record.targets):
            if target.calendar:
                yield ("targets", index, "calendar"), target.calendar, (Calendar,)
        for index, approval in enumerate(record.approvals):
            yield ("approvals", index, "by"), approval.by, PARTY
        if record.supersedes:
            yield ("supersedes",), record.supersedes, (Agreement,)
    elif isinstance(record, Request):
        if record.agreement:
            yield ("agreement",), record.agreement, (Agreement,)
        yield ("service",), record.service, (Service,)
        for index, event in enumerate(record.events):
            if isinstance(event, Assigned):
                yield ("events", index, "group"), event.group, (Group,)
                if event.person:
                    yield ("events", index, "person"), event.person, (Person,)
        for index, action in enumerate(record.plan):
            yield ("plan", index, "owner"), action.owner, OWNER
    elif isinstance(record, Service):
        yield ("owner",), record.owner, OWNER
        yield from _each("components", record.components, (Component,))
        for index, category in enumerate(record.categories):
            if category.group:
                yield ("categories", index, "group"), category.group, (Group,)
    elif isinstance(record, Person):
        yield from _each("groups", record.groups, (Group,))
        if record.organization:
            yield ("organization",), record.organization, (Organization,)
    elif isinstance(record, Group):
        yield from _each("members", record.members, (Person,))
        if record.lead:
            yield ("lead",), record.lead, (Person,)
    elif isinstance(record, Procedure | Maintenance | Component):
        yield ("owner",), record.owner, OWNER
        yield from _kind_references(record)
    elif isinstance(record, SupplierAgreement):
        yield ("supplier",), record.supplier, (Organization,)
        yield ("calendar",), record.calendar, (Calendar,)
        yield from _each("components", record.components, (Component,))
        yield from _each("services", record.services, (Service,))
        yield from _each("underpins", record.underpins, (Agreement,))
    elif isinstance(record, Need):
        yield ("raised_by",), record.raised_by, PARTY
        yield from _each("services", record.services, (Service,))
        if record.agreement:
            yield ("agreement",), record.agreement, (Agreement,)
    elif isinstance(record, Consumable):
        yield ("owner",), record.owner, OWNER
        yield from _each("components", record.components, (Component,))
        yield from _each("services", record.services, (Service,))
    elif isinstance(record, LogEntry):
        yield ("by",), record.by, OWNER
        yield from _each("components", record.components, (Component,))
        yield from _each("services", record.services, (Service,))
        links: tuple[tuple[str, str | None, tuple[type[Record], ...]], ...] = (
            ("procedure", record.procedure, (Procedure,)),
            ("schedule", record.schedule, (Schedule,)),
            ("request", record.request, (Request,)),
            ("maintenance", record.maintenance, (Maintenance,)),
        )
        for name, linked, kinds in links:
            if linked:
                yield (name,), linked, kinds
    elif isinstance(record, Schedule):
        yield ("owner",), record.owner, OWNER
        yield from _each("components", record.components, (Component,))
        yield from _each("services", record.services, (Service,))
        yield from _each("depends_on", record.depends_on, (Schedule,))
        if record.procedure:
            yield ("procedure",), record.procedure, (Procedure,)


def _kind_references(record: Procedure | Maintenance | Component) -> Iterator[Ref]:
    if isinstance(record, Component):
        yield from _each("depends_on", record.depends_on, (Component,))
        return
    yield from _each("services", record.services, (Service,))
    yield from _each("components", record.components, (Component,))
    if isinstance(record, Procedure):
        for index, exercise in enumerate(record.exercised):
            yield ("exercised", index, "by"), exercise.by, OWNER
    elif record.request:
        yield ("request",), record.request, (Request,)


def _each(name: str, ids: list[str], kinds: tuple[type[Record], ...]) -> Iterator[Ref]:
    for index, target in enumerate(ids):
        yield (name, index), target, kinds


def _check_category(catalog: Catalog, entry: LoadedRecord, request: Request) -> list[Diagnostic]:
    service = catalog.record(request.service, Service)
    if service is None or request.category is None or not service.categories:
        return []
    known = service.category_ids()
    if request.category in known:
        return []
    return [
        entry.diagnostic(
            ("category",),
            f"'{request.category}' is not a category of service '{service.id}'; "
            f"write one of {', '.join(known)}",
        )
    ]
