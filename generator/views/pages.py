"""Which pages the site has and what each shows: pure, from the facts as of ``as_of``.

Every record gets a page under its kind's folder; every kind gets an index
table. Request pages stay out of the navigation (see ``site_config``).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

from generator.analysis.capability import (
    ACHIEVABLE,
    CAPABILITY_MONTHS,
    MIN_MEASURED,
    TIGHT,
)
from generator.analysis.maintenance import HORIZON
from generator.analysis.maintenance_customers import CustomerImpact
from generator.analysis.orientation import not_oriented, onboarding
from generator.analysis.schedules import HORIZON as RUNS_HORIZON
from generator.analysis.schedules import LISTED, critical_path
from generator.analysis.stock import LEAD_DAYS, USAGE_DAYS, stock_level, stock_rows
from generator.analysis.underpinning import fits
from generator.evidence.matrix import evidence_matrix
from generator.evidence.practices import GOALS
from generator.facts.audience_facts import CUSTOMER_SECTIONS
from generator.facts.site_facts import SECTIONS, SiteFacts
from generator.history.findings import KIND_TITLES, KINDS
from generator.models.agreement import Agreement
from generator.models.calendar_record import WEEKDAYS, Calendar
from generator.models.common import Record
from generator.models.consumable import Consumable
from generator.models.maintenance import Maintenance
from generator.models.need import Need
from generator.models.request import STATUSES, Request
from generator.models.roster import Group
from generator.models.rota import Rota
from generator.models.schedule import Schedule
from generator.models.supplier import SupplierAgreement
from generator.records.catalog import Catalog
from generator.records.kinds import SHAPES
from generator.sla.request_clocks import sla_summary
from generator.sla.targets import group_rows
from generator.sla.versions import published_ids
from generator.views.agreement_versions import version_rows
from generator.views.dashboards import agreement_extras, dashboard_pages, home_answers
from generator.views.maintenance_gates import blocked, gate_rows
from generator.views.monitoring import monitoring_page
from generator.views.page_spec import PageSpec
from generator.views.readiness import readiness_page
from generator.views.request_pages import (
    request_listings,
)
from generator.views.request_rules import RequestRules, request_rules
from generator.views.request_view import request_view
from generator.views.staffing import rota_context, staffing_pages
from generator.views.verdicts import (
    fit_summary,
    log_verdicts,
    record_verdicts,
    sla_known,
    survey_ids,
)

CUSTOMER_PAGES = frozenset(
    {"index.md", "dashboards/external.md", "dashboards/notices.md", "dashboards/attention.md"}
)
"""The pages outside those sections a customer's site has."""


def site_pages(facts: SiteFacts) -> Iterator[PageSpec]:
    """Every generated page of the site of ``facts.audience``: a customer's site keeps
    only the pages listed for customers, so a new page is staff-only until listed."""
    for spec in _pages(facts):
        if facts.audience.is_staff or _for_customers(spec.path):
            yield spec


def _for_customers(path: str) -> bool:
    return path in CUSTOMER_PAGES or path.split("/", 1)[0] in CUSTOMER_SECTIONS


