"""Monthly service reports per agreement, the reports index and the compliance trend.

Pure: from the site facts to page specs and template contexts. A report exists
for every month from the agreement's first request to the month of ``as_of``
(that one marked "month to date"). Reports stay out of the navigation and out of
search: the agreement pages and the reports index link them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from markupsafe import Markup

from generator.analysis.availability import (
    PLANNED,
    OutageSpan,
    PlannedSpan,
    availability,
    outage_spans,
)
from generator.analysis.compliance import ComplianceRow, month_end, month_of, percent
from generator.analysis.maintenance import plan_windows
from generator.analysis.maintenance_customers import CustomerImpact
from generator.analysis.monthly import MonthFacts, MonthTotal, month_range, month_totals
from generator.models.agreement import METRICS
from generator.views.charts import Series, bar_chart, line_chart
from generator.views.clocks import METRIC_LABELS
from generator.views.page_spec import PageSpec

if TYPE_CHECKING:
    from generator.facts.site_facts import SiteFacts
    from generator.models.agreement import Agreement

PRIORITIES = ("P1", "P2", "P3", "P4", "P5")
SCORES = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class ReportLink:
    """One monthly report as the index and the agreement page list it."""

    agreement_id: str
    month: str
    path: str
    total: MonthTotal
    received: int
    complete: bool


def report_path(agreement_id: str, month: str) -> str:
    """Where the report of an agreement and month goes in the site."""
    return f"reports/{agreement_id}/{month}.md"


def report_months(facts: SiteFacts, agreement: Agreement, zone: str) -> list[str]:
    """Months with a report: from the first with activity to the month of ``as_of``."""
    months = facts.monthly.get(agreement.id, {})
    if not months:
        return []
    current = month_of(facts.as_of, ZoneInfo(zone))
    return month_range(min(months), max(current, max(months)))


def report_links(facts: SiteFacts, agreement: Agreement, zone: str) -> list[ReportLink]:
    """The agreement's reports, newest first."""
    totals = month_totals(facts.compliance.get(agreement.id, []))
    current = month_of(facts.as_of, ZoneInfo(zone))
    months = facts.monthly.get(agreement.id, {})
    return [
        ReportLink(
            agreement.id,
            month,
            report_path(agreement.id, month),
            totals.get(month, MonthTotal(month, 0, 0)),
            len(months[month].received) if month in months else 0,
            month < current,
        )
        for month in reversed(report_months(facts, agreement, zone))
    ]


def trend(facts: SiteFacts, agreement: Agreement, zone: str) -> dict[str, Any]:
    """Compliance per month (all clocks, and per clock) with its chart, for the agreement page."""
    rows = facts.compliance.get(agreement.id, [])
    months = report_months(facts, agreement, zone)
    totals = month_totals(rows)
    per_metric = {
        metric: month_totals(r for r in rows if r.metric == metric)
        for metric in METRICS
        if any(r.metric == metric for r in rows)
    }
    series = [Series("all clocks", tuple(_pct(totals.get(m)) for m in months))]
    for metric, found in per_metric.items():
        values = tuple(_pct(found.get(m)) for m in months)
        if any(v is not None for v in values):
            series.append(Series(METRIC_LABELS[metric], values))
    chart = line_chart(
        f"Compliance per month, {agreement.id}", months, series, unit="%", maximum=100
    )
    table = [(m, totals.get(m, MonthTotal(m, 0, 0))) for m in months]
    return {"trend_chart": Markup(chart) if months else None, "trend_rows": table}


