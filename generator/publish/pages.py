"""Which pages the site has and what each shows: pure, from the catalog and ``as_of``.

Every record gets a page under its kind's folder; every kind gets an index
table. Request pages stay out of the navigation (see ``site_config``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from generator.analysis.auto_close import auto_close_periods
from generator.analysis.capability import (
    ACHIEVABLE,
    CAPABILITY_MONTHS,
    MIN_MEASURED,
    TIGHT,
    Capability,
    capability,
    population,
)
from generator.analysis.compliance import ComplianceRow, compliance
from generator.analysis.maintenance import HORIZON, PlannedWindow, upcoming_windows
from generator.analysis.monthly import MonthFacts, monthly_facts
from generator.analysis.schedules import HORIZON as RUNS_HORIZON
from generator.analysis.schedules import LISTED, Run, critical_path, upcoming_runs
from generator.analysis.status import RequestState, request_state
from generator.analysis.stock import LEAD_DAYS, USAGE_DAYS, stock_level, stock_rows
from generator.analysis.underpinning import fits
from generator.evidence.matrix import evidence_matrix
from generator.evidence.practices import GOALS
from generator.history.findings import KIND_TITLES, KINDS
from generator.history.sitehistory import NO_SITE_HISTORY, SiteHistory
from generator.models.agreement import Agreement
from generator.models.calendar_record import WEEKDAYS, Calendar
from generator.models.common import Record
from generator.models.component import Component
from generator.models.consumable import Consumable
from generator.models.log_entry import LogEntry
from generator.models.maintenance import Maintenance
from generator.models.need import Need
from generator.models.procedure import Procedure
from generator.models.request import STATUSES, Request
from generator.models.roster import Group, Organization, Person
from generator.models.schedule import Schedule
from generator.models.service import Service
from generator.models.supplier import SupplierAgreement
from generator.publish.dashboards import agreement_extras, dashboard_pages, home_answers
from generator.publish.request_pages import (
    ALL_REQUEST_PAGES,
    RequestPagePolicy,
    paged_requests,
    request_listings,
)
from generator.publish.request_rules import request_rules
from generator.publish.request_view import request_view
from generator.records.catalog import Catalog
from generator.sla.calendars import CalendarBook
from generator.sla.evaluation import evaluate, evaluate_under
from generator.sla.request_clocks import RequestClocks, sla_summary

SECTIONS: dict[type[Record], str] = {
    Service: "services",
    Agreement: "agreements",
    Request: "requests",
    Procedure: "procedures",
    Maintenance: "maintenance",
    Schedule: "schedules",
    LogEntry: "log",
    Consumable: "consumables",
    Need: "needs",
    SupplierAgreement: "suppliers",
    Component: "components",
    Calendar: "calendars",
    Person: "roster",
    Group: "roster",
    Organization: "roster",
}


@dataclass(frozen=True)
class PageSpec:
    """A page to render: where it goes, which template, with what context."""

    path: str
    template: str
    context: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SiteFacts:
    """Everything computed once and shared by the pages."""

    catalog: Catalog
    as_of: datetime
    timezone: str
    states: dict[str, RequestState]
    bodies: dict[str, str]
    paths: dict[str, str]
    record_pages: dict[str, str]
    titles: dict[str, str]
    history: SiteHistory = NO_SITE_HISTORY
    """Git history of the records, read once by the builder (never by the pages)."""
    clocks: dict[str, RequestClocks] = field(default_factory=dict)
    """SLA clocks of every request received by ``as_of``."""
    compliance: dict[str, list[ComplianceRow]] = field(default_factory=dict)
    """Compliance rows per agreement id (month x metric x priority)."""
    monthly: dict[str, dict[str, MonthFacts]] = field(default_factory=dict)
    """Volume, breaches, ratings and deliveries per agreement id and month."""
    maintenance: list[PlannedWindow] = field(default_factory=list)
    """Maintenance windows open at ``as_of`` or coming up, with what they touch."""
    runs: list[Run] = field(default_factory=list)
    """Job runs going on at ``as_of`` or coming up, with what may get in their way."""
    capability: dict[str, Capability] = field(default_factory=dict)
    """Per agreement id: would its targets be met on the recent requests for its services."""


def compute_facts(
    catalog: Catalog,
    as_of: datetime,
    timezone: str,
    history: SiteHistory = NO_SITE_HISTORY,
    request_pages: RequestPagePolicy = ALL_REQUEST_PAGES,
    auto_close_s: int | None = None,
) -> SiteFacts:
    """Derive request states and the page of every record (``auto_close_s``: the
    auto-close period of requests whose agreement sets none)."""
    record_pages: dict[str, str] = {}
    titles: dict[str, str] = {}
    bodies: dict[str, str] = {}
    paths: dict[str, str] = {}
    for record_id, entry in catalog.entries.items():
        section = SECTIONS.get(type(entry.record))
        if section is not None:
            record_pages[record_id] = f"{section}/{record_id}.md"
        titles[record_id] = entry.record.title
        bodies[record_id] = entry.body
        paths[record_id] = entry.path
    periods = auto_close_periods(catalog.requests, catalog.agreements, auto_close_s)
    states = {
        r.id: request_state(r, as_of, periods[r.id])
        for r in catalog.requests
        if r.received <= as_of
    }
    paged = paged_requests(catalog.requests, states, as_of, request_pages)
    for request in catalog.requests:
        if request.id not in paged:
            record_pages.pop(request.id, None)  # links to it show its id as plain text
    report = evaluate(catalog, as_of, default_timezone=timezone, auto_close_s=auto_close_s)
    zones = {agreement.id: report.timezone_of(agreement) for agreement in report.agreements}
    clocks = {result.request_id: result for result in report.requests}
    handled = [(r, states[r.id], clocks[r.id]) for r in catalog.requests if r.id in clocks]
    windows = upcoming_windows(
        catalog.maintenance,
        catalog.components,
        catalog.services,
        catalog.agreements,
        report.calendars,
        as_of,
        timezone,
    )
    return SiteFacts(
        catalog,
        as_of,
        timezone,
        states,
        bodies,
        paths,
        record_pages,
        titles,
        history,
        clocks=clocks,
        compliance=compliance(report.requests, as_of, zones.__getitem__),
        monthly=monthly_facts(handled, as_of, zones.__getitem__),
        capability=_capability(catalog, report.calendars, as_of),
        maintenance=windows,
        runs=upcoming_runs(catalog.schedules, windows, as_of, timezone),
    )


def site_pages(facts: SiteFacts) -> Iterator[PageSpec]:
    """Every generated page of the site."""
    catalog = facts.catalog
    yield _home(facts)
    for model, section in SECTIONS.items():
        yield from _record_pages(facts, model, section)
    yield PageSpec(
        "roster/index.md",
        "roster_index",
        {
            "groups": catalog.groups,
            "people": catalog.people,
            "organizations": catalog.organizations,
        },
    )
    yield PageSpec("services/index.md", "services_index", {"services": catalog.services})
    yield PageSpec("agreements/index.md", "agreements_index", {"agreements": catalog.agreements})
    for listing in request_listings(_requests_index(facts)["rows"], facts.timezone):
        yield PageSpec(listing.path, listing.template, listing.context)
    yield PageSpec("procedures/index.md", "procedures_index", {"procedures": catalog.procedures})
    yield PageSpec(
        "maintenance/index.md",
        "maintenance_index",
        {"plans": catalog.maintenance, "windows": facts.maintenance, "horizon": HORIZON.days},
    )
    needs = sorted(
        (n for n in catalog.needs if n.at <= facts.as_of), key=lambda n: (n.at, n.id), reverse=True
    )
    yield PageSpec("needs/index.md", "needs_index", {"needs": needs})
    all_fits = fits(catalog.suppliers, catalog.agreements)
    fit_states: dict[str, list[str]] = {}
    for fit in all_fits:
        fit_states.setdefault(fit.supplier.id, []).append(fit.state)
    yield PageSpec(
        "suppliers/index.md",
        "suppliers_index",
        {"suppliers": catalog.suppliers, "fit_states": fit_states},
    )
    yield PageSpec(
        "consumables/index.md",
        "consumables_index",
        {
            "levels": [stock_level(c, facts.as_of) for c in catalog.consumables],
            "usage_days": USAGE_DAYS,
            "lead_days": LEAD_DAYS,
        },
    )
    entries = sorted(catalog.log, key=lambda e: (e.at, e.id), reverse=True)
    entries = [e for e in entries if e.at <= facts.as_of]
    yield PageSpec(
        "log/index.md",
        "log_index",
        {
            "entries": entries,
            "open_actions": [
                e for e in entries if e.type == "corrective_action" and e.status == "open"
            ],
        },
    )
    path, path_seconds = critical_path(catalog.schedules)
    yield PageSpec(
        "schedules/index.md",
        "schedules_index",
        {
            "schedules": catalog.schedules,
            "troubled": [run for run in facts.runs if run.maintenance or run.early],
            "listed": [run for run in facts.runs if run.start < facts.as_of + LISTED],
            "horizon": RUNS_HORIZON.days,
            "listed_days": LISTED.days,
            "next_run": {run.schedule.id: run for run in reversed(facts.runs)},
            "critical": path,
            "critical_s": path_seconds,
        },
    )
    yield PageSpec("components/index.md", "components_index", {"components": catalog.components})
    yield PageSpec("calendars/index.md", "calendars_index", {"calendars": catalog.calendars})
    yield from _audit_pages(facts)
    yield from dashboard_pages(facts)


RUN_ROWS = 10
"""Runs a schedule's own page lists."""
HOME_WINDOWS = 3
"""Maintenance windows the home page shows (the maintenance page lists them all)."""