def _pages(facts: SiteFacts) -> Iterator[PageSpec]:
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
            "not_oriented": not_oriented(catalog.people, catalog.organizations, catalog.groups),
        },
    )
    yield PageSpec("services/index.md", "services_index", {"services": catalog.services})
    yield PageSpec("agreements/index.md", "agreements_index", {"agreements": catalog.agreements})
    for listing in request_listings(_requests_index(facts)["rows"], facts.timezone):
        monthly = listing.template == "requests_month"
        yield PageSpec(listing.path, listing.template, listing.context, reusable=monthly)
    yield PageSpec("procedures/index.md", "procedures_index", {"procedures": catalog.procedures})
    yield PageSpec(
        "maintenance/index.md",
        "maintenance_index",
        {"plans": catalog.maintenance, "windows": facts.maintenance, "horizon": HORIZON.days},
    )
    needs = sorted(
        (n for n in catalog.needs if n.at <= facts.as_of), key=lambda n: (n.at, n.id), reverse=True
    )
    yield PageSpec("needs/index.md", "needs_index", {"needs": needs, "surveys": survey_ids(needs)})
    all_fits = fits(catalog.suppliers, catalog.agreements)
    fit_states: dict[str, list[str]] = {}
    for fit in all_fits:
        fit_states.setdefault(fit.supplier.id, []).append(fit.state)
    yield PageSpec(
        "suppliers/index.md",
        "suppliers_index",
        {
            "suppliers": catalog.suppliers,
            "fit_summary": {s: fit_summary(states) for s, states in fit_states.items()},
        },
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
            **log_verdicts(entries, facts.as_of),
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
    yield readiness_page(facts)
    yield monitoring_page(facts)
    yield PageSpec("calendars/index.md", "calendars_index", {"calendars": catalog.calendars})
    yield from staffing_pages(facts)
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
    rules = request_rules(catalog, facts.states, facts.versions) if model is Request else None
    for entry, record in catalog.of(model):
        context: dict[str, Any] = {
            "record": record,
            "body": entry.body,
            "source_path": entry.path,
            "history": facts.history.of(record.id),
            "history_available": facts.history.available,
            "history_note": facts.history.note,
        }
        template = SHAPES[model].template
        derive = None
        if isinstance(record, Request):
            if record.id not in facts.states:
                continue  # received after as_of: not yet known at that instant
            if record.id not in facts.record_pages:
                continue  # listed in the requests tables only (request_pages setting)
            assert rules is not None
            context |= _request_context(facts, record, entry.body, rules)
            derive = functools.partial(
                request_view,
                record,
                context["state"],
                context["clocks"],
                facts.as_of,
                staff=facts.audience.is_staff,
            )
        elif model in _CONTEXTS:
            context |= _CONTEXTS[model](facts, record)
        context |= record_verdicts(record, facts.as_of)
        yield PageSpec(f"{section}/{record.id}.md", template, context, True, derive)


def _request_context(
    facts: SiteFacts, record: Request, body: str, rules: RequestRules
) -> dict[str, Any]:
    catalog = facts.catalog
    agreement = catalog.record(record.agreement, Agreement) if record.agreement else None
    clocks = facts.clocks.get(record.id)
    if clocks is not None and clocks.agreement_id and clocks.agreement_version is not None:
        # The version the request was measured under, not the file as it is today.
        measured = facts.versions.version(clocks.agreement_id, clocks.agreement_version)
        if measured is not None:
            agreement = measured.agreement
    state = facts.states[record.id]
    return {
        "state": state,
        "agreement": agreement,
        "zone": _zone_of(catalog, agreement, facts.timezone),
        "out_of_scope": rules.out_of_scope(record, agreement),
        "advice": rules.advice(record, body, state),
        "clocks": facts.clocks.get(record.id),
        # request_view's rows and notice: derived from these when the page is rendered.
    }


def _calendar_context(facts: SiteFacts, record: Any) -> dict[str, Any]:
    return {"weekdays": WEEKDAYS}


def _maintenance_context(facts: SiteFacts, record: Any) -> dict[str, Any]:
    catalog = facts.catalog
    impact = CustomerImpact(catalog.components, catalog.services, catalog.agreements)
    rows = gate_rows(record, impact.customers(record))
    return {
        "windows": [w for w in facts.maintenance if w.plan.id == record.id],
        "gates": rows,
        "blocked": blocked(rows),
    }


def _schedule_context(facts: SiteFacts, record: Any) -> dict[str, Any]:
    return {"runs": [r for r in facts.runs if r.schedule.id == record.id][:RUN_ROWS]}


def _supplier_context(facts: SiteFacts, record: Any) -> dict[str, Any]:
    return {"fits": fits([record], facts.catalog.agreements)}


def _consumable_context(facts: SiteFacts, record: Any) -> dict[str, Any]:
    return {
        "stock": stock_level(record, facts.as_of),
        "log_rows": stock_rows(record, facts.as_of),
        "usage_days": USAGE_DAYS,
    }


def _agreement_context(facts: SiteFacts, record: Any) -> dict[str, Any]:
    catalog = facts.catalog
    zone = _zone_of(catalog, record, facts.timezone)
    needs = _needs_of(catalog, record, facts.as_of)
    return {
        "zone": zone,
        "compliance": facts.compliance.get(record.id, []),
        "calendars": {c.id: c for c in catalog.calendars},
        **agreement_extras(facts, record, zone),
        "suppliers": [s for s in catalog.suppliers if record.id in s.underpins],
        "group_rows": group_rows(record, catalog.suppliers) if facts.audience.is_staff else (),
        "needs": needs,
        "surveys": survey_ids(needs),
        "versions": version_rows(facts.versions, record.id, facts.as_of),
        "objective_misses": facts.objective_misses.get(record.id, []),
        "reports_compliance": record.id in published_ids([record]),
        "versions_from_history": facts.versions.from_history,
        "capability": facts.capability.get(record.id),
        "capability_months": CAPABILITY_MONTHS,
        "achievable": ACHIEVABLE,
        "tight": TIGHT,
        "min_measured": MIN_MEASURED,
    }


def _group_context(facts: SiteFacts, record: Group) -> dict[str, Any]:
    catalog = facts.catalog
    log = [e for e in catalog.log if e.at <= facts.as_of]
    return {
        "onboarding": onboarding(
            record,
            catalog.people,
            catalog.services,
            catalog.procedures,
            catalog.components,
            catalog.maintenance,
            log,
        )
    }


_CONTEXTS: dict[type[Record], Callable[[SiteFacts, Any], dict[str, Any]]] = {
    Agreement: _agreement_context,
    Group: _group_context,
    Calendar: _calendar_context,
    Consumable: _consumable_context,
    Maintenance: _maintenance_context,
    Rota: rota_context,
    Schedule: _schedule_context,
    SupplierAgreement: _supplier_context,
}
"""What a kind's page shows besides the record itself (kinds not listed: nothing)."""


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
        sla = sla_summary(facts.clocks.get(request.id))
        rows.append({"request": request, "state": state, "sla": sla, "sla_known": sla_known(sla)})
    return {"rows": rows}


def _audit_pages(facts: SiteFacts) -> Iterator[PageSpec]:
    history = facts.history
    findings = history.findings
    sections = [
        (kind, KIND_TITLES[kind], [f for f in findings if f.kind == kind]) for kind in KINDS
    ]
    common = {"site_history": history, "history_available": history.available}
    yield PageSpec("audit/index.md", "audit_index", {**common, "sections": sections})
    review_flags = [
        f"{miss.agreement_id}: {miss.text()}; review the agreement"
        for misses in facts.objective_misses.values()
        for miss in misses
    ]
    matrix = evidence_matrix(
        facts.catalog,
        history,
        facts.as_of,
        {"reviews": review_flags},
        timezone=facts.timezone,
        calendars=facts.calendars,
        monitoring=facts.monitoring,
    )
    goals = list(GOALS.items())
    yield PageSpec("audit/cmmi.md", "audit_cmmi", {**common, "matrix": matrix, "goals": goals})
