"""The compute step: everything derived once from the catalog as of an instant (pure).

Request states, SLA clocks, compliance, monthly figures, maintenance windows, job runs,
capability and which record has a page. Views read these facts; nothing here knows about
pages, templates or MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from generator.analysis.auto_close import auto_close_periods
from generator.analysis.capability import (
    Capability,
    capability,
    population,
)
from generator.analysis.compliance import ComplianceRow, compliance, month_end, month_of
from generator.analysis.maintenance import PlannedWindow, upcoming_windows
from generator.analysis.monitoring import MonitoringReport
from generator.analysis.monthly import MonthFacts, monthly_facts
from generator.analysis.objectives import ObjectiveMiss, objective_misses
from generator.analysis.schedules import Run, upcoming_runs
from generator.analysis.visibility import STAFF, Audience
from generator.facts.request_paging import (
    ALL_REQUEST_PAGES,
    RequestPagePolicy,
    paged_requests,
)
from generator.history.sitehistory import NO_SITE_HISTORY, SiteHistory
from generator.models.agreement import Agreement
from generator.models.common import Record
from generator.records.alert_rules import RuleSet
from generator.records.catalog import Catalog
from generator.records.kinds import SHAPES
from generator.sla.calendars import CalendarBook
from generator.sla.evaluation import evaluate, evaluate_under
from generator.sla.request_clocks import RequestClocks
from generator.sla.status import RequestState, request_state
from generator.sla.versions import VersionBook, published_ids

SECTIONS: dict[type[Record], str] = {model: shape.section for model, shape in SHAPES.items()}
"""The site folder of each model's record pages (from the kinds table)."""


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
    versions: VersionBook = field(default_factory=VersionBook)
    """Every agreement's published versions (which one measured which request)."""
    objective_misses: dict[str, list[ObjectiveMiss]] = field(default_factory=dict)
    """Per agreement id: the ended months below a compliance objective (review flags)."""
    audience: Audience = STAFF
    """Who reads the site these facts are for (see :mod:`generator.facts.audience_facts`)."""
    calendars: CalendarBook = field(default_factory=lambda: CalendarBook((), range(0)))
    """The service-hours calendars, built once (coverage and availability use them)."""
    rules: RuleSet = field(default_factory=RuleSet)
    """The alerting rule files of the monitoring folder, as read (the pipeline reads them)."""
    monitoring: MonitoringReport = field(default_factory=MonitoringReport)
    """Those rules held against the components and the agreements' targets."""


def compute_facts(
    catalog: Catalog,
    as_of: datetime,
    timezone: str,
    history: SiteHistory = NO_SITE_HISTORY,
    request_pages: RequestPagePolicy = ALL_REQUEST_PAGES,
    auto_close_s: int | None = None,
    versions: VersionBook | None = None,
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
    book = versions or VersionBook()
    report = evaluate(
        catalog, as_of, default_timezone=timezone, auto_close_s=auto_close_s, versions=book
    )
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
    # A draft or negotiating agreement promises nothing yet: no compliance, no reports.
    published = published_ids(catalog.agreements)
    measured = [r for r in report.requests if r.agreement_id in published]
    rows = compliance(measured, as_of, zones.__getitem__)
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
        compliance=rows,
        monthly=monthly_facts(
            [h for h in handled if h[2].agreement_id in published], as_of, zones.__getitem__
        ),
        capability=_capability(catalog, report.calendars, as_of),
        maintenance=windows,
        runs=upcoming_runs(catalog.schedules, windows, as_of, timezone),
        versions=book,
        objective_misses=_misses(catalog, rows, book, zones, as_of),
        calendars=report.calendars,
    )


def _misses(
    catalog: Catalog,
    rows: dict[str, list[ComplianceRow]],
    book: VersionBook,
    zones: dict[str, str],
    as_of: datetime,
) -> dict[str, list[ObjectiveMiss]]:
    found = {}
    for agreement in catalog.agreements:
        if agreement.id not in rows:
            continue
        zone = ZoneInfo(zones[agreement.id])

        def objectives_of(
            month: str, agreement: Agreement = agreement, zone: ZoneInfo = zone
        ) -> Mapping[str, float]:
            found = book.at(agreement, month_end(month, zone)).objectives
            return {str(metric): share for metric, share in found.items()}

        misses = objective_misses(
            agreement.id, rows[agreement.id], objectives_of, month_of(as_of, zone)
        )
        if misses:
            found[agreement.id] = misses
    return found


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