def _home(facts: SiteFacts) -> PageSpec:
    catalog = facts.catalog
    counts = Counter(state.status for state in facts.states.values())
    open_count = sum(1 for state in facts.states.values() if state.is_open)
    return PageSpec(
        "index.md",
        "home",
        {
            "agreements": catalog.agreements,
            "services": catalog.services,
            "status_counts": [(status, counts.get(status, 0)) for status in STATUSES],
            "open_count": open_count,
            "request_count": len(facts.states),
            "maintenance_next": facts.maintenance[:HOME_WINDOWS],
            **home_answers(facts),
        },
    )


def _record_pages(facts: SiteFacts, model: type[Record], section: str) -> Iterator[PageSpec]:
    catalog = facts.catalog
    rules = request_rules(catalog, facts.states) if model is Request else None
    for entry, record in catalog.of(model):
        context: dict[str, Any] = {
            "record": record,
            "body": entry.body,
            "source_path": entry.path,
            "history": facts.history.of(record.id),
            "history_available": facts.history.available,
            "history_note": facts.history.note,
        }
        template = section[:-1] if section.endswith("s") else section
        if isinstance(record, Request):
            if record.id not in facts.states:
                continue  # received after as_of: not yet known at that instant
            if record.id not in facts.record_pages:
                continue  # listed in the requests tables only (request_pages setting)
            template = "request"
            agreement = catalog.record(record.agreement, Agreement) if record.agreement else None
            assert rules is not None
            context |= {
                "state": facts.states[record.id],
                "agreement": agreement,
                "zone": _zone_of(catalog, agreement, facts.timezone),
                "out_of_scope": rules.out_of_scope(record, agreement),
                "advice": rules.advice(record, entry.body, facts.states[record.id]),
                "clocks": facts.clocks.get(record.id),
            }
            context |= request_view(
                record, facts.states[record.id], facts.clocks.get(record.id), facts.as_of
            )
        elif isinstance(record, Calendar):
            context |= {"weekdays": WEEKDAYS}
        elif isinstance(record, Maintenance):
            context |= {"windows": [w for w in facts.maintenance if w.plan.id == record.id]}
        elif isinstance(record, Schedule):
            context |= {"runs": [r for r in facts.runs if r.schedule.id == record.id][:RUN_ROWS]}
        elif isinstance(record, LogEntry):
            template = "log_entry"
        elif isinstance(record, SupplierAgreement):
            context |= {
                "fits": fits([record], catalog.agreements),
            }
        elif isinstance(record, Consumable):
            context |= {
                "stock": stock_level(record, facts.as_of),
                "log_rows": stock_rows(record, facts.as_of),
                "usage_days": USAGE_DAYS,
            }
        elif isinstance(record, Person | Group | Organization):
            template = record.type
        elif isinstance(record, Agreement):
            context |= {
                "zone": _zone_of(catalog, record, facts.timezone),
                "compliance": facts.compliance.get(record.id, []),
                "calendars": {c.id: c for c in catalog.calendars},
            }
            context |= agreement_extras(facts, record, context["zone"])
            context |= {
                "suppliers": [s for s in catalog.suppliers if record.id in s.underpins],
                "needs": _needs_of(catalog, record, facts.as_of),
                "capability": facts.capability.get(record.id),
                "capability_months": CAPABILITY_MONTHS,
                "achievable": ACHIEVABLE,
                "tight": TIGHT,
                "min_measured": MIN_MEASURED,
            }
        yield PageSpec(f"{section}/{record.id}.md", template, context)