def satisfaction_trend(facts: SiteFacts, agreement: Agreement, zone: str) -> dict[str, Any]:
    """Satisfaction over time, for the agreement page: the average rating requesters gave
    per month (the month of the rating) and the score of each survey of the agreement
    (the month it closed), both on the 1-5 scale."""
    local = ZoneInfo(zone)
    ratings: dict[str, list[int]] = {}
    for month, found in facts.monthly.get(agreement.id, {}).items():
        if found.ratings:
            ratings[month] = [score for _, score, _ in found.ratings]
    surveys: dict[str, list[float]] = {}
    for need in facts.catalog.needs:
        if need.type != "survey" or need.agreement != agreement.id or need.score is None:
            continue
        if need.at <= facts.as_of:
            surveys.setdefault(month_of(need.at, local), []).append(need.score)
    if not ratings and not surveys:
        return {"satisfaction_chart": None, "satisfaction_rows": []}
    months = month_range(min((*ratings, *surveys)), max((*ratings, *surveys)))
    average = {m: round(sum(v) / len(v), 2) for m, v in ratings.items()}
    survey = {m: round(sum(v) / len(v), 2) for m, v in surveys.items()}
    chart = line_chart(
        f"Satisfaction per month, {agreement.id}",
        months,
        [
            Series("request ratings (average)", tuple(average.get(m) for m in months)),
            Series("surveys", tuple(survey.get(m) for m in months)),
        ],
        maximum=5,
    )
    rows = [
        (m, len(ratings.get(m, [])), average.get(m), survey.get(m))
        for m in months
        if m in ratings or m in surveys
    ]
    return {"satisfaction_chart": Markup(chart), "satisfaction_rows": rows}


def report_pages(facts: SiteFacts, zone_of: dict[str, str]) -> Iterator[PageSpec]:
    """One report page per agreement and month, and the reports index."""
    index: list[tuple[Agreement, list[ReportLink]]] = []
    outages: dict[str, list[OutageSpan]] = {}
    for request in facts.catalog.requests:
        if request.agreement and request.outage is not None:
            outages.setdefault(request.agreement, []).extend(outage_spans([request], facts.as_of))
    for agreement in facts.catalog.agreements:
        zone = zone_of[agreement.id]
        links = report_links(facts, agreement, zone)
        index.append((agreement, links))
        for position, link in enumerate(links):
            newer = links[position - 1] if position > 0 else None
            older = links[position + 1] if position + 1 < len(links) else None
            context = service_report(facts, agreement, link, zone)
            context |= month_availability(facts, agreement, link.month, zone, outages)
            context |= {"newer": newer, "older": older}
            yield PageSpec(link.path, "service_report", context)
    yield PageSpec("reports/index.md", "reports_index", _index(facts, index))


def service_report(
    facts: SiteFacts, agreement: Agreement, link: ReportLink, zone: str
) -> dict[str, Any]:
    """Context of one monthly service report."""
    month = link.month
    found = facts.monthly.get(agreement.id, {}).get(month, MonthFacts())
    rows = [r for r in facts.compliance.get(agreement.id, []) if r.month == month]
    priorities = sorted({p for _, p in found.volume}, key=_priority_key)
    categories = sorted({c for c, _ in found.volume})
    volume = [
        (
            c,
            [found.volume.get((c, p), 0) for p in priorities],
            sum(found.volume.get((c, p), 0) for p in priorities),
        )
        for c in categories
    ]
    scores = Counter(score for _, score, _ in found.ratings)
    average = (
        round(sum(s for _, s, _ in found.ratings) / len(found.ratings), 2)
        if found.ratings
        else None
    )
    by_service = Counter(facts.clocks[rid].service for rid, _ in found.resolved)
    return {
        "agreement": agreement,
        "versions": sorted(found.versions) or [agreement.version],
        "month": month,
        "zone": zone,
        "complete": link.complete,
        "total": link.total,
        "priorities": priorities,
        "volume": volume,
        "received": len(found.received),
        "compliance": [(row, _targets(found, row)) for row in rows],
        "breaches": sorted(
            found.breaches, key=lambda b: (-b.over_by_s, b.request_id, b.clock.metric)
        ),
        "ratings": sorted(found.ratings),
        "average": average,
        "score_rows": [(score, scores.get(score, 0)) for score in SCORES],
        "score_chart": Markup(
            bar_chart(
                f"Satisfaction ratings, {agreement.id} {month}",
                [f"{s} ★" for s in SCORES],
                [Series("ratings", tuple(float(scores.get(s, 0)) for s in SCORES))],
            )
        )
        if found.ratings
        else None,
        "delivered": sorted(by_service.items()),
        "group_rows": group_rows(found) if facts.audience.is_staff else [],
        "resolved": sorted(found.resolved, key=lambda item: (item[1], item[0])),
    }


