"""Rules that span fields or records: event order, lifecycle, scope and approvals."""

from __future__ import annotations

from generator.analysis.closure import closes_without_action
from generator.analysis.commit_gate import commit_id_problems
from generator.analysis.maintenance_customers import CustomerImpact
from generator.analysis.maintenance_gates import done_gate_problems
from generator.analysis.readiness import action_records, check_problems
from generator.analysis.schedules import dependency_cycle
from generator.analysis.scope import scope_problems
from generator.analysis.stock import stock_problem
from generator.analysis.underpinning import fits
from generator.errors import Diagnostic, Severity
from generator.models.agreement import Agreement
from generator.models.common import format_duration
from generator.models.component import Component
from generator.models.consumable import Consumable
from generator.models.maintenance import Maintenance
from generator.models.request import Closed, Request, Resolved, StatusChange
from generator.models.roster import Group, Organization, Person
from generator.models.rota import Rota
from generator.records.catalog import Catalog, roster_index
from generator.records.event_order import order_problems
from generator.records.loader import LoadedRecord
from generator.records.roster_index import RosterIndex


def check_consistency(catalog: Catalog) -> list[Diagnostic]:
    """Diagnostics for rules that no single field can check."""
    diagnostics: list[Diagnostic] = []
    roster = roster_index(catalog)
    for entry, request in catalog.of(Request):
        diagnostics.extend(_event_order(entry, request))
        diagnostics.extend(_lifecycle(entry, request))
        diagnostics.extend(_scope(catalog, roster, entry, request))
        diagnostics.extend(_closure(catalog, entry, request))
    for entry, agreement in catalog.of(Agreement):
        diagnostics.extend(_agreement_dates(entry, agreement))
        diagnostics.extend(_approvals(catalog, entry, agreement))
    impact = CustomerImpact(catalog.components, catalog.services, catalog.agreements)
    for entry, plan in catalog.of(Maintenance):
        gates = [*done_gate_problems(plan, impact.customers(plan)), *commit_id_problems(plan)]
        for gate in gates:
            diagnostics.append(entry.diagnostic(gate.loc, gate.message))
    actions = action_records(catalog.log, catalog.maintenance)
    for entry, component in catalog.of(Component):
        for check in check_problems(component, actions):
            diagnostics.append(entry.diagnostic(check.loc, check.message))
    diagnostics.extend(_schedule_cycle(catalog))
    diagnostics.extend(_underpinning(catalog))
    diagnostics.extend(_rota_people(catalog))
    for entry, consumable in catalog.of(Consumable):
        problem = stock_problem(consumable)
        if problem is not None:
            index, message = problem
            diagnostics.append(entry.diagnostic(("stock", index, "change"), message))
    return diagnostics


def _rota_people(catalog: Catalog) -> list[Diagnostic]:
    """Each person on a rota is a member of its group (the group's members list)."""
    found = []
    for entry, rota in catalog.of(Rota):
        group = catalog.record(rota.group, Group)
        if group is None:
            continue  # the reference check reports the unknown group
        for index, person in enumerate(rota.people):
            if person not in group.members:
                found.append(
                    entry.diagnostic(
                        ("people", index),
                        f"'{person}' is not a member of {rota.group}; add them to the "
                        f"group's members, or take them off the rota",
                    )
                )
    return found


def _underpinning(catalog: Catalog) -> list[Diagnostic]:
    found = []
    for fit in fits(catalog.suppliers, catalog.agreements):
        entry = catalog.get(fit.supplier.id)
        if fit.state != "short" or entry is None or fit.ours_s is None:
            continue
        found.append(
            entry.diagnostic(
                ("targets", fit.target_index, "resolution"),
                f"{format_duration(fit.supplier_s)} does not fit inside the "
                f"{format_duration(fit.ours_s)} {fit.metric.replace('_', ' ')} that "
                f"{fit.agreement.id} promises at {fit.priority} for {fit.service}; agree a "
                "shorter time with the supplier, or describe the workaround that keeps our "
                "target (workaround: …)",
                Severity.WARNING,
            )
        )
    return found


