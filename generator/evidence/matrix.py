"""The CMMI evidence matrix: per practice and per line of the text, the records, pages and
commits, and the gaps.

Pure: from the catalog, the site's history and ``as_of`` (and, for the lines that need
them, the service-hours calendars and the monitoring report). A gap is something an
appraiser would ask about: evidence that is missing, stale or contradicted by the audit
of the history, or a part of a line the product does not do. Each gap comes from one
named check; a line lists the checks that apply to it, and a practice's gaps are those
of its lines, once each.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from generator.analysis.coverage import coverage
from generator.analysis.forecast import workloads
from generator.analysis.monitoring import MonitoringReport
from generator.analysis.orientation import not_oriented
from generator.analysis.readiness import action_records, readiness
from generator.analysis.stock import stock_level
from generator.analysis.underpinning import fits
from generator.errors import Severity
from generator.evidence.lines import LINES, PAGE_TITLES, SeedLine
from generator.evidence.practices import PRACTICES, Practice
from generator.history.sitehistory import CommitRef, SiteHistory
from generator.models.common import format_duration
from generator.models.request import Closed
from generator.records.catalog import Catalog
from generator.sla.calendars import CalendarBook
from generator.sla.status import request_state

FOLDER_TITLES = {
    "agreements": "agreements",
    "services": "services",
    "requests": "requests",
    "procedures": "procedures",
    "components": "components",
    "maintenance": "maintenance plans",
    "schedules": "job schedules",
    "log": "log entries",
    "consumables": "consumables",
    "needs": "needs and surveys",
    "suppliers": "supplier agreements",
    "people": "roster entries",
    "calendars": "calendars",
    "rotas": "rotas",
}


@dataclass(frozen=True)
class LineEvidence:
    """One line of the text with its evidence."""

    line: SeedLine
    records: tuple[tuple[str, int], ...]
    pages: tuple[tuple[str, str], ...]
    """(title, path) of the pages that show it."""
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class PracticeEvidence:
    """One row of the matrix."""

    practice: Practice
    records: tuple[tuple[str, int], ...]
    commits: int
    latest: CommitRef | None
    gaps: tuple[str, ...]
    lines: tuple[LineEvidence, ...] = ()


@dataclass(frozen=True)
class Inputs:
    """What the checks look at."""

    catalog: Catalog
    history: SiteHistory
    as_of: datetime
    timezone: str = "UTC"
    calendars: CalendarBook | None = None
    monitoring: MonitoringReport | None = None


def evidence_matrix(
    catalog: Catalog,
    history: SiteHistory,
    as_of: datetime,
    flags: Mapping[str, Sequence[str]] | None = None,
    *,
    timezone: str = "UTC",
    calendars: CalendarBook | None = None,
    monitoring: MonitoringReport | None = None,
) -> list[PracticeEvidence]:
    """Every practice with its lines, their evidence and gaps; ``flags`` adds gaps worked
    out elsewhere, by check name (the months below a compliance objective, for
    ``reviews``)."""
    inputs = Inputs(catalog, history, as_of, timezone, calendars, monitoring)
    counts: dict[str, int] = {}
    for entry in catalog.entries.values():
        folder = entry.path.split("/")[1]
        counts[folder] = counts.get(folder, 0) + 1
    found: dict[str, list[str]] = {}
    for name, check in CHECKS.items():
        found[name] = [*check(inputs), *(flags or {}).get(name, ())]
    rows = []
    for practice in PRACTICES:
        lines = tuple(_line(line, counts, found) for line in LINES if line.practice == practice.id)
        records = tuple((FOLDER_TITLES[f], counts.get(f, 0)) for f in practice.folders)
        shas: set[str] = set()
        latest: CommitRef | None = None
        for folder in practice.folders:
            commits = history.folders.get(folder)
            if commits is None:
                continue
            shas |= commits.shas
            if commits.latest and (latest is None or commits.latest.date > latest.date):
                latest = commits.latest
        gaps = list(dict.fromkeys(gap for line in lines for gap in line.gaps))
        empty = [title for title, count in records if count == 0]
        if empty:
            gaps.insert(0, f"no {', '.join(empty)} recorded")
        rows.append(PracticeEvidence(practice, records, len(shas), latest, tuple(gaps), lines))
    return rows


def _line(
    line: SeedLine, counts: Mapping[str, int], found: Mapping[str, list[str]]
) -> LineEvidence:
    records = tuple((FOLDER_TITLES[f], counts.get(f, 0)) for f in line.folders)
    gaps: list[str] = []
    if records and not any(count for _, count in records):
        gaps.append(f"no {' or '.join(title for title, _ in records)} recorded")
    if line.absent:
        gaps.append(f"not built: {line.absent}")
    for name in line.checks:
        gaps.extend(found[name])
    pages = tuple((PAGE_TITLES[path], path) for path in line.pages)
    return LineEvidence(line, records, pages, tuple(gaps))


Check = Callable[[Inputs], list[str]]


def _needs_open(inputs: Inputs) -> list[str]:
    return [
        f"{need.id}: {need.type.replace('_', ' ')} still open after {OPEN_NEED_DAYS} days"
        for need in inputs.catalog.needs
        if need.status == "open" and need.type != "survey"
        and (inputs.as_of - need.at).days > OPEN_NEED_DAYS
    ]  # fmt: skip


def _supplier_fit(inputs: Inputs) -> list[str]:
    catalog = inputs.catalog
    return [
        f"{fit.supplier.id}: {format_duration(fit.supplier_s)} resolution does not fit inside "
        f"{fit.agreement.id}'s {format_duration(fit.ours_s or 0)} at {fit.priority}"
        for fit in fits(catalog.suppliers, catalog.agreements)
        if fit.state == "short"
    ]


def _surveys(inputs: Inputs) -> list[str]:
    catalog = inputs.catalog
    customers = {a.customer for a in catalog.agreements if a.status == "active"}
    surveyed = {n.raised_by for n in catalog.needs if n.type == "survey"}
    return [f"{c}: no satisfaction survey recorded" for c in sorted(customers - surveyed)]


def _ratings(inputs: Inputs) -> list[str]:
    if any(r.satisfaction is not None for r in inputs.catalog.requests):
        return []
    return ["no request has a satisfaction rating"]


def _reviews(inputs: Inputs) -> list[str]:
    gaps = []
    for agreement in inputs.catalog.agreements:
        if agreement.status == "active" and agreement.review is None:
            gaps.append(f"{agreement.id}: active without a review cycle")
        due = agreement.review.due() if agreement.review else None
        if agreement.status == "active" and due is not None and due < inputs.as_of.date():
            gaps.append(f"{agreement.id}: review overdue since {due.isoformat()}")
    return gaps


def _activation(inputs: Inputs) -> list[str]:
    return _findings(inputs.history, ("unapproved_activation",))


def _categories(inputs: Inputs) -> list[str]:
    return [f"{s.id}: no request categories" for s in inputs.catalog.services if not s.categories]


def _channels(inputs: Inputs) -> list[str]:
    return [f"{s.id}: no intake channels listed" for s in inputs.catalog.services if not s.channels]


def _empty_groups(inputs: Inputs) -> list[str]:
    return [f"{g.id}: group without members" for g in inputs.catalog.groups if not g.members]


def _capacity(inputs: Inputs) -> list[str]:
    return [
        f"{g.id}: no capacity recorded, so its workload forecast has nothing to be held against"
        for g in inputs.catalog.groups
        if g.members and g.capacity is None
    ]


def _over_capacity(inputs: Inputs) -> list[str]:
    catalog = inputs.catalog
    found = workloads(catalog.requests, catalog.groups, inputs.as_of, inputs.timezone)
    return [
        f"{w.group.id}: forecast above its capacity of {w.capacity} in {len(w.over)} of the "
        f"next {len(w.ahead)} weeks"
        for w in found
        if w.over
    ]


def _coverage(inputs: Inputs) -> list[str]:
    catalog = inputs.catalog
    if inputs.calendars is None:
        return []
    return [
        f"{c.calendar_id}: {format_duration(c.uncovered_s)} of service hours with nobody on "
        f"duty in the next {len(c.weeks)} weeks"
        for c in coverage(catalog.rotas, catalog.agreements, inputs.calendars, inputs.as_of)
        if c.uncovered_s
    ]


def _monitoring(inputs: Inputs) -> list[str]:
    report = inputs.monitoring
    if report is None:
        return []
    return [
        f"{f.file}:{f.line}: {f.message}"
        for f in report.findings
        if f.kind in ("exceeds", "thin", "unmapped_severity", "unknown_component")
    ]


def _silent(inputs: Inputs) -> list[str]:
    report = inputs.monitoring
    if report is None:
        return []
    return [f"{c.id}: no alerting rule watches it" for c in report.silent]


def _procedures(inputs: Inputs) -> list[str]:
    catalog, as_of = inputs.catalog, inputs.as_of
    gaps = [
        f"{p.id}: procedure never exercised"
        for p in catalog.procedures
        if p.status == "active" and not p.exercised
    ]
    for procedure in catalog.procedures:
        due = procedure.review.due() if procedure.review else None
        if procedure.status == "active" and due is not None and due < as_of.date():
            gaps.append(f"{procedure.id}: review overdue since {due.isoformat()}")
    return gaps


def _readiness(inputs: Inputs) -> list[str]:
    catalog = inputs.catalog
    actions = action_records(catalog.log, catalog.maintenance)
    said = {
        "never": "no readiness check recorded",
        "failed": "last readiness check failed",
        "stale": "readiness check overdue",
    }
    gaps = []
    for row in readiness(catalog.components, actions, inputs.as_of):
        if row.state in said:
            since = f" since {row.due.isoformat()}" if row.state == "stale" and row.due else ""
            gaps.append(f"{row.component.id}: {said[row.state]}{since}")
    return gaps


def _schedule_monitoring(inputs: Inputs) -> list[str]:
    return [
        f"{s.id}: no monitoring described (how a failed or late run is noticed)"
        for s in inputs.catalog.schedules
        if s.status == "active" and not s.monitoring.strip()
    ]


def _stock(inputs: Inputs) -> list[str]:
    gaps = []
    for consumable in inputs.catalog.consumables:
        stock = stock_level(consumable, inputs.as_of)
        if stock.state != "ok":
            gaps.append(
                f"{consumable.id}: stock {stock.state} ({stock.level} {consumable.unit}(s))"
            )
    return gaps


def _orientation(inputs: Inputs) -> list[str]:
    catalog = inputs.catalog
    return [
        f"{p.id}: joined {p.joined} and not oriented yet"
        for p in not_oriented(catalog.people, catalog.organizations, catalog.groups)
    ]


def _history(inputs: Inputs) -> list[str]:
    history = inputs.history
    if not history.available:
        return [f"changes are not controlled: {history.note}, so no change has a commit"]
    return []


def _integrity(inputs: Inputs) -> list[str]:
    return _findings(inputs.history, ("event_rewritten", "record_deleted"))


def _authors(inputs: Inputs) -> list[str]:
    return _findings(inputs.history, ("unknown_author", "direct_commit"))


def _late_entries(inputs: Inputs) -> list[str]:
    return _findings(inputs.history, ("late_entry",))


def _unassigned(inputs: Inputs) -> list[str]:
    ids = [
        r.id
        for r in inputs.catalog.requests
        if r.received <= inputs.as_of and request_state(r, inputs.as_of).status == "new"
    ]
    return summarise_requests(ids, "received but never assigned")


def _unconfirmed(inputs: Inputs) -> list[str]:
    ids = []
    for request in inputs.catalog.requests:
        if request.received > inputs.as_of:
            continue
        closed = [e for e in request.events if isinstance(e, Closed) and e.at <= inputs.as_of]
        if closed and not (closed[-1].confirmed_by or closed[-1].auto):
            ids.append(request.id)
    return summarise_requests(ids, "closed without a confirmation")


def summarise_requests(ids: list[str], what: str) -> list[str]:
    """One gap per request while they are few; one line with a count and examples after."""
    if len(ids) <= LISTED_REQUESTS:
        return [f"{request_id}: {what}" for request_id in ids]
    examples = ", ".join(ids[:LISTED_REQUESTS])
    return [f"{len(ids)} requests {what}, such as {examples}"]


def _availability(inputs: Inputs) -> list[str]:
    return [
        f"{a.id}: no agreed availability, so the service reports flag no month"
        for a in inputs.catalog.agreements
        if a.status == "active" and a.availability is None
    ]


def _overdue_actions(inputs: Inputs) -> list[str]:
    catalog, as_of = inputs.catalog, inputs.as_of
    gaps = [
        f"{e.id}: corrective action overdue since {e.due.date().isoformat()}"
        for e in catalog.log
        if e.type == "corrective_action" and e.status == "open" and e.due and e.due < as_of
    ]
    actions = action_records(catalog.log, catalog.maintenance)
    for row in readiness(catalog.components, actions, as_of):
        if row.state == "failed" and row.action is None:
            gaps.append(f"{row.component.id}: failed readiness check without a corrective action")
    return gaps


def _maintenance_tests(inputs: Inputs) -> list[str]:
    gaps = []
    for plan in inputs.catalog.maintenance:
        if plan.status == "done" and not plan.tests:
            gaps.append(f"{plan.id}: done without test results")
        if any(t.result == "failed" for t in plan.tests) and plan.status == "done":
            gaps.append(f"{plan.id}: done although a test failed")
    return gaps


def _maintenance_commits(inputs: Inputs) -> list[str]:
    return [
        f"{plan.id}: done without the commits of its changes"
        for plan in inputs.catalog.maintenance
        if plan.status == "done" and not plan.commits
    ]


CHECKS: dict[str, Check] = {
    "needs_open": _needs_open,
    "supplier_fit": _supplier_fit,
    "surveys": _surveys,
    "ratings": _ratings,
    "reviews": _reviews,
    "activation": _activation,
    "categories": _categories,
    "channels": _channels,
    "empty_groups": _empty_groups,
    "capacity": _capacity,
    "over_capacity": _over_capacity,
    "coverage": _coverage,
    "monitoring": _monitoring,
    "silent": _silent,
    "procedures": _procedures,
    "readiness": _readiness,
    "schedule_monitoring": _schedule_monitoring,
    "stock": _stock,
    "orientation": _orientation,
    "history": _history,
    "integrity": _integrity,
    "authors": _authors,
    "late_entries": _late_entries,
    "unassigned": _unassigned,
    "unconfirmed": _unconfirmed,
    "availability": _availability,
    "overdue_actions": _overdue_actions,
    "maintenance_tests": _maintenance_tests,
    "maintenance_commits": _maintenance_commits,
}
"""Every gap check by name; ``LINES`` says which lines each applies to."""


OPEN_NEED_DAYS = 60
"""A need or staff concern left open longer than this is a gap (it was never reviewed)."""
LISTED_REQUESTS = 10
"""Beyond this many requests with the same gap, the page gives their number (an import of
25,000 requests must not turn the evidence page into a list of them)."""


def _findings(history: SiteHistory, kinds: tuple[str, ...]) -> list[str]:
    gaps = []
    for kind in kinds:
        found = [f for f in history.findings if f.kind == kind]
        if found:
            errors = sum(1 for f in found if f.severity is Severity.ERROR)
            label = "error" if errors else "warning"
            gaps.append(f"audit: {len(found)} {kind.replace('_', ' ')} finding(s) ({label})")
    return gaps