def _capability(
    catalog: Catalog, calendars: CalendarBook, as_of: datetime
) -> dict[str, Capability]:
    judged = {}
    for agreement in catalog.agreements:
        if agreement.status in ("expired", "retired"):
            continue
        requests = population(agreement, catalog.requests, as_of)
        clocks = evaluate_under(agreement, requests, calendars, as_of)
        judged[agreement.id] = Capability(len(requests), tuple(capability(clocks)))
    return judged


def _needs_of(catalog: Catalog, agreement: Agreement, as_of: datetime) -> list[Need]:
    """Input for an agreement's review: what names it, or its customer without naming one."""
    return [
        n
        for n in catalog.needs
        if n.at <= as_of
        and (n.agreement == agreement.id or (not n.agreement and n.raised_by == agreement.customer))
    ]


def _zone_of(catalog: Catalog, agreement: Agreement | None, default: str) -> str:
    if agreement is None:
        return default
    calendar = catalog.record(agreement.calendar, Calendar)
    return calendar.timezone if calendar is not None else default


def _requests_index(facts: SiteFacts) -> dict[str, Any]:
    rows = []
    for request in sorted(facts.catalog.requests, key=lambda r: (r.received, r.id), reverse=True):
        state = facts.states.get(request.id)
        if state is None:
            continue
        rows.append(
            {"request": request, "state": state, "sla": sla_summary(facts.clocks.get(request.id))}
        )
    return {"rows": rows}


def _audit_pages(facts: SiteFacts) -> Iterator[PageSpec]:
    history = facts.history
    findings = history.findings
    sections = [
        (kind, KIND_TITLES[kind], [f for f in findings if f.kind == kind]) for kind in KINDS
    ]
    common = {"site_history": history, "history_available": history.available}
    yield PageSpec("audit/index.md", "audit_index", {**common, "sections": sections})
    matrix = evidence_matrix(facts.catalog, history, facts.as_of)
    goals = list(GOALS.items())
    yield PageSpec("audit/cmmi.md", "audit_cmmi", {**common, "matrix": matrix, "goals": goals})