def _schedule_cycle(catalog: Catalog) -> list[Diagnostic]:
    cycle = dependency_cycle(catalog.schedules)
    if cycle is None:
        return []
    entry = catalog.get(cycle[0])
    if entry is None:
        return []
    return [
        entry.diagnostic(
            ("depends_on",),
            f"the schedules wait for each other in a circle ({' → '.join(cycle)}); remove "
            "one of these depends_on entries",
        )
    ]


def _event_order(entry: LoadedRecord, request: Request) -> list[Diagnostic]:
    times = (event.at for event in request.events)
    return [
        entry.diagnostic(("events", index, "at"), message)
        for index, message in order_problems(request.received, times)
    ]


def _lifecycle(entry: LoadedRecord, request: Request) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    resolved = ended = False
    for index, event in enumerate(request.events):
        if isinstance(event, Resolved):
            resolved = True
        elif isinstance(event, StatusChange) and event.status in ("rejected", "cancelled"):
            ended = True
        elif event.type == "reopened":
            resolved = ended = False
        elif isinstance(event, Closed) and not (resolved or ended):
            found.append(
                entry.diagnostic(
                    ("events", index),
                    "closed before it was resolved; add a 'resolved' event with the "
                    "resolution (or a status event rejected/cancelled) before closing",
                )
            )
    return found


def _closure(catalog: Catalog, entry: LoadedRecord, request: Request) -> list[Diagnostic]:
    agreement = catalog.record(request.agreement, Agreement) if request.agreement else None
    if request.agreement and agreement is None:
        return []  # its agreement is invalid or missing: reported already, setting unknown
    where = f" on {agreement.id}" if agreement is not None else " on an agreement"
    return [
        entry.diagnostic(
            ("events", index),
            "closed without an 'action' event saying what was done; add one with "
            f'servicebook event {request.id} action --text "…" (new closes need it), or '
            f"set closure_requires_action: false{where}",
            Severity.WARNING,
        )
        for index in closes_without_action(request, agreement)
    ]


def _scope(
    catalog: Catalog, roster: RosterIndex, entry: LoadedRecord, request: Request
) -> list[Diagnostic]:
    agreement = catalog.record(request.agreement, Agreement) if request.agreement else None
    requester = roster.requester(request.requester)
    found: list[Diagnostic] = []
    for problem in scope_problems(request, agreement, requester):
        fix = (
            "; record it under an agreement that covers the requester, or add them to "
            "scope.requesters"
            if problem.field == "requester"
            else ""
        )
        found.append(
            entry.diagnostic(
                (problem.field,),
                f"{problem.text}{fix}; the request is shown as out of scope",
                Severity.WARNING,
            )
        )
    return found


def _agreement_dates(entry: LoadedRecord, agreement: Agreement) -> list[Diagnostic]:
    if agreement.expires is not None and agreement.expires < agreement.effective:
        return [
            entry.diagnostic(
                ("expires",),
                f"{agreement.expires.isoformat()} is before effective "
                f"{agreement.effective.isoformat()}; expires must be on or after effective",
            )
        ]
    return []


def _approvals(catalog: Catalog, entry: LoadedRecord, agreement: Agreement) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for index, approval in enumerate(agreement.approvals):
        side = _side_of(catalog, approval.by, agreement.customer)
        if side is not None and side != approval.role:
            found.append(
                entry.diagnostic(
                    ("approvals", index, "by"),
                    f"'{approval.by}' belongs to the {side} side but approved as {approval.role}; "
                    f"set role: {side} or name someone from the {approval.role} side",
                )
            )
    if agreement.status == "active":
        roles = {approval.role for approval in agreement.approvals}
        missing = [role for role in ("provider", "customer") if role not in roles]
        if missing:
            found.append(
                entry.diagnostic(
                    ("status",),
                    "an active agreement needs approvals by the provider and the customer side; "
                    f"missing: {', '.join(missing)}. add them under approvals "
                    "({by, role, at}) or set status: negotiating",
                )
            )
    return found


def _side_of(catalog: Catalog, party: str, customer: str) -> str | None:
    """'customer' for the customer organization or its people, else 'provider'."""
    if party == customer:
        return "customer"
    person = catalog.record(party, Person)
    if person is not None and person.organization == customer:
        return "customer"
    if catalog.record(party, Organization) is not None or person is not None:
        return "provider"
    return None