def month_availability(
    facts: SiteFacts,
    agreement: Agreement,
    month: str,
    zone: str,
    outages: dict[str, list[OutageSpan]],
) -> dict[str, Any]:
    """Availability per service of the agreement in the month (``analysis/availability``)."""
    local = ZoneInfo(zone)
    year, number = (int(part) for part in month.split("-"))
    low = datetime(year, number, 1, tzinfo=local).astimezone(UTC)
    high = min(month_end(month, local) + timedelta(microseconds=1), facts.as_of)
    starts = facts.versions.starts(agreement.id) or agreement.starts
    if starts is not None:
        low = max(low, datetime.combine(starts, time(), local).astimezone(UTC))
    if agreement.expires is not None:
        until = datetime.combine(agreement.expires + timedelta(days=1), time(), local)
        high = min(high, until.astimezone(UTC))
    calendar = facts.calendars.get(agreement.calendar)
    terms = facts.versions.at(agreement, high)
    hours = calendar.windows_between(low, high) if calendar is not None and low < high else []
    catalog = facts.catalog
    impact = CustomerImpact(catalog.components, catalog.services, catalog.agreements)
    planned = [
        PlannedSpan(plan.id, frozenset(impact.services(plan)), start, end)
        for plan in catalog.maintenance
        if plan.status in PLANNED and plan.customers_affected is not False
        for start, end in plan_windows(plan, low, high, facts.timezone)
    ]
    rows = availability(
        terms.services,
        (low, high),
        hours,
        outages.get(agreement.id, []),
        planned,
        terms.availability,
    )
    return {"availability": rows, "availability_target": terms.availability}


def _index(facts: SiteFacts, index: list[tuple[Agreement, list[ReportLink]]]) -> dict[str, Any]:
    months = sorted({link.month for _, links in index for link in links})
    series = [
        Series(
            agreement.id,
            tuple(float(next((ln.received for ln in links if ln.month == m), 0)) for m in months),
        )
        for agreement, links in index
        if links
    ]
    chart = bar_chart("Requests received per month", months, series) if months else None
    volume_rows = [
        (
            m,
            [
                next((ln.received for ln in links if ln.month == m), 0)
                for _, links in index
                if links
            ],
        )
        for m in months
    ]
    return {
        "index": index,
        "months": months,
        "volume_chart": Markup(chart) if chart else None,
        "volume_agreements": [a.id for a, links in index if links],
        "volume_rows": volume_rows,
    }


def _targets(found: MonthFacts, row: ComplianceRow) -> list[int]:
    return sorted(found.targets.get((row.metric, row.priority), set()))


def _pct(total: MonthTotal | None) -> float | None:
    return None if total is None else total.percent


def _priority_key(priority: str) -> tuple[int, str]:
    return (PRIORITIES.index(priority) if priority in PRIORITIES else 99, priority)


@dataclass(frozen=True)
class GroupMonth:
    """One group's operational level clocks judged in a month: met and breached per clock."""

    group: str
    assign_met: int
    assign_breached: int
    hold_met: int
    hold_breached: int

    @property
    def assign_percent(self) -> float | None:
        """Share of turns assigned in target, one decimal (None: none judged)."""
        return percent(self.assign_met, self.assign_met + self.assign_breached)

    @property
    def hold_percent(self) -> float | None:
        """Share of requests held within target, one decimal (None: none judged)."""
        return percent(self.hold_met, self.hold_met + self.hold_breached)


def group_rows(found: MonthFacts) -> list[GroupMonth]:
    """The month's group clocks per group, by group id."""
    counts = found.groups
    return [
        GroupMonth(
            group,
            counts[(group, "assign", "met")],
            counts[(group, "assign", "breached")],
            counts[(group, "hold", "met")],
            counts[(group, "hold", "breached")],
        )
        for group in sorted({group for group, _, _ in counts})
    ]
